import { accounts } from "@rebound/db";
import { testDrivers } from "@rebound/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiFixture, createApiFixture, type TestAccount } from "../testing/api-fixture.ts";
import { authenticateApiKey } from "./account-service.ts";

describe.each(testDrivers())("account routes on %s", (driver) => {
  let fx: ApiFixture;
  let acct: TestAccount;
  const path = (account: TestAccount = acct) => `/v1/${account.sid}/account`;
  const patch = (body: unknown, headers: Record<string, string> = {}) =>
    fx.call("PATCH", path(), { apiKey: acct.apiKey, body, headers });
  const storedTimezone = async (account: TestAccount = acct) => {
    const [row] = await fx.handle.db
      .select({ timezone: accounts.timezone })
      .from(accounts)
      .where(eq(accounts.id, account.accountId));
    return row?.timezone;
  };

  beforeAll(async () => {
    fx = await createApiFixture(driver);
    acct = await fx.newAccount("Acme Ltd");
  });
  afterAll(async () => {
    await fx?.close();
  });

  it("returns the account of the key", async () => {
    const { status, body } = await fx.call("GET", path(), { apiKey: acct.apiKey });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      code: "RBC024",
      message: "Account fetched successfully",
      error: {},
      status: 200,
    });
    expect(body.data).toEqual({
      sid: acct.sid,
      name: "Acme Ltd",
      timezone: "UTC",
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });

  it("sets the time zone in its canonical spelling, used by the next requests", async () => {
    const { status, body } = await patch({ timezone: "asia/tokyo" });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      code: "RBC024",
      message: "Account updated successfully",
      data: { sid: acct.sid, name: "Acme Ltd", timezone: "Asia/Tokyo" },
    });
    expect(await storedTimezone()).toBe("Asia/Tokyo");
    expect((await authenticateApiKey(fx.handle.db, acct.apiKey))?.timezone).toBe("Asia/Tokyo");
    const fetched = await fx.call("GET", path(), { apiKey: acct.apiKey });
    expect(fetched.body.data.timezone).toBe("Asia/Tokyo");
  });

  it("keeps a link name as chosen", async () => {
    const { body } = await patch({ timezone: "Asia/Kolkata" });
    expect(body.data.timezone).toBe("Asia/Kolkata");
    expect(await storedTimezone()).toBe("Asia/Kolkata");
  });

  const cases: [
    name: string,
    body: unknown,
    headers: Record<string, string>,
    status: number,
    messages: string[],
  ][] = [
    ["malformed JSON", '{"timezone": ', {}, 400, ["body must be valid JSON"]],
    [
      "a text/plain body",
      '{"timezone":"UTC"}',
      { "content-type": "text/plain" },
      415,
      ["Content-Type must be application/json"],
    ],
    ["an empty object", {}, {}, 400, ["body must have required property 'timezone'"]],
    ["a number", { timezone: 330 }, {}, 400, ["body/timezone must be string"]],
    [
      "an unknown zone",
      { timezone: "Mars/Base" },
      {},
      400,
      [
        "body/timezone has 'Mars/Base', which is not an IANA time zone name (e.g. Asia/Kolkata, UTC)",
      ],
    ],
    [
      "a UTC offset",
      { timezone: "+05:30" },
      {},
      400,
      ["body/timezone has '+05:30', which is not an IANA time zone name (e.g. Asia/Kolkata, UTC)"],
    ],
    [
      "an unknown field",
      { timezone: "UTC", name: "Renamed" },
      {},
      400,
      ["body must NOT have additional properties: 'name'"],
    ],
    [
      "an echoed sid",
      { timezone: "UTC", sid: "RBX" },
      {},
      400,
      ["body must NOT have additional properties: 'sid' (computed by Rebound, do not send it)"],
    ],
  ];

  it.each(cases)(
    "refuses %s and keeps the time zone",
    async (_name, input, headers, status, messages) => {
      expect((await patch({ timezone: "Europe/Paris" })).status).toBe(200);
      const { status: actual, body } = await patch(input, headers);
      expect(actual).toBe(status);
      const location = status === 415 ? "headers" : "body";
      expect(body).toEqual({
        code: status === 415 ? "RBC415" : "RBC302",
        message: messages[0],
        data: {},
        error: messages.map((message) => ({ [location]: message })),
        status,
      });
      expect(await storedTimezone()).toBe("Europe/Paris");
    },
  );

  it("lets no key read or change another account", async () => {
    const other = await fx.newAccount("Other Co");
    expect((await patch({ timezone: "Europe/Paris" })).status).toBe(200);
    for (const method of ["GET", "PATCH"]) {
      const { status, body } = await fx.call(method, path(acct), {
        apiKey: other.apiKey,
        ...(method === "PATCH" ? { body: { timezone: "America/Chicago" } } : {}),
      });
      expect(status).toBe(404);
      expect(body).toMatchObject({
        code: "RBC302",
        message: `account ${acct.sid} not found`,
        data: {},
      });
      expect(JSON.stringify(body)).not.toContain("Acme");
    }
    expect(await storedTimezone()).toBe("Europe/Paris");
    expect(await storedTimezone(other)).toBe("UTC");
    expect((await fx.call("PATCH", path(), { body: { timezone: "UTC" } })).status).toBe(401);
    expect(await storedTimezone()).toBe("Europe/Paris");
  });
});
