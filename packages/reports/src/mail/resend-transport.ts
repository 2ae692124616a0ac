import { Resend } from "resend";
import { checkMailMessage } from "./mail-message.ts";
import type { MailMessage, MailSendResult, MailTransport } from "./mail-transport.ts";

export const DEFAULT_RESEND_BASE_URL = "https://api.resend.com";
export const DEFAULT_RESEND_TIMEOUT_MS = 30_000;

export interface ResendTransportOptions {
  apiKey: string;
  /**
   * API origin, default `https://api.resend.com`. Always passed to the SDK: left out, the SDK
   * would read `RESEND_BASE_URL` from the environment itself, and libraries here never read it
   * (the CLI passes `RESEND_BASE_URL` in).
   */
  baseUrl?: string;
  /** For the whole HTTP request; default 30 s. */
  timeoutMs?: number;
}

/** The SDK's error value (`{ data: null, error }`); it does not throw for HTTP errors. */
interface ResendError {
  message?: string;
  name?: string;
  statusCode?: number | null;
}

// Error names that describe the request itself: sending it again gets the same answer.
const PERMANENT_ERROR_NAMES = new Set([
  "validation_error",
  "missing_required_field",
  "invalid_idempotency_key",
  "invalid_idempotent_request",
  "invalid_from_address",
  "invalid_attachment",
  "invalid_parameter",
  "invalid_access",
  "invalid_region",
  "invalid_api_key",
  "missing_api_key",
  "restricted_api_key",
  "not_found",
  "method_not_allowed",
  "security_error",
  // 429 like a rate limit, but a daily or monthly quota does not clear within a retry's wait.
  "daily_quota_exceeded",
  "monthly_quota_exceeded",
]);

function retryAfterMs(headers: Record<string, string> | null): number | undefined {
  const seconds = Number(headers?.["retry-after"]);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/**
 * The result for a Resend error: 429 (rate limit), 409 (the same idempotency key is in flight)
 * and 5xx are retryable, like a request that got no response (`statusCode: null`); other 4xx
 * are not.
 */
export function resendFailure(
  error: ResendError,
  headers: Record<string, string> | null,
): MailSendResult {
  const status = typeof error.statusCode === "number" ? error.statusCode : null;
  const name = error.name ?? "unknown_error";
  const retryable = PERMANENT_ERROR_NAMES.has(name)
    ? false
    : status === null || status === 409 || status === 429 || status >= 500;
  const after = retryable ? retryAfterMs(headers) : undefined;
  const text = `Resend${status === null ? "" : ` ${status}`} ${name}: ${error.message ?? ""}`;
  return after === undefined
    ? { ok: false, error: text.trim(), retryable }
    : { ok: false, error: text.trim(), retryable, retryAfterMs: after };
}

/**
 * Sends through the Resend API with the `resend` SDK. `idempotencyKey` becomes Resend's
 * `Idempotency-Key` header, so a retry after a lost response does not send a second email.
 *
 * @example
 * const resend = createResendTransport({ apiKey: "re_123" });
 */
export function createResendTransport(options: ResendTransportOptions): MailTransport {
  if (options.apiKey.trim() === "") throw new TypeError("Resend apiKey is empty");
  const baseUrl = (options.baseUrl ?? DEFAULT_RESEND_BASE_URL).replace(/\/+$/, "");
  const parsed = URL.canParse(baseUrl) ? new URL(baseUrl) : null;
  if (parsed === null || (parsed.protocol !== "https:" && parsed.protocol !== "http:")) {
    throw new TypeError(`Resend baseUrl must be an http(s) URL, got ${JSON.stringify(baseUrl)}`);
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_RESEND_TIMEOUT_MS;
  // userAgent is passed for the same reason as baseUrl: the SDK would read RESEND_USER_AGENT.
  const client = new Resend(options.apiKey, { baseUrl, userAgent: "rebound-reports" });

  async function send(message: MailMessage): Promise<MailSendResult> {
    const refused = checkMailMessage(message);
    if (refused) return refused;
    try {
      const {
        data,
        error,
        headers: responseHeaders,
      } = await client.emails.send(
        {
          from: message.from,
          to: message.to,
          subject: message.subject,
          html: message.html,
          text: message.text,
          // Only the caller's own headers: Resend sets the Message-ID itself and deduplicates
          // by the Idempotency-Key, so no Message-ID is derived from the key here.
          headers: message.headers,
        },
        {
          idempotencyKey: message.idempotencyKey,
          signal: AbortSignal.timeout(timeoutMs),
        },
      );
      if (error) return resendFailure(error, responseHeaders);
      return { ok: true, id: data.id };
    } catch (error) {
      // The SDK turns network failures into values; a throw here is an aborted (timed out) read.
      const text = error instanceof Error ? error.message : String(error);
      return { ok: false, error: `Resend: ${text}`, retryable: true };
    }
  }

  const target = `${parsed.origin}${parsed.pathname === "/" ? "" : parsed.pathname}`;
  return { kind: "resend", dropsRepeats: true, target, send, close: async () => {} };
}
