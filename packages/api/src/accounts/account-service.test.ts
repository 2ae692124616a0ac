import type { DbHandle } from "@rebound/db";
import { createTestDatabase, testDrivers } from "@rebound/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AccountError,
  authenticateApiKey,
  createAccount,
  createApiKey,
  revokeApiKey,
} from "./account-service.ts";
import { hashApiKey } from "./api-key.ts";

describe.each(testDrivers())("accounts and API keys on %s", (driver) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDatabase(driver);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("creates an account whose key authenticates, stores only the hash, and revokes it", async () => {
    const { account, apiKey } = await createAccount(handle.db, {
      name: "Acme",
      timezone: "Asia/Kolkata",
    });
    expect(account.sid).toMatch(/^RB[A-Z2-9]{11}$/);
    expect(apiKey).toMatch(/^rbk_[A-Za-z0-9_-]{43}$/);
    const auth = await authenticateApiKey(handle.db, apiKey);
    expect(auth).toMatchObject({
      accountId: account.id,
      sid: account.sid,
      timezone: "Asia/Kolkata",
    });
    const stored = await handle.db.query.apiKeys.findMany();
    expect(JSON.stringify(stored)).not.toContain(apiKey);
    expect(stored.some((row) => row.hash === hashApiKey(apiKey))).toBe(true);

    expect(await revokeApiKey(handle.db, apiKey.slice(0, 12))).toBe(1);
    expect(await authenticateApiKey(handle.db, apiKey)).toBeNull();
    expect(await revokeApiKey(handle.db, apiKey)).toBe(0);
  });

  it("adds keys to an existing account and refuses unknown SIDs", async () => {
    const { account } = await createAccount(handle.db, { name: "Beta" });
    expect(account.timezone).toBe("UTC");
    const second = await createApiKey(handle.db, account.sid, "ci");
    expect((await authenticateApiKey(handle.db, second.apiKey))?.sid).toBe(account.sid);
    await expect(createApiKey(handle.db, "RBNOPE")).rejects.toThrow(AccountError);
  });

  it("stores the time zone in its canonical spelling and refuses UTC offsets", async () => {
    const { account } = await createAccount(handle.db, { name: "Gamma", timezone: "asia/tokyo" });
    expect(account.timezone).toBe("Asia/Tokyo");
    await expect(createAccount(handle.db, { name: "D", timezone: "+05:30" })).rejects.toThrow(
      /not an IANA time zone/,
    );
  });

  it.each([
    [{ name: " " }, /1 to 200 characters/],
    [{ name: "X", timezone: "Mars/Base" }, /not an IANA time zone/],
  ])("refuses %j", async (options, message) => {
    await expect(createAccount(handle.db, options)).rejects.toThrow(message);
  });

  it("does not authenticate unknown keys", async () => {
    expect(await authenticateApiKey(handle.db, "rbk_unknown")).toBeNull();
  });
});
