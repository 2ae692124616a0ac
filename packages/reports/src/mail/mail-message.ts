import { createHash } from "node:crypto";
import { isEmailAddress } from "@rebound/core";
import type { MailMessage, MailNotSent } from "./mail-transport.ts";

/** Resend accepts idempotency keys of 1–256 characters. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 256;

// Set from the message's own fields; a custom header must not replace or duplicate them.
const RESERVED_HEADERS = new Set([
  "from",
  "to",
  "cc",
  "bcc",
  "subject",
  "sender",
  "date",
  "mime-version",
  "content-type",
  "content-transfer-encoding",
]);
// RFC 5322 field names: printable ASCII except the colon.
const HEADER_NAME = /^[!-9;-~]+$/;
// CR, LF and NUL end or corrupt a header line (header injection).
const LINE_BREAK_OR_NUL = /[\r\n\0]/;

function refuse(error: string): MailNotSent {
  return { ok: false, error, retryable: false };
}

/**
 * Why `message` cannot be sent by any transport, or `null` when it can. Such a message fails the
 * same way every time, so the result is not retryable.
 */
export function checkMailMessage(message: MailMessage): MailNotSent | null {
  if (message.to.length === 0) return refuse("the message has no recipients");
  for (const address of message.to) {
    if (!isEmailAddress(address)) {
      return refuse(`recipient is not an email address: ${JSON.stringify(address)}`);
    }
  }
  if (message.from.trim() === "" || LINE_BREAK_OR_NUL.test(message.from)) {
    return refuse("from must be one non-empty line");
  }
  if (LINE_BREAK_OR_NUL.test(message.subject)) return refuse("subject must be one line");
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (!HEADER_NAME.test(name)) return refuse(`invalid header name ${JSON.stringify(name)}`);
    if (RESERVED_HEADERS.has(name.toLowerCase())) {
      return refuse(`header ${name} is set from the message fields`);
    }
    if (LINE_BREAK_OR_NUL.test(value)) return refuse(`header ${name} must be one line`);
  }
  const key = message.idempotencyKey;
  if (key !== undefined && (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH)) {
    return refuse(`idempotencyKey must be 1–${MAX_IDEMPOTENCY_KEY_LENGTH} characters`);
  }
  if (key !== undefined && LINE_BREAK_OR_NUL.test(key)) {
    return refuse("idempotencyKey must be one line");
  }
  return null;
}

function senderDomain(from: string): string {
  const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from);
  return match?.[1]?.toLowerCase() ?? "rebound.invalid";
}

/**
 * The `Message-ID` for `message`: the caller's own header if it set one, a stable id derived
 * from `idempotencyKey` (the same key gives the same id on every retry and every transport),
 * else `undefined` and the mailer generates a random one.
 *
 * @example
 * messageIdFor({ ...message, from: "Rebound <reports@example.com>", idempotencyKey: "run-42" })
 * // "<3b0c…@example.com>"
 */
export function messageIdFor(message: MailMessage): string | undefined {
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (name.toLowerCase() === "message-id") return value;
  }
  if (message.idempotencyKey === undefined) return undefined;
  const digest = createHash("sha256").update(message.idempotencyKey).digest("hex").slice(0, 32);
  return `<${digest}@${senderDomain(message.from)}>`;
}

/** The message's custom headers without `Message-ID`, which the mailers take separately. */
export function extraHeaders(message: MailMessage): Record<string, string> {
  return Object.fromEntries(
    Object.entries(message.headers ?? {}).filter(([name]) => name.toLowerCase() !== "message-id"),
  );
}
