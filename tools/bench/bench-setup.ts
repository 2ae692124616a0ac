import { createAccount, createApp } from "@rebound/api";
import { type DbHandle, generateMasterKey, parseMasterKey, SecretBox } from "@rebound/db";

/** ~1 KB body template with replacers of several kinds (whole-value, interpolated, nested). */
function bodyTemplate(): Record<string, unknown> {
  return {
    order_id: "<order.id>",
    total: "<order.total>",
    customer: { name: "<customer.name>", phone: "<customer.phone>", email: "<customer.email>" },
    items: "<order.items>",
    note: "Order <order.id> for <customer.name> is <order.state>",
    terms: "x".repeat(640),
  };
}

export interface BenchFixture {
  masterKey: string;
  accountId: string;
  profileIds: string[];
}

/**
 * Creates an account and `profileCount` profiles through the real API (so secrets are sealed as in
 * production); every tenth profile encrypts two parameters with AES-256-GCM.
 */
export async function createFixture(
  handle: DbHandle,
  receiverUrl: string,
  profileCount: number,
): Promise<BenchFixture> {
  const masterKey = generateMasterKey();
  const key = parseMasterKey(masterKey);
  if (!key) throw new Error("generated master key does not parse");
  const app = createApp({
    db: handle.db,
    secretBox: new SecretBox(key),
    profileIdPrefix: "bench",
    rateLimitPerMinute: null,
  });
  const { account, apiKey } = await createAccount(handle.db, { name: "Bench" });
  const profileIds: string[] = [];
  for (let i = 0; i < profileCount; i += 1) {
    const encrypted = i % 10 === 0;
    const response = await app.request(`/v1/${account.sid}/callback/profiles`, {
      method: "POST",
      headers: { "api-key": apiKey, "content-type": "application/json" },
      body: JSON.stringify({
        title: `Bench profile ${i}`,
        http_method: "POST",
        url: `${receiverUrl}/hooks/${i}?order=<order.id>`,
        headers: { "x-tenant": "<tenant>" },
        body: bodyTemplate(),
        enc: encrypted
          ? {
              algo: "AES-256-GCM",
              key: "0123456789abcdef0123456789abcdef",
              IV: "fedcba9876543210",
              params: ["customer.phone", "customer.email"],
              iv_mode: "random",
            }
          : null,
      }),
    });
    const envelope = (await response.json()) as { data: { profile_id: string }; message: string };
    if (response.status !== 201) throw new Error(`profile not created: ${envelope.message}`);
    profileIds.push(envelope.data.profile_id);
  }
  return { masterKey, accountId: account.id, profileIds };
}

/** Event data for event number `n`. */
export function eventData(n: number): Record<string, unknown> {
  return {
    tenant: "acme",
    order: {
      id: n,
      total: 99.5 + n,
      state: "paid",
      items: [
        { sku: "A1", qty: 2 },
        { sku: "B7", qty: 1 },
      ],
    },
    customer: { name: "Ray Sharma", phone: "+919900000000", email: "ray@example.com" },
  };
}
