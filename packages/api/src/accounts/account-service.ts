import { canonicalTimeZone } from "@rebound/core";
import { type AccountRow, accounts, apiKeys, type Database } from "@rebound/db";
import { and, eq, isNull } from "drizzle-orm";
import { generateApiKey, hashApiKey } from "./api-key.ts";
import { generateSid } from "./sid.ts";

export class AccountError extends Error {
  override name = "AccountError";
}

export interface CreateAccountOptions {
  name: string;
  timezone?: string;
}

export interface CreateAccountResult {
  account: AccountRow;
  /** The account's first API key, in clear: shown once. */
  apiKey: string;
}

/** Creates an account and its first API key in one transaction. */
export async function createAccount(
  db: Database,
  options: CreateAccountOptions,
): Promise<CreateAccountResult> {
  const name = options.name.trim();
  if (name.length === 0 || name.length > 200) {
    throw new AccountError("account name must have 1 to 200 characters");
  }
  const requested = options.timezone ?? "UTC";
  const timezone = canonicalTimeZone(requested);
  if (timezone === null) {
    throw new AccountError(`'${requested}' is not an IANA time zone (e.g. Asia/Kolkata)`);
  }
  const generated = generateApiKey();
  return db.transaction(async (tx) => {
    const [account] = await tx
      .insert(accounts)
      .values({ sid: generateSid(), name, timezone })
      .returning();
    if (!account) throw new AccountError("account was not created");
    await tx
      .insert(apiKeys)
      .values({ accountId: account.id, prefix: generated.prefix, hash: generated.hash });
    return { account, apiKey: generated.key };
  });
}

export interface CreateApiKeyResult {
  apiKey: string;
  prefix: string;
}

/** Adds an API key to the account with this SID. */
export async function createApiKey(
  db: Database,
  sid: string,
  name?: string,
): Promise<CreateApiKeyResult> {
  const [account] = await db.select().from(accounts).where(eq(accounts.sid, sid));
  if (!account) throw new AccountError(`no account with sid ${sid}`);
  const generated = generateApiKey();
  await db
    .insert(apiKeys)
    .values({ accountId: account.id, prefix: generated.prefix, hash: generated.hash, name });
  return { apiKey: generated.key, prefix: generated.prefix };
}

/** Revokes a key given in full or by its displayed prefix; returns how many keys were revoked. */
export async function revokeApiKey(db: Database, keyOrPrefix: string): Promise<number> {
  const match =
    keyOrPrefix.length > 12
      ? eq(apiKeys.hash, hashApiKey(keyOrPrefix))
      : eq(apiKeys.prefix, keyOrPrefix);
  const revoked = await db
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(match, isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return revoked.length;
}

export interface AuthenticatedKey {
  keyId: string;
  accountId: string;
  sid: string;
  timezone: string;
}

/** Looks up the account of a presented API key; revoked or unknown keys give null. */
export async function authenticateApiKey(
  db: Database,
  key: string,
): Promise<AuthenticatedKey | null> {
  const [row] = await db
    .select({
      keyId: apiKeys.id,
      accountId: accounts.id,
      sid: accounts.sid,
      timezone: accounts.timezone,
    })
    .from(apiKeys)
    .innerJoin(accounts, eq(accounts.id, apiKeys.accountId))
    .where(and(eq(apiKeys.hash, hashApiKey(key)), isNull(apiKeys.revokedAt)));
  return row ?? null;
}
