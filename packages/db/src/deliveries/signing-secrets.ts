import { generateSigningSecret } from "@rebound/core";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "../create-db.ts";
import { type CallbackProfileRow, callbackProfiles } from "../schema/index.ts";
import type { SecretBox } from "../secret-box.ts";

/** How long the secret before a rotation keeps signing. */
export const PREVIOUS_SECRET_TTL_MS = 24 * 60 * 60 * 1000;

/** A profile's signing secrets in clear; the previous one only while it still signs. */
export interface SigningSecrets {
  signingSecret: string;
  previousSigningSecret: string | null;
  previousExpiresAt: Date | null;
}

type SecretColumns = Pick<
  CallbackProfileRow,
  "signingSecretSealed" | "previousSigningSecretSealed" | "previousSecretExpiresAt"
>;

/** Unseals a row's secrets as of `now` (an expired previous secret is left out). */
export function signingSecretsOf(
  row: SecretColumns,
  secretBox: SecretBox,
  now: Date,
): SigningSecrets {
  const expiresAt = row.previousSecretExpiresAt;
  const previousActive =
    row.previousSigningSecretSealed !== null && expiresAt !== null && expiresAt > now;
  return {
    signingSecret: secretBox.open(row.signingSecretSealed),
    previousSigningSecret:
      previousActive && row.previousSigningSecretSealed !== null
        ? secretBox.open(row.previousSigningSecretSealed)
        : null,
    previousExpiresAt: previousActive ? expiresAt : null,
  };
}

/**
 * The secrets to sign with at `now`: the current one, plus the previous one for 24 h after a
 * rotation, so receivers can switch without missing a callback.
 */
export function activeSigningSecrets(
  row: SecretColumns,
  secretBox: SecretBox,
  now: Date,
): string[] {
  const secrets = signingSecretsOf(row, secretBox, now);
  return secrets.previousSigningSecret === null
    ? [secrets.signingSecret]
    : [secrets.signingSecret, secrets.previousSigningSecret];
}

export interface SigningSecretTarget {
  accountId: string;
  /** Public profile id. */
  profileId: string;
  now: Date;
}

function liveProfile(target: SigningSecretTarget) {
  return and(
    eq(callbackProfiles.accountId, target.accountId),
    eq(callbackProfiles.profileId, target.profileId),
    isNull(callbackProfiles.deletedAt),
  );
}

/** A live profile's signing secrets, or null when the account has no such profile. */
export async function readSigningSecrets(
  db: Database,
  secretBox: SecretBox,
  target: SigningSecretTarget,
): Promise<SigningSecrets | null> {
  const [row] = await db
    .select({
      signingSecretSealed: callbackProfiles.signingSecretSealed,
      previousSigningSecretSealed: callbackProfiles.previousSigningSecretSealed,
      previousSecretExpiresAt: callbackProfiles.previousSecretExpiresAt,
    })
    .from(callbackProfiles)
    .where(liveProfile(target));
  return row === undefined ? null : signingSecretsOf(row, secretBox, target.now);
}

export interface RotateSigningSecretOptions extends SigningSecretTarget {
  /** The new secret; default: a fresh `whsec_` secret. */
  newSecret?: string;
}

/**
 * Replaces the signing secret: the current one becomes the previous one and keeps signing for
 * 24 h (an older previous one is dropped). `modified_at` moves forward even on a frozen clock,
 * so caches keyed on it (the dispatcher's) pick up the new secret. Null when there is no profile.
 */
export async function rotateSigningSecret(
  db: Database,
  secretBox: SecretBox,
  options: RotateSigningSecretOptions,
): Promise<SigningSecrets | null> {
  const secret = options.newSecret ?? generateSigningSecret();
  const nowText = options.now.toISOString();
  const [row] = await db
    .update(callbackProfiles)
    .set({
      // SET expressions read the row as it was, so this moves the old current secret.
      previousSigningSecretSealed: sql`${callbackProfiles.signingSecretSealed}`,
      signingSecretSealed: secretBox.seal(secret),
      previousSecretExpiresAt: new Date(options.now.getTime() + PREVIOUS_SECRET_TTL_MS),
      modifiedAt: sql`greatest(${nowText}::timestamptz, ${callbackProfiles.modifiedAt} + interval '1 millisecond')`,
    })
    .where(liveProfile(options))
    .returning({
      signingSecretSealed: callbackProfiles.signingSecretSealed,
      previousSigningSecretSealed: callbackProfiles.previousSigningSecretSealed,
      previousSecretExpiresAt: callbackProfiles.previousSecretExpiresAt,
    });
  return row === undefined ? null : signingSecretsOf(row, secretBox, options.now);
}
