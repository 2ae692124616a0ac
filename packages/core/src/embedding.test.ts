// The README's embedding example, kept runnable: a sender renders with the public API and a
// receiver verifies and decrypts with it.
import { describe, expect, it } from "vitest";
import {
  buildCallbackRequest,
  decrypt,
  generateSigningSecret,
  validateProfileCreate,
  verifyWebhook,
} from "./index.ts";

describe("embedding @rebound/core", () => {
  it("validates, renders, signs, verifies and decrypts through the public API", () => {
    const result = validateProfileCreate({
      title: "Order_updates",
      http_method: "post",
      url: "https://hooks.example.com/orders/<order.id>",
      body: { phone: "<customer.phone>", total: "<order.total>" },
      enc: {
        algo: "AES-256-GCM",
        key: "0123456789abcdef0123456789abcdef",
        IV: "fedcba9876543210",
        params: ["customer.phone"],
        iv_mode: "random",
      },
    });
    if (!result.ok) throw new Error(result.issues[0]?.message);

    const secret = generateSigningSecret();
    const nowSeconds = Math.floor(Date.now() / 1000);
    const built = buildCallbackRequest(
      result.profile,
      {
        event: "order.paid",
        data: { order: { id: 42, total: 99.5 }, customer: { phone: "+9199" } },
      },
      { signing: { id: "msg_1", timestampSeconds: nowSeconds, secrets: [secret] } },
    );
    if (!built.ok) throw new Error(built.error.message);
    const { url, headers, body } = built.request;
    expect(url).toBe("https://hooks.example.com/orders/42");

    // Receiver side: verify the raw body, then open the encrypted value.
    const rawBody = body ?? new Uint8Array();
    const check = verifyWebhook({
      headers: {
        id: headers["webhook-id"] ?? "",
        timestamp: headers["webhook-timestamp"] ?? "",
        signature: headers["webhook-signature"] ?? "",
      },
      body: rawBody,
      secret,
      nowSeconds,
    });
    expect(check).toEqual({ ok: true });
    const payload = JSON.parse(new TextDecoder().decode(rawBody));
    expect(payload.total).toBe(99.5);
    const phone = decrypt(payload.phone, {
      algo: "AES-256-GCM",
      key: "0123456789abcdef0123456789abcdef",
      iv: "fedcba9876543210",
      ivMode: "random",
    });
    expect(phone).toBe("+9199");
  });
});
