import { generateSigningSecret } from "@rebound/core";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendTestCallback } from "./test-callback.ts";
import { localTransport } from "./testing/dispatcher-fixture.ts";
import { type Receiver, startReceiver } from "./testing/receiver.ts";
import { profileSpec } from "./testing/seed.ts";

describe("sendTestCallback", () => {
  let receiver: Receiver;
  const transport = localTransport();
  beforeAll(async () => {
    receiver = await startReceiver(() => ({ status: 202, body: "accepted" }));
  });
  afterAll(async () => {
    await transport.close();
    await receiver.close();
  });

  it("sends one signed request and reports what was sent with secrets redacted", async () => {
    const secret = generateSigningSecret();
    const result = await sendTestCallback(transport, {
      profile: profileSpec({ url: `${receiver.url}/test` }),
      secrets: [secret],
      event: "SMS-sent",
      data: { phone: "+15550100", name: "Ada", channel: "sms" },
    });
    expect(result.result).toMatchObject({ kind: "response", statusCode: 202, body: "accepted" });
    expect(result.request).toMatchObject({ method: "POST", url: `${receiver.url}/test` });
    expect(result.request.headers["webhook-signature"]).toBe("[redacted]");
    expect(result.request.headers.Authorization).toBe("[redacted]");
    const [received] = receiver.requests;
    expect(() =>
      new Webhook(secret).verify(received?.body ?? "", received?.headers ?? {}),
    ).not.toThrow();
  });

  it("reports a render error without sending", async () => {
    const before = receiver.requests.length;
    const result = await sendTestCallback(transport, {
      profile: profileSpec({ url: `${receiver.url}/test`, headers: { "X-Name": "<name>" } }),
      secrets: [generateSigningSecret()],
      event: "SMS-sent",
      data: { name: "a\nb" },
    });
    expect(result.result.kind).toBe("render-error");
    expect(receiver.requests.length).toBe(before);
  });
});
