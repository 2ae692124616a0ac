import { testDrivers } from "@rebound/db/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApp } from "../app.ts";
import {
  type ApiFixture,
  createApiFixture,
  newSecretBox,
  SEED_CREATE_BODY,
} from "../testing/api-fixture.ts";

describe.each(testDrivers())("error responses on %s", (driver) => {
  let fx: ApiFixture;
  beforeAll(async () => {
    fx = await createApiFixture(driver);
  });
  afterAll(async () => {
    await fx?.close();
  });

  it.each([
    ["GET", "/nope"],
    ["GET", "/v1"],
    ["PUT", "/healthz"],
  ])("answers an unknown route %s %s with the 404 envelope", async (method, path) => {
    const { status, body } = await fx.call(method, path);
    expect(status).toBe(404);
    expect(body).toMatchObject({ code: "RBC302", status: 404, data: {} });
    expect(body.message).toBe(`route ${method} ${path} not found`);
  });

  it("answers an unexpected failure with a bare 500 and logs it to stderr", async () => {
    const acct = await fx.newAccount();
    const created = await fx.call("POST", `/v1/${acct.sid}/callback/profiles`, {
      apiKey: acct.apiKey,
      body: SEED_CREATE_BODY,
    });
    // Another master key cannot open the sealed settings: an operator error, not the client's.
    const wrongKeyApp = createApp({
      db: fx.handle.db,
      secretBox: newSecretBox(),
      profileIdPrefix: "IN",
      rateLimitPerMinute: null,
    });
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const response = await wrongKeyApp.request(
        `/v1/${acct.sid}/callback/profiles/${String(created.body.data.profile_id)}`,
        { headers: { "api-key": acct.apiKey } },
      );
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({
        code: "RBC500",
        message: "internal error",
        data: {},
        error: [{ body: "internal error" }],
        status: 500,
      });
      expect(text).not.toMatch(/SecretBox|at \w+ \(/);
      expect(logged).toHaveBeenCalledOnce();
    } finally {
      logged.mockRestore();
    }
  });
});
