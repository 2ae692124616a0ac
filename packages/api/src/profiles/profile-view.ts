import type { CallbackProfileSpec, ProfileEncryption } from "@rebound/core";
import type { CallbackProfileRow } from "@rebound/db";
import { maskSecret } from "./mask-secret.ts";

/** Encryption settings as shown: the same shape, key and IV masked. */
export type MaskedEncryption = ProfileEncryption;

/** A profile as the API returns it; never carries a secret in clear. */
export type ProfileView = { profile_id: string } & Omit<CallbackProfileSpec, "enc"> & {
    enc: MaskedEncryption | null;
    created_at: string;
    modified_at: string;
    /** Why and when Rebound auto-disabled the profile (status 2); null otherwise. */
    disabled_reason: string | null;
    disabled_at: string | null;
  };

/** The response view of a stored profile and its (unsealed) spec. */
export function profileView(row: CallbackProfileRow, spec: CallbackProfileSpec): ProfileView {
  const { enc, ...rest } = spec;
  return {
    profile_id: row.profileId,
    ...rest,
    enc: enc === null ? null : { ...enc, key: maskSecret(enc.key), IV: maskSecret(enc.IV) },
    created_at: row.createdAt.toISOString(),
    modified_at: row.modifiedAt.toISOString(),
    disabled_reason: row.disabledReason,
    disabled_at: row.disabledAt?.toISOString() ?? null,
  };
}
