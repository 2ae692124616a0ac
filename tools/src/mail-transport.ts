import { type MailTransport, mailTransportFromConfig } from "@rebound/reports";
import { CliError } from "./cli-error.ts";
import type { ReboundEnv } from "./env.ts";

/** The report mail transport the environment chose: Resend, else SMTP, else the outbox folder. */
export function createMailTransport(env: ReboundEnv): MailTransport {
  try {
    return mailTransportFromConfig(env.mail);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new CliError(`cannot set up report email: ${reason}`, 1, { cause });
  }
}

/** `smtp smtp://mail.example.com:587`: where mail goes, never a secret. */
export function describeMailTransport(mail: MailTransport): string {
  return `${mail.kind} ${mail.target}`;
}
