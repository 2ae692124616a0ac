import { randomUUID } from "node:crypto";
import { type CallbackProfileSpec, generateSigningSecret } from "@rebound/core";
import {
  accounts,
  callbackProfiles,
  columnsFromSpec,
  type DbHandle,
  deliveries,
  generateMasterKey,
  parseMasterKey,
  SecretBox,
} from "@rebound/db";

/** A SecretBox under a fresh master key. */
export function testSecretBox(): SecretBox {
  const key = parseMasterKey(generateMasterKey());
  if (key === null) throw new Error("generated master key did not parse");
  return new SecretBox(key);
}

export async function seedAccount(handle: DbHandle): Promise<string> {
  const sid = `AC${randomUUID().replaceAll("-", "")}`;
  const [row] = await handle.db.insert(accounts).values({ sid, name: "Test company" }).returning();
  if (row === undefined) throw new Error("account insert returned nothing");
  return row.id;
}

export function profileSpec(overrides: Partial<CallbackProfileSpec> = {}): CallbackProfileSpec {
  return {
    title: `profile ${randomUUID().slice(0, 8)}`,
    http_method: "POST",
    url: "http://127.0.0.1:1/hook",
    headers: { Authorization: "Bearer s3cr3t", "X-Channel": "<channel>" },
    body: { phone: "<phone>", text: "Hello <name>" },
    body_type: "json",
    response_message: null,
    enc: null,
    channel: "default",
    events: [],
    dynamic_variables: [],
    replacers: {},
    retry_schedule: null,
    status: 1,
    ...overrides,
  };
}

export interface SeededProfile {
  /** Internal uuid (deliveries.profile_id). */
  id: string;
  signingSecret: string;
}

/** Inserts a profile row the way the API stores one (enc and secrets sealed). */
export async function seedProfile(
  handle: DbHandle,
  secretBox: SecretBox,
  accountId: string,
  spec: CallbackProfileSpec,
): Promise<SeededProfile> {
  const signingSecret = generateSigningSecret();
  const [row] = await handle.db
    .insert(callbackProfiles)
    .values({
      profileId: `test_${randomUUID()}`,
      accountId,
      ...columnsFromSpec(spec, secretBox),
      signingSecretSealed: secretBox.seal(signingSecret),
    })
    .returning();
  if (row === undefined) throw new Error("profile insert returned nothing");
  return { id: row.id, signingSecret };
}

export interface SeedDeliveriesInput {
  accountId: string;
  profileId: string;
  count?: number;
  event?: string;
  data?: (index: number) => unknown;
  nextAttemptAt?: Date;
}

/** Inserts pending deliveries due now (or at `nextAttemptAt`); returns their ids in order. */
export async function seedDeliveries(
  handle: DbHandle,
  input: SeedDeliveriesInput,
): Promise<string[]> {
  const count = input.count ?? 1;
  if (count === 0) return [];
  const rows = Array.from({ length: count }, (_, index) => ({
    accountId: input.accountId,
    profileId: input.profileId,
    event: input.event ?? "message-received",
    data: input.data?.(index) ?? { phone: "+15550100", name: "Ada", channel: "sms", index },
    ...(input.nextAttemptAt === undefined ? {} : { nextAttemptAt: input.nextAttemptAt }),
  }));
  const inserted = await handle.db.insert(deliveries).values(rows).returning({ id: deliveries.id });
  return inserted.map((row) => row.id);
}
