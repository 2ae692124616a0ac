import { randomUUID } from "node:crypto";
import type { DbHandle, DeliveryStatus, ReportFrequency } from "@rebound/db";

/** Inserts an account; returns its internal id. */
export async function seedAccount(handle: DbHandle, timezone = "UTC"): Promise<string> {
  const [row] = await handle.query<{ id: string }>(
    "insert into accounts (sid, name, timezone) values ($1, $2, $3) returning id",
    [`AC${randomUUID().replaceAll("-", "")}`, "Report test company", timezone],
  );
  if (row === undefined) throw new Error("account insert returned nothing");
  return row.id;
}

export interface SeedProfileInput {
  title: string;
  status?: 1 | 2 | 3;
  disabledAt?: Date;
  disabledReason?: string;
  deletedAt?: Date;
}

export interface SeededProfile {
  /** Internal uuid (deliveries.profile_id). */
  id: string;
  /** Public id. */
  profileId: string;
}

/** Inserts a bare profile row: the report reads only ids, title, status and disable columns. */
export async function seedProfile(
  handle: DbHandle,
  accountId: string,
  input: SeedProfileInput,
): Promise<SeededProfile> {
  const profileId = `test_${randomUUID()}`;
  const [row] = await handle.query<{ id: string }>(
    `insert into callback_profiles
       (profile_id, account_id, title, http_method, url, signing_secret_sealed,
        status, disabled_at, disabled_reason, deleted_at)
     values ($1, $2, $3, 'POST', 'http://127.0.0.1:1/hook', 'sealed', $4, $5, $6, $7)
     returning id`,
    [
      profileId,
      accountId,
      input.title,
      input.status ?? 1,
      input.disabledAt?.toISOString() ?? null,
      input.disabledReason ?? null,
      input.deletedAt?.toISOString() ?? null,
    ],
  );
  if (row === undefined) throw new Error("profile insert returned nothing");
  return { id: row.id, profileId };
}

export interface SeedDeliveryInput {
  accountId: string;
  /** Internal profile uuid. */
  profileId: string;
  status: DeliveryStatus;
  completedAt: Date | null;
  /** The tries in order: a status code, or null and the error class of a try without one. */
  tries?: ReadonlyArray<{ statusCode: number | null; errorClass?: string }>;
}

/** Inserts a delivery with its attempts; the delivery's last_* columns follow the last try. */
export async function seedDelivery(handle: DbHandle, input: SeedDeliveryInput): Promise<string> {
  const tries = input.tries ?? [];
  const last = tries.at(-1);
  const [row] = await handle.query<{ id: string }>(
    `insert into deliveries
       (account_id, profile_id, event, data, status, attempt_count, completed_at, last_status_code)
     values ($1, $2, 'SMS-sent', '{}'::jsonb, $3, $4, $5, $6)
     returning id`,
    [
      input.accountId,
      input.profileId,
      input.status,
      tries.length,
      input.completedAt?.toISOString() ?? null,
      last?.statusCode ?? null,
    ],
  );
  if (row === undefined) throw new Error("delivery insert returned nothing");
  for (const [index, attempt] of tries.entries()) {
    await handle.query(
      `insert into attempts (delivery_id, attempt_number, started_at, duration_ms, status_code, error_class)
       values ($1, $2, now(), 10, $3, $4)`,
      [row.id, index + 1, attempt.statusCode, attempt.errorClass ?? null],
    );
  }
  return row.id;
}

export interface SeedReportSettingsInput {
  enabled?: boolean;
  frequencies?: ReportFrequency[];
  /** Stored form: `"a@x.com, b@y.com"`. */
  emails: string;
  /** When the settings were first saved (windows ending earlier are not owed). */
  createdAt: Date;
}

/** Inserts an account's callback report settings as `PUT /settings/callback-report` stores them. */
export async function seedReportSettings(
  handle: DbHandle,
  accountId: string,
  input: SeedReportSettingsInput,
): Promise<void> {
  await handle.query(
    `insert into report_settings (account_id, enabled, frequencies, emails, created_at, modified_at)
     values ($1, $2, $3::jsonb, $4, $5, $5)`,
    [
      accountId,
      input.enabled ?? true,
      JSON.stringify(input.frequencies ?? ["daily"]),
      input.emails,
      input.createdAt.toISOString(),
    ],
  );
}
