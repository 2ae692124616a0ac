import type { CallbackProfileSpec } from "@rebound/core";
import {
  type CallbackProfileRow,
  callbackProfiles,
  columnsFromSpec,
  type Database,
  deliveries,
  type SecretBox,
} from "@rebound/db";
import { and, count, desc, eq, gte, ilike, inArray, isNull, lt, lte, type SQL } from "drizzle-orm";
import { isUniqueViolation } from "../errors/unique-violation.ts";
import type { ProfileListFilters } from "./list-query.ts";

/** Store operations share the database, the secret box and the clock. */
export interface ProfileStoreOptions {
  db: Database;
  secretBox: SecretBox;
  now: () => Date;
}

export type SaveProfileResult =
  | { outcome: "saved"; row: CallbackProfileRow }
  | { outcome: "duplicate-title" }
  | { outcome: "not-found" };

export interface InsertProfileInput {
  accountId: string;
  profileId: string;
  spec: CallbackProfileSpec;
  signingSecret: string;
}

/** Inserts a validated profile; a title already used in the account is an outcome, not an error. */
export async function insertProfile(
  store: ProfileStoreOptions,
  input: InsertProfileInput,
): Promise<SaveProfileResult> {
  const now = store.now();
  try {
    const [row] = await store.db
      .insert(callbackProfiles)
      .values({
        ...columnsFromSpec(input.spec, store.secretBox),
        profileId: input.profileId,
        accountId: input.accountId,
        signingSecretSealed: store.secretBox.seal(input.signingSecret),
        createdAt: now,
        modifiedAt: now,
      })
      .returning();
    return row === undefined ? { outcome: "not-found" } : { outcome: "saved", row };
  } catch (error) {
    if (isUniqueViolation(error)) return { outcome: "duplicate-title" };
    throw error;
  }
}

function liveProfile(accountId: string, profileId: string): SQL | undefined {
  return and(
    eq(callbackProfiles.accountId, accountId),
    eq(callbackProfiles.profileId, profileId),
    isNull(callbackProfiles.deletedAt),
  );
}

/** A live (not deleted) profile of the account, or null. */
export async function findProfile(
  db: Database,
  accountId: string,
  profileId: string,
): Promise<CallbackProfileRow | null> {
  const [row] = await db.select().from(callbackProfiles).where(liveProfile(accountId, profileId));
  return row ?? null;
}

/**
 * Saves an updated spec. When the profile becomes active again (from auto-disabled or disabled),
 * its held deliveries are released in the same transaction.
 */
export async function updateProfile(
  store: ProfileStoreOptions,
  existing: CallbackProfileRow,
  spec: CallbackProfileSpec,
): Promise<SaveProfileResult> {
  const now = store.now();
  const columns = columnsFromSpec(spec, store.secretBox);
  const reactivated = existing.status !== 1 && spec.status === 1;
  // The failure streak that auto-disabled the profile starts over (also after a detour through
  // status 3), or the first final failure after re-enabling would disable it again at once.
  const restartStreak = reactivated && (existing.status === 2 || existing.disabledAt !== null);
  try {
    const row = await store.db.transaction(async (tx) => {
      const [updated] = await tx
        .update(callbackProfiles)
        .set({
          ...columns,
          modifiedAt: now,
          ...(reactivated ? { disabledReason: null, disabledAt: null } : {}),
          ...(restartStreak ? { consecutiveFinalFailures: 0, firstFinalFailureAt: null } : {}),
        })
        .where(liveProfile(existing.accountId, existing.profileId))
        .returning();
      if (updated !== undefined && reactivated) {
        await tx
          .update(deliveries)
          .set({ status: "pending", nextAttemptAt: now, modifiedAt: now })
          .where(and(eq(deliveries.profileId, updated.id), eq(deliveries.status, "held")));
      }
      return updated;
    });
    return row === undefined ? { outcome: "not-found" } : { outcome: "saved", row };
  } catch (error) {
    if (isUniqueViolation(error)) return { outcome: "duplicate-title" };
    throw error;
  }
}

/**
 * Soft-deletes a profile and cancels its pending and held deliveries in one transaction;
 * returns false when there was no live profile.
 */
export async function deleteProfile(
  store: ProfileStoreOptions,
  accountId: string,
  profileId: string,
): Promise<boolean> {
  const now = store.now();
  return store.db.transaction(async (tx) => {
    const [deleted] = await tx
      .update(callbackProfiles)
      .set({ deletedAt: now, modifiedAt: now })
      .where(liveProfile(accountId, profileId))
      .returning({ id: callbackProfiles.id });
    if (deleted === undefined) return false;
    await tx
      .update(deliveries)
      .set({ status: "cancelled", modifiedAt: now, completedAt: now })
      .where(
        and(eq(deliveries.profileId, deleted.id), inArray(deliveries.status, ["pending", "held"])),
      );
    return true;
  });
}

export interface ListProfilesResult {
  rows: CallbackProfileRow[];
  total: number;
}

/** `%`, `_` and `\` are LIKE syntax; escaped, the title filter is a plain substring. */
function likeSubstring(text: string): string {
  return `%${text.replace(/[\\%_]/g, "\\$&")}%`;
}

/** Live profiles of the account matching the filters, newest first, with the total count. */
export async function listProfiles(
  db: Database,
  accountId: string,
  filters: ProfileListFilters,
): Promise<ListProfilesResult> {
  const { createdTo } = filters;
  const where = and(
    eq(callbackProfiles.accountId, accountId),
    isNull(callbackProfiles.deletedAt),
    filters.title === undefined
      ? undefined
      : ilike(callbackProfiles.title, likeSubstring(filters.title)),
    filters.httpMethod === undefined
      ? undefined
      : eq(callbackProfiles.httpMethod, filters.httpMethod),
    filters.status === undefined ? undefined : eq(callbackProfiles.status, filters.status),
    filters.createdFrom === undefined
      ? undefined
      : gte(callbackProfiles.createdAt, filters.createdFrom),
    createdTo === undefined
      ? undefined
      : createdTo.inclusive
        ? lte(callbackProfiles.createdAt, createdTo.at)
        : lt(callbackProfiles.createdAt, createdTo.at),
  );
  const rows = await db
    .select()
    .from(callbackProfiles)
    .where(where)
    .orderBy(desc(callbackProfiles.createdAt), desc(callbackProfiles.id))
    .limit(filters.limit)
    .offset(filters.offset);
  const [counted] = await db.select({ total: count() }).from(callbackProfiles).where(where);
  return { rows, total: counted?.total ?? 0 };
}
