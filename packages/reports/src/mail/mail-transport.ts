/** One email, already rendered (see `renderEmail`). */
export interface MailMessage {
  /** `reports@example.com` or `Rebound <reports@example.com>`. */
  from: string;
  /** Bare addresses, at least one. */
  to: string[];
  /** One line: CR and LF are refused. */
  subject: string;
  html: string;
  text: string;
  /** Extra header fields, e.g. `{ "X-Rebound-Report": "daily" }`; values are one line each. */
  headers?: Record<string, string>;
  /**
   * The same key means the same email: Resend's `Idempotency-Key` (a retried request is not
   * sent twice) and, for SMTP and the outbox, a stable `Message-ID` derived from it, so a
   * resent message can be recognised as a duplicate by the receiving side.
   */
  idempotencyKey?: string;
}

/** Accepted by the transport; `id` is the provider's id, the Message-ID, or the outbox file. */
export interface MailSent {
  ok: true;
  id: string;
  /** Recipients the SMTP server refused while it accepted the others. */
  rejected?: string[];
}

/** Not sent. Retryable failures (timeouts, 4xx SMTP replies, HTTP 429/5xx) may succeed later. */
export interface MailNotSent {
  ok: false;
  error: string;
  retryable: boolean;
  /** The provider asked to wait this long before trying again (HTTP `Retry-After`). */
  retryAfterMs?: number;
}

export type MailSendResult = MailSent | MailNotSent;

export type MailTransportKind = "resend" | "smtp" | "outbox";

/**
 * Sends rendered emails. `send` never throws for a failed delivery: expected failures are
 * `MailNotSent` values the caller records (see `sendWithRetry`).
 */
export interface MailTransport {
  readonly kind: MailTransportKind;
  /**
   * The provider drops a second send with the same idempotency key (Resend does, for 24 h), so
   * an email whose send was interrupted may safely be sent again.
   */
  readonly dropsRepeats: boolean;
  /** Where mail goes, for start-up logs; never contains a secret. */
  readonly target: string;
  send(message: MailMessage): Promise<MailSendResult>;
  /** Releases connections; safe to call twice. */
  close(): Promise<void>;
}
