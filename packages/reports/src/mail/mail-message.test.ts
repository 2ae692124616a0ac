import { describe, expect, it } from "vitest";
import { checkMailMessage, messageIdFor } from "./mail-message.ts";
import type { MailMessage } from "./mail-transport.ts";

const valid: MailMessage = {
  from: "Rebound <reports@rebound.example>",
  to: ["ops@acme.example"],
  subject: "Weekly callback report",
  html: "<p>ok</p>",
  text: "ok",
};

describe("checkMailMessage", () => {
  it("accepts a plain message", () => {
    expect(checkMailMessage(valid)).toBeNull();
    expect(checkMailMessage({ ...valid, headers: { "X-Rebound-Report": "weekly" } })).toBeNull();
  });

  it.each<[string, Partial<MailMessage>, RegExp]>([
    ["no recipients", { to: [] }, /no recipients/],
    ["a recipient that is not an address", { to: ["ops@acme.example", "nobody"] }, /"nobody"/],
    ["a recipient list in one string", { to: ["a@acme.example, b@acme.example"] }, /recipient/],
    ["a CR/LF in the subject", { subject: "Report\r\nBcc: x@evil.example" }, /subject/],
    ["a LF in from", { from: "a@acme.example\nBcc: x@evil.example" }, /from/],
    ["an empty from", { from: " " }, /from/],
    ["a header value with a line break", { headers: { "X-A": "1\r\nBcc: x@evil.example" } }, /X-A/],
    ["a header name with a colon", { headers: { "X-A:": "1" } }, /header name/],
    ["a header that replaces a message field", { headers: { bcc: "x@evil.example" } }, /bcc/],
    ["an empty idempotency key", { idempotencyKey: "" }, /idempotencyKey/],
    ["an over-long idempotency key", { idempotencyKey: "k".repeat(257) }, /idempotencyKey/],
  ])("refuses %s, permanently", (_name, change, error) => {
    const refused = checkMailMessage({ ...valid, ...change });
    expect(refused).toMatchObject({ ok: false, retryable: false });
    expect(refused?.error).toMatch(error);
  });
});

describe("messageIdFor", () => {
  it("derives a stable id in the sender's domain from the idempotency key", () => {
    const id = messageIdFor({ ...valid, idempotencyKey: "report:1:daily" });
    expect(id).toMatch(/^<[0-9a-f]{32}@rebound\.example>$/);
    expect(messageIdFor({ ...valid, idempotencyKey: "report:1:daily" })).toBe(id);
    expect(messageIdFor({ ...valid, idempotencyKey: "report:1:weekly" })).not.toBe(id);
  });

  it("keeps the caller's own Message-ID, and leaves it to the mailer without a key", () => {
    const headers = { "message-id": "<mine@acme.example>" };
    expect(messageIdFor({ ...valid, headers, idempotencyKey: "k" })).toBe("<mine@acme.example>");
    expect(messageIdFor(valid)).toBeUndefined();
  });
});
