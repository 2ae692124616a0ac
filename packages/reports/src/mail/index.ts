export { checkMailMessage, MAX_IDEMPOTENCY_KEY_LENGTH, messageIdFor } from "./mail-message.ts";
export type {
  MailMessage,
  MailNotSent,
  MailSendResult,
  MailSent,
  MailTransport,
  MailTransportKind,
} from "./mail-transport.ts";
export type { MailTransportConfig } from "./mail-transport-from-config.ts";
export { mailTransportFromConfig } from "./mail-transport-from-config.ts";
export type { OutboxTransportOptions } from "./outbox-transport.ts";
export { createOutboxTransport } from "./outbox-transport.ts";
export type { ResendTransportOptions } from "./resend-transport.ts";
export {
  createResendTransport,
  DEFAULT_RESEND_BASE_URL,
  DEFAULT_RESEND_TIMEOUT_MS,
} from "./resend-transport.ts";
export type { SendWithRetryOptions, SendWithRetryResult } from "./send-with-retry.ts";
export {
  DEFAULT_MAIL_ATTEMPTS,
  DEFAULT_MAIL_BACKOFF_MS,
  DEFAULT_MAIL_MAX_BACKOFF_MS,
  MAX_MAIL_ATTEMPTS,
  sendWithRetry,
} from "./send-with-retry.ts";
export type { SmtpTransportOptions } from "./smtp-transport.ts";
export {
  createSmtpTransport,
  DEFAULT_SMTP_CONNECTION_TIMEOUT_MS,
  DEFAULT_SMTP_GREETING_TIMEOUT_MS,
  DEFAULT_SMTP_SOCKET_TIMEOUT_MS,
} from "./smtp-transport.ts";
