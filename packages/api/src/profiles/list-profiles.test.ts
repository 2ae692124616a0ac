import { testDrivers } from "@rebound/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiFixture, createApiFixture, type TestAccount } from "../testing/api-fixture.ts";

interface Seeded {
  title: string;
  http_method: string;
  createdAt: string;
}

const SEEDED: Seeded[] = [
  { title: "Orders hook", http_method: "POST", createdAt: "2026-01-30T23:59:59.000Z" },
  { title: "orders_backup", http_method: "GET", createdAt: "2026-01-31T00:00:00.000Z" },
  { title: "Payments 100_percent", http_method: "PUT", createdAt: "2026-01-31T12:00:00.000Z" },
  { title: "Payments 100 percent", http_method: "DELETE", createdAt: "2026-01-31T23:59:59.000Z" },
  { title: "Shipping", http_method: "POST", createdAt: "2026-02-01T00:00:00.000Z" },
];

describe.each(testDrivers())("profile list on %s", (driver) => {
  let fx: ApiFixture;
  let acct: TestAccount;
  const list = async (search: string) => {
    const response = await fx.call("GET", `/v1/${acct.sid}/callback/profiles${search}`, {
      apiKey: acct.apiKey,
    });
    return response;
  };
  const titles = (data: Record<string, unknown>) =>
    (data.profiles as { title: string }[]).map((profile) => profile.title);

  beforeAll(async () => {
    fx = await createApiFixture(driver);
    acct = await fx.newAccount();
    for (const seeded of SEEDED) {
      fx.clock.nowMs = Date.parse(seeded.createdAt);
      const hasBody = seeded.http_method === "POST" || seeded.http_method === "PUT";
      const response = await fx.call("POST", `/v1/${acct.sid}/callback/profiles`, {
        apiKey: acct.apiKey,
        body: {
          title: seeded.title,
          http_method: seeded.http_method,
          url: "https://example.com/hook",
          ...(hasBody ? { body: { a: "b" } } : {}),
        },
      });
      expect(response.status).toBe(201);
    }
    const shipping = await list("?title=Shipping");
    const id = (shipping.body.data.profiles as { profile_id: string }[])[0]?.profile_id;
    await fx.call("PATCH", `/v1/${acct.sid}/callback/profiles/${id}`, {
      apiKey: acct.apiKey,
      body: { status: 3 },
    });
  });
  afterAll(async () => {
    await fx?.close();
  });

  it.each([
    [
      "",
      ["Shipping", "Payments 100 percent", "Payments 100_percent", "orders_backup", "Orders hook"],
    ],
    ["?title=ORDERS", ["orders_backup", "Orders hook"]],
    ["?title=100_", ["Payments 100_percent"]],
    ["?title=%25", []],
    ["?http_method=post", ["Shipping", "Orders hook"]],
    [
      "?created_from=2026-01-31&created_to=2026-01-31",
      ["Payments 100 percent", "Payments 100_percent", "orders_backup"],
    ],
    [
      "?created_from=2026-01-31T12:00:00Z",
      ["Shipping", "Payments 100 percent", "Payments 100_percent"],
    ],
    ["?created_to=2026-01-31T12:00:00Z", ["Payments 100_percent", "orders_backup", "Orders hook"]],
    ["?status=3", ["Shipping"]],
    ["?status=1&http_method=GET", ["orders_backup"]],
  ])("filters %s newest first", async (search, expected) => {
    const { status, body } = await list(search);
    expect(status).toBe(200);
    expect(body.message).toBe("Profiles fetched successfully");
    expect(titles(body.data)).toEqual(expected);
    expect(body.data.total).toBe(expected.length);
  });

  it("pages with limit and offset and reports the total", async () => {
    const { body } = await list("?limit=2&offset=1");
    expect(body.data).toMatchObject({ total: 5, limit: 2, offset: 1 });
    expect(titles(body.data)).toEqual(["Payments 100 percent", "Payments 100_percent"]);
    const past = await list("?offset=10");
    expect(past.body.data).toMatchObject({ profiles: [], total: 5, limit: 25, offset: 10 });
  });

  it("lists profile views with masked secrets only", async () => {
    const { body } = await list("?limit=1");
    const [profile] = body.data.profiles as Record<string, unknown>[];
    expect(profile).toMatchObject({ title: "Shipping", status: 3, enc: null });
    expect(profile).not.toHaveProperty("signing_secret");
  });

  it.each([
    ["?limit=500", "query/limit must be <= 100"],
    ["?unknown=1", "query must NOT have additional properties: 'unknown'"],
  ])("refuses %s with 400", async (search, message) => {
    const { status, body } = await list(search);
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: "RBC302", message, error: [{ query: message }] });
  });
});
