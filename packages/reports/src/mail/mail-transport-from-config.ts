import type { MailTransport } from "./mail-transport.ts";
import { createOutboxTransport } from "./outbox-transport.ts";
import { createResendTransport } from "./resend-transport.ts";
import { createSmtpTransport } from "./smtp-transport.ts";

/** The email settings a process parsed from its environment (`RESEND_API_KEY`, `SMTP_URL`…). */
export interface MailTransportConfig {
  resendApiKey?: string;
  resendBaseUrl?: string;
  smtpUrl?: string;
  /** Used when neither Resend nor SMTP is configured, e.g. `./.rebound/outbox`. */
  outboxDir: string;
}

/**
 * Picks the transport once at start: Resend when an API key is given, else SMTP when a URL is
 * given, else the outbox folder. Does not read the environment; a malformed URL or an empty key
 * throws here, at start, rather than at the first send.
 *
 * @example
 * const transport = mailTransportFromConfig({ smtpUrl: env.SMTP_URL, outboxDir: ".rebound/outbox" });
 * transport.kind; // "smtp"
 */
export function mailTransportFromConfig(config: MailTransportConfig): MailTransport {
  if (config.resendApiKey !== undefined) {
    return createResendTransport({ apiKey: config.resendApiKey, baseUrl: config.resendBaseUrl });
  }
  if (config.smtpUrl !== undefined) return createSmtpTransport({ url: config.smtpUrl });
  return createOutboxTransport({ dir: config.outboxDir });
}
