import { testDrivers } from "@rebound/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiFixture,
  createApiFixture,
  SEED_CREATE_BODY,
  type TestAccount,
} from "../testing/api-fixture.ts";

const MAX_BODY_BYTES = 2048;

describe.each(testDrivers())("request bodies on %s", (driver) => {
  let fx: ApiFixture;
  let acct: TestAccount;
  let profileId: string;
  const base = () => `/v1/${acct.sid}/callback/profiles`;

  beforeAll(async () => {
    fx = await createApiFixture(driver, { maxBodyBytes: MAX_BODY_BYTES });
    acct = await fx.newAccount();
    const created = await fx.call("POST", base(), { apiKey: acct.apiKey, body: SEED_CREATE_BODY });
    profileId = String(created.body.data.profile_id);
  });
  afterAll(async () => {
    await fx?.close();
  });

  const bigTitleBody = JSON.stringify({ ...SEED_CREATE_BODY, padding: "x".repeat(4000) });

  it.each([
    ["malformed JSON", '{"title": ', {}, 400, "RBC302", "body must be valid JSON"],
    ["an empty body", "", {}, 400, "RBC302", "body must be valid JSON"],
    [
      "a text/plain body",
      JSON.stringify(SEED_CREATE_BODY),
      { "content-type": "text/plain" },
      415,
      "RBC415",
      "Content-Type must be application/json",
    ],
    [
      "no Content-Type",
      JSON.stringify(SEED_CREATE_BODY),
      { "content-type": "" },
      415,
      "RBC415",
      "Content-Type must be application/json",
    ],
    [
      "an oversized body",
      bigTitleBody,
      {},
      413,
      "RBC413",
      `body must not be larger than ${MAX_BODY_BYTES} bytes`,
    ],
    [
      "a Content-Length over the limit",
      "{}",
      { "content-length": "999999" },
      413,
      "RBC413",
      `body must not be larger than ${MAX_BODY_BYTES} bytes`,
    ],
  ])(
    "answers %s on POST and PATCH without writing",
    async (_name, raw, headers, status, code, message) => {
      const before = await fx.profileCount();
      const targets: [string, string][] = [
        ["POST", base()],
        ["PATCH", `${base()}/${profileId}`],
      ];
      for (const [method, path] of targets) {
        const response = await fx.call(method, path, { apiKey: acct.apiKey, body: raw, headers });
        expect(response.status).toBe(status);
        expect(response.body).toMatchObject({ code, message, status, data: {} });
      }
      expect(await fx.profileCount()).toBe(before);
      const fetched = await fx.call("GET", `${base()}/${profileId}`, { apiKey: acct.apiKey });
      expect(fetched.body.data.title).toBe(SEED_CREATE_BODY.title);
    },
  );

  it("accepts application/json with a charset parameter", async () => {
    const response = await fx.call("POST", base(), {
      apiKey: acct.apiKey,
      body: { ...SEED_CREATE_BODY, title: "Charset" },
      headers: { "content-type": "application/json; charset=utf-8" },
    });
    expect(response.status).toBe(201);
  });
});
