import { testDrivers } from "@rebound/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiFixture, createApiFixture, type TestAccount } from "../testing/api-fixture.ts";
import { createTestProfile } from "../testing/profile-helpers.ts";
import type { TestSendInput, TestSendResult } from "./test-sender.ts";

describe.each(testDrivers())("POST /callback/profiles/:id/test on %s", (driver) => {
  let fx: ApiFixture;
  let bare: ApiFixture;
  let acct: TestAccount;
  let other: TestAccount;
  const sent: TestSendInput[] = [];
  // A real function with a canned result; the transport itself is tested in the dispatcher.
  const testSender = async (input: TestSendInput): Promise<TestSendResult> => {
    sent.push(input);
    return {
      request: {
        method: input.profile.http_method,
        url: input.profile.url.replace("<order.id>", "sample"),
        headers: { "webhook-id": "msg_1", "Webhook-Signature": "v1,c2lnbmF0dXJl" },
      },
      result: {
        kind: "response",
        statusCode: 200,
        headers: { "content-type": "text/plain" },
        body: "ok",
        durationMs: 12,
      },
    };
  };
  const path = (id: string, account = acct) => `/v1/${account.sid}/callback/profiles/${id}/test`;

  beforeAll(async () => {
    fx = await createApiFixture(driver, { testSender });
    acct = await fx.newAccount();
    other = await fx.newAccount();
  });
  afterAll(async () => {
    await fx?.close();
    await bare?.close();
  });

  it("sends a sample event through the injected sender and returns the attempt", async () => {
    const id = await createTestProfile(fx, acct, { events: ["SMS-sent"] });
    sent.length = 0;
    const { status, body } = await fx.call("POST", path(id), { apiKey: acct.apiKey });
    expect(status).toBe(200);
    expect(body).toMatchObject({ code: "RBC024", message: "Test callback sent" });
    expect(body.data).toEqual({
      event: "SMS-sent",
      data: { order: { id: "sample order.id" } },
      request: {
        method: "POST",
        url: "https://example.com/hooks/sample",
        headers: { "webhook-id": "msg_1", "Webhook-Signature": "[redacted]" },
      },
      result: {
        kind: "response",
        statusCode: 200,
        headers: { "content-type": "text/plain" },
        body: "ok",
        durationMs: 12,
      },
      success: true,
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.profile).toMatchObject({ url: "https://example.com/hooks/<order.id>" });
    expect(sent[0]?.secrets).toEqual([expect.stringMatching(/^whsec_/)]);
  });

  it("sends the given event and data", async () => {
    const id = await createTestProfile(fx, acct);
    sent.length = 0;
    const { status } = await fx.call("POST", path(id), {
      apiKey: acct.apiKey,
      body: { event: "order.paid", data: { order: { id: 9 } } },
    });
    expect(status).toBe(200);
    expect(sent[0]).toMatchObject({ event: "order.paid", data: { order: { id: 9 } } });
  });

  it("refuses an event the profile does not allow and unknown fields", async () => {
    const id = await createTestProfile(fx, acct, { events: ["SMS-sent"] });
    const wrong = await fx.call("POST", path(id), {
      apiKey: acct.apiKey,
      body: { event: "SMS-lost" },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toMatch(/^body\/event event 'SMS-lost' is not allowed/);
    const extra = await fx.call("POST", path(id), { apiKey: acct.apiKey, body: { to: 1 } });
    expect(extra.body.message).toBe("body must NOT have additional properties: 'to'");
  });

  it("answers 404 for another account's profile without sending", async () => {
    const theirs = await createTestProfile(fx, other);
    sent.length = 0;
    const { status } = await fx.call("POST", path(theirs), { apiKey: acct.apiKey });
    expect(status).toBe(404);
    expect(sent).toEqual([]);
  });

  it("answers 503 when the server has no sender", async () => {
    bare = await createApiFixture(driver);
    const account = await bare.newAccount();
    const id = await createTestProfile(bare, account);
    const { status, body } = await bare.call("POST", path(id, account), {
      apiKey: account.apiKey,
    });
    expect(status).toBe(503);
    expect(body).toMatchObject({
      code: "RBC503",
      message: "test callbacks are not available on this server",
    });
  });
});
