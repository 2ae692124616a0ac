import { type CreateAccountResult, createAccount } from "@rebound/api";
import type { Database } from "@rebound/db";
import { sampleProfileCurl } from "./sample-profile.ts";

/** On the first embedded start (no account yet) creates the "Demo" account; otherwise null. */
export async function createDemoAccountIfNone(db: Database): Promise<CreateAccountResult | null> {
  const existing = await db.query.accounts.findFirst({ columns: { id: true } });
  if (existing !== undefined) return null;
  return createAccount(db, { name: "Demo", timezone: "UTC" });
}

/** What the first start prints: where to call, the credentials, and a ready request. */
export function firstStartLines(apiUrl: string, demo: CreateAccountResult): string[] {
  const { account, apiKey } = demo;
  return [
    `First start: created the demo account "${account.name}" (${account.timezone}).`,
    `  API:     ${apiUrl}/v1/${account.sid}`,
    `  SID:     ${account.sid}`,
    `  API key: ${apiKey}`,
    "The API key is shown only once: store it now. Create the seed's sample profile with:",
    "",
    sampleProfileCurl(apiUrl, account.sid, apiKey),
    "",
  ];
}
