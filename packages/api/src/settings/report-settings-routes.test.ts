import { REPORT_FREQUENCIES as CORE_FREQUENCIES } from "@rebound/core";
import { REPORT_FREQUENCIES as DB_FREQUENCIES, reportSettings } from "@rebound/db";
import { testDrivers } from "@rebound/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiFixture, createApiFixture, type TestAccount } from "../testing/api-fixture.ts";

const VALID = { enabled: true, frequencies: ["weekly"], emails: "ops@example.com" };

function addresses(count: number): string {
  return Array.from({ length: count }, (_, i) => `user${i}@example.com`).join(",");
}

describe("report frequencies", () => {
  it("are the same list, in the same order, in core (validation) and db (storage)", () => {
    expect([...CORE_FREQUENCIES]).toEqual([...DB_FREQUENCIES]);
  });
});

describe.each(testDrivers())("callback report settings routes on %s", (driver) => {
  let fx: ApiFixture;
  let acct: TestAccount;
  const path = (account: TestAccount = acct) => `/v1/${account.sid}/settings/callback-report`;
  const put = (body: unknown, headers: Record<string, string> = {}) =>
    fx.call("PUT", path(), { apiKey: acct.apiKey, body, headers });
  const storedRows = (account: TestAccount = acct) =>
    fx.handle.db
      .select()
      .from(reportSettings)
      .where(eq(reportSettings.accountId, account.accountId));

  beforeAll(async () => {
    fx = await createApiFixture(driver);
    acct = await fx.newAccount();
  });
  afterAll(async () => {
    await fx?.close();
  });

  it("reads the defaults before anything is saved, without writing a row", async () => {
    const fresh = await fx.newAccount();
    const { status, body } = await fx.call("GET", path(fresh), { apiKey: fresh.apiKey });
    expect(status).toBe(200);
    expect(body).toEqual({
      code: "RBC024",
      message: "Callback report settings fetched successfully",
      data: { enabled: false, frequencies: [], emails: "" },
      error: {},
      status: 200,
    });
    expect(await storedRows(fresh)).toEqual([]);
  });

  it("saves several frequencies and a comma-separated list in normalised form", async () => {
    const { status, body } = await put({
      enabled: true,
      frequencies: ["monthly", "Daily", "daily"],
      emails: " Ops@Example.COM,finance@example.org , ops@example.com,",
    });
    expect(status).toBe(200);
    const saved = {
      enabled: true,
      frequencies: ["daily", "monthly"],
      emails: "Ops@example.com, finance@example.org",
    };
    expect(body).toEqual({
      code: "RBC024",
      message: "Callback report settings updated successfully",
      data: saved,
      error: {},
      status: 200,
    });
    const fetched = await fx.call("GET", path(), { apiKey: acct.apiKey });
    expect(fetched.body.data).toEqual(saved);
    const [row] = await storedRows();
    expect(row).toMatchObject({ ...saved, modifiedAt: new Date(fx.clock.nowMs) });
  });

  it("replaces the settings on the next PUT (one row per account, created_at kept)", async () => {
    await put(VALID);
    const [first] = await storedRows();
    fx.clock.nowMs += 60_000;
    const { status, body } = await put({ enabled: false, frequencies: [], emails: "" });
    expect(status).toBe(200);
    expect(body.data).toEqual({ enabled: false, frequencies: [], emails: "" });
    const rows = await storedRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.createdAt).toEqual(first?.createdAt);
    expect(rows[0]?.modifiedAt).toEqual(new Date(fx.clock.nowMs));
  });

  describe("refuses bad input and keeps the stored settings", () => {
    const STORED = { enabled: true, frequencies: ["weekly"], emails: "ops@example.com" };
    const cases: [
      name: string,
      body: unknown,
      headers: Record<string, string>,
      status: number,
      code: string,
      messages: string[],
    ][] = [
      ["malformed JSON", '{"enabled": tru', {}, 400, "RBC302", ["body must be valid JSON"]],
      [
        "a text/plain body",
        JSON.stringify(VALID),
        { "content-type": "text/plain" },
        415,
        "RBC415",
        ["Content-Type must be application/json"],
      ],
      [
        "an oversized body",
        JSON.stringify({ ...VALID, emails: "a".repeat(300_000) }),
        {},
        413,
        "RBC413",
        ["body must not be larger than 262144 bytes"],
      ],
      ["an array", [VALID], {}, 400, "RBC302", ["body must be object"]],
      [
        "an empty object",
        {},
        {},
        400,
        "RBC302",
        [
          "body must have required property 'enabled'",
          "body must have required property 'frequencies'",
          "body must have required property 'emails'",
        ],
      ],
      [
        "an unknown field",
        { ...VALID, timezone: "UTC" },
        {},
        400,
        "RBC302",
        ["body must NOT have additional properties: 'timezone'"],
      ],
      [
        "wrong types",
        { enabled: "yes", frequencies: "daily", emails: ["ops@example.com"] },
        {},
        400,
        "RBC302",
        [
          "body/enabled must be boolean",
          "body/frequencies must be array",
          "body/emails must be string",
        ],
      ],
      [
        "an unknown frequency",
        { ...VALID, frequencies: ["daily", "hourly"] },
        {},
        400,
        "RBC302",
        ["body/frequencies/1 must be equal to one of the allowed values: daily, weekly, monthly"],
      ],
      [
        "bad email addresses",
        { ...VALID, emails: "ops@example.com, not-an-email, ops@localhost" },
        {},
        400,
        "RBC302",
        [
          "body/emails has 'not-an-email', which is not a valid email address",
          "body/emails has 'ops@localhost', which is not a valid email address",
        ],
      ],
      [
        "too many email addresses",
        { ...VALID, emails: addresses(21) },
        {},
        400,
        "RBC302",
        ["body/emails must NOT have more than 20 addresses (found 21)"],
      ],
      [
        "enabled without frequency or recipient",
        { enabled: true, frequencies: [], emails: "" },
        {},
        400,
        "RBC302",
        [
          "body/frequencies must list at least one frequency (daily, weekly, monthly) when enabled is true",
          "body/emails must list at least one address when enabled is true",
        ],
      ],
    ];

    it.each(cases)("%s", async (_name, input, headers, status, code, messages) => {
      expect((await put(STORED)).status).toBe(200);
      const [before] = await storedRows();
      fx.clock.nowMs += 1000;
      const { status: actual, body } = await put(input, headers);
      expect(actual).toBe(status);
      expect(body).toEqual({
        code,
        message: messages[0],
        data: {},
        error: messages.map((message) => ({ [code === "RBC415" ? "headers" : "body"]: message })),
        status,
      });
      expect(await storedRows()).toEqual([before]);
    });

    it("writes no row for an account that never saved settings", async () => {
      const fresh = await fx.newAccount();
      const { status } = await fx.call("PUT", path(fresh), {
        apiKey: fresh.apiKey,
        body: { ...VALID, emails: "nope" },
      });
      expect(status).toBe(400);
      expect(await storedRows(fresh)).toEqual([]);
    });
  });

  it("keeps each account's settings to itself", async () => {
    const other = await fx.newAccount();
    await put(VALID);
    const [before] = await storedRows();

    for (const method of ["GET", "PUT"]) {
      const { status, body } = await fx.call(method, path(acct), {
        apiKey: other.apiKey,
        ...(method === "PUT"
          ? { body: { enabled: false, frequencies: [], emails: "x@evil.com" } }
          : {}),
      });
      expect(status).toBe(404);
      expect(body).toMatchObject({
        code: "RBC302",
        message: `account ${acct.sid} not found`,
        data: {},
      });
    }
    expect(await storedRows()).toEqual([before]);

    const own = await fx.call("GET", path(other), { apiKey: other.apiKey });
    expect(own.body.data).toEqual({ enabled: false, frequencies: [], emails: "" });
    const unauthenticated = await fx.call("PUT", path(acct), { body: VALID });
    expect(unauthenticated.status).toBe(401);
    expect(await storedRows()).toEqual([before]);
  });
});
