import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "./create-db.ts";
import { migrate } from "./migrate.ts";
import { accounts, callbackProfiles, deliveries } from "./schema/index.ts";
import { createTestDatabase, testDrivers } from "./testing/index.ts";

describe.each(testDrivers())("database on %s", (driver) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDatabase(driver);
  });
  afterAll(async () => {
    await handle?.close();
  });

  const profileRow = (accountId: string, title: string, profileId: string) => ({
    accountId,
    profileId,
    title,
    httpMethod: "POST" as const,
    url: "https://x.test/",
    signingSecretSealed: "v1:x",
  });

  it("applies the migrations, and applying them again changes nothing", async () => {
    await migrate(handle);
    const tables = await handle.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = $1 order by 1",
      ["public"],
    );
    const names = tables.map((row) => row.table_name);
    expect(names).toEqual([
      "accounts",
      "api_keys",
      "attempts",
      "auto_disable_notices",
      "callback_profiles",
      "deliveries",
      "report_runs",
      "report_settings",
    ]);
  });

  it("delivers NOTIFY payloads to listeners until they unsubscribe", async () => {
    const received: string[] = [];
    const unlisten = await handle.listen("rebound_test_channel", (payload) =>
      received.push(payload),
    );
    await handle.query("select pg_notify('rebound_test_channel', $1)", ["first"]);
    const deadline = Date.now() + 5_000;
    while (received.length === 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    expect(received).toEqual(["first"]);
    await unlisten();
    await handle.query("select pg_notify('rebound_test_channel', 'second')");
    await new Promise((r) => setTimeout(r, 200));
    expect(received).toEqual(["first"]);
  });

  it("keeps titles unique per account, case-insensitively, ignoring deleted profiles", async () => {
    const [a, b] = await handle.db
      .insert(accounts)
      .values([
        { sid: `A${driver}`, name: "A" },
        { sid: `B${driver}`, name: "B" },
      ])
      .returning();
    if (!a || !b) throw new Error("accounts not created");
    await handle.db.insert(callbackProfiles).values(profileRow(a.id, "Orders", "t_1"));
    await expect(
      handle.db.insert(callbackProfiles).values(profileRow(a.id, "ORDERS", "t_2")),
    ).rejects.toThrow();
    await handle.db.insert(callbackProfiles).values(profileRow(b.id, "Orders", "t_3"));
    await handle.db
      .update(callbackProfiles)
      .set({ deletedAt: new Date() })
      .where(eq(callbackProfiles.profileId, "t_1"));
    await handle.db.insert(callbackProfiles).values(profileRow(a.id, "orders", "t_4"));
    const live = await handle.db
      .select()
      .from(callbackProfiles)
      .where(and(eq(callbackProfiles.accountId, a.id), sql`${callbackProfiles.deletedAt} is null`));
    expect(live.map((row) => row.profileId)).toEqual(["t_4"]);
  });

  it("refuses a second delivery with the same idempotency key in one account", async () => {
    const [account] = await handle.db
      .insert(accounts)
      .values({ sid: `C${driver}`, name: "C" })
      .returning();
    if (!account) throw new Error("account not created");
    const [profile] = await handle.db
      .insert(callbackProfiles)
      .values(profileRow(account.id, "Deliveries", "t_5"))
      .returning();
    if (!profile) throw new Error("profile not created");
    const delivery = {
      accountId: account.id,
      profileId: profile.id,
      event: "e",
      data: {},
      idempotencyKey: "k1",
    };
    await handle.db.insert(deliveries).values(delivery);
    await expect(handle.db.insert(deliveries).values(delivery)).rejects.toThrow();
    await handle.db.insert(deliveries).values({ ...delivery, idempotencyKey: null });
    await handle.db.insert(deliveries).values({ ...delivery, idempotencyKey: null });
  });
});
