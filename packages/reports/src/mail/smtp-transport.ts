import { createTransport, type NodemailerError } from "nodemailer";
import { checkMailMessage, extraHeaders, messageIdFor } from "./mail-message.ts";
import type { MailMessage, MailSendResult, MailTransport } from "./mail-transport.ts";

export interface SmtpTransportOptions {
  /**
   * `smtp://user:pass@host:587` (plain, upgraded with STARTTLS when the server offers it) or
   * `smtps://user:pass@host:465` (TLS from the start). User and password are percent-decoded.
   * `?require_tls=true` on `smtp://` refuses to send unless STARTTLS succeeds, so neither the
   * credentials nor the report ever cross the network in plain text.
   */
  url: string;
  /** To open the TCP (and TLS) connection; default 10 s. */
  connectionTimeoutMs?: number;
  /** For the server's greeting after connecting; default 10 s. */
  greetingTimeoutMs?: number;
  /** Longest silence on an open connection; default 30 s. */
  socketTimeoutMs?: number;
}

export const DEFAULT_SMTP_CONNECTION_TIMEOUT_MS = 10_000;
export const DEFAULT_SMTP_GREETING_TIMEOUT_MS = 10_000;
export const DEFAULT_SMTP_SOCKET_TIMEOUT_MS = 30_000;

// Failures without an SMTP reply that the same message and configuration would meet again.
const PERMANENT_ERROR_CODES = new Set([
  "EAUTH",
  "ENOAUTH",
  "EOAUTH2",
  "ETLS",
  "EREQUIRETLS",
  "ECONFIG",
  "EENVELOPE",
  "EMAXRECIPIENTS",
  "EOTP",
  "EFILEACCESS",
  "EURLACCESS",
]);

function parseSmtpUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError("SMTP url is not a URL (expected smtp://user:pass@host:port)");
  }
  if (parsed.protocol !== "smtp:" && parsed.protocol !== "smtps:") {
    throw new TypeError(`SMTP url must start with smtp:// or smtps://, got ${parsed.protocol}//`);
  }
  if (parsed.hostname === "") throw new TypeError("SMTP url has no host");
  return parsed;
}

/** The `require_tls` option of an SMTP url (the only option it takes). */
function requiresTls(url: URL): boolean {
  for (const name of url.searchParams.keys()) {
    if (name !== "require_tls") {
      throw new TypeError(`SMTP url has an unknown option '${name}' (the only one is require_tls)`);
    }
  }
  const value = url.searchParams.get("require_tls");
  if (value === null || value === "false") return false;
  if (value === "true") return true;
  throw new TypeError(`SMTP url option require_tls must be true or false, got '${value}'`);
}

/** The result for a nodemailer error: SMTP 4xx replies and lost connections are retryable. */
export function smtpFailure(error: unknown): MailSendResult {
  const failure = error as NodemailerError;
  const message = error instanceof Error ? error.message : String(error);
  const retryable =
    typeof failure.responseCode === "number"
      ? failure.permanent === undefined
        ? failure.responseCode < 500 || failure.responseCode === 503
        : !failure.permanent
      : !PERMANENT_ERROR_CODES.has(failure.code ?? "");
  return { ok: false, error: `SMTP: ${message}`, retryable };
}

/**
 * Sends through an SMTP server with nodemailer, one connection per message (reports are a few
 * emails an hour; a pool would hold idle connections the server eventually drops).
 *
 * @example
 * const smtp = createSmtpTransport({ url: "smtps://reports:secret@mail.example.com:465" });
 */
export function createSmtpTransport(options: SmtpTransportOptions): MailTransport {
  const url = parseSmtpUrl(options.url);
  const secure = url.protocol === "smtps:";
  const requireTLS = requiresTls(url);
  const port = url.port === "" ? (secure ? 465 : 587) : Number(url.port);
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const transporter = createTransport({
    host,
    port,
    secure,
    requireTLS,
    auth:
      url.username === ""
        ? undefined
        : { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) },
    connectionTimeout: options.connectionTimeoutMs ?? DEFAULT_SMTP_CONNECTION_TIMEOUT_MS,
    greetingTimeout: options.greetingTimeoutMs ?? DEFAULT_SMTP_GREETING_TIMEOUT_MS,
    socketTimeout: options.socketTimeoutMs ?? DEFAULT_SMTP_SOCKET_TIMEOUT_MS,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  let closed = false;

  async function send(message: MailMessage): Promise<MailSendResult> {
    const refused = checkMailMessage(message);
    if (refused) return refused;
    try {
      const info = await transporter.sendMail({
        from: message.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers: extraHeaders(message),
        messageId: messageIdFor(message),
      });
      return info.rejected.length > 0
        ? { ok: true, id: info.messageId, rejected: info.rejected }
        : { ok: true, id: info.messageId };
    } catch (error) {
      return smtpFailure(error);
    }
  }

  return {
    kind: "smtp",
    dropsRepeats: false,
    target: `${url.protocol}//${url.host}${requireTLS ? " (STARTTLS required)" : ""}`,
    send,
    close: async () => {
      if (closed) return;
      closed = true;
      transporter.close();
    },
  };
}
