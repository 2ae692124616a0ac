import type { CallbackProfileSpec } from "@rebound/core";
import {
  type CallbackProfileRow,
  callbackProfiles,
  type DbHandle,
  type SecretBox,
  specFromRow,
} from "@rebound/db";
import { eq } from "drizzle-orm";

/** A profile ready to render: the spec with its secrets unsealed. */
export interface LoadedProfile {
  id: string;
  modifiedAt: Date;
  deletedAt: Date | null;
  spec: CallbackProfileSpec;
  /** The profile's retry_schedule in ms, derived once per load; undefined = the default ladder. */
  ladderMs: number[] | undefined;
  signingSecret: string;
  previousSigningSecret: string | null;
  previousSecretExpiresAt: Date | null;
}

export interface ProfileCacheOptions {
  handle: DbHandle;
  secretBox: SecretBox;
  /** Most profiles kept; the least recently loaded is dropped first. Default 1000. */
  maxEntries?: number;
}

export interface ProfileCache {
  /**
   * The profile as of `modifiedAt` (from the claim): served from memory when the cached copy is
   * that version, loaded and unsealed otherwise. Null when the row no longer exists.
   */
  get(id: string, modifiedAt: Date): Promise<LoadedProfile | null>;
}

/** Loads profile rows by internal id and keeps them unsealed, keyed by (id, modified_at). */
export function createProfileCache(options: ProfileCacheOptions): ProfileCache {
  const maxEntries = options.maxEntries ?? 1000;
  const entries = new Map<string, LoadedProfile>();
  return {
    async get(id, modifiedAt) {
      const cached = entries.get(id);
      if (cached !== undefined && cached.modifiedAt.getTime() >= modifiedAt.getTime()) {
        return cached;
      }
      const [row] = await options.handle.db
        .select()
        .from(callbackProfiles)
        .where(eq(callbackProfiles.id, id));
      entries.delete(id);
      if (row === undefined) return null;
      const loaded = loadProfile(row, options.secretBox);
      entries.set(id, loaded);
      if (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done !== true) entries.delete(oldest.value);
      }
      return loaded;
    },
  };
}

/** The signing secrets to use at `now`: current first, the previous one until it expires. */
export function signingSecretsAt(profile: LoadedProfile, now: Date): string[] {
  const { previousSigningSecret, previousSecretExpiresAt } = profile;
  if (previousSigningSecret === null || previousSecretExpiresAt === null) {
    return [profile.signingSecret];
  }
  return previousSecretExpiresAt.getTime() > now.getTime()
    ? [profile.signingSecret, previousSigningSecret]
    : [profile.signingSecret];
}

function loadProfile(row: CallbackProfileRow, secretBox: SecretBox): LoadedProfile {
  const spec = specFromRow(row, secretBox);
  return {
    id: row.id,
    modifiedAt: row.modifiedAt,
    deletedAt: row.deletedAt,
    spec,
    ladderMs: spec.retry_schedule?.map((seconds) => Math.round(seconds * 1000)),
    signingSecret: secretBox.open(row.signingSecretSealed),
    previousSigningSecret:
      row.previousSigningSecretSealed === null
        ? null
        : secretBox.open(row.previousSigningSecretSealed),
    previousSecretExpiresAt: row.previousSecretExpiresAt,
  };
}
