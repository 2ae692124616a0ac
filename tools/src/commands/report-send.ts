import type { ReportFrequency } from "@rebound/db";
import {
  DEFAULT_MAIL_LEASE_MS,
  DEFAULT_MAIL_RETRY_FOR_MS,
  DEFAULT_MAIL_RETRY_INTERVAL_MS,
  formatTimeframe,
  type MailTransport,
  type SendReportNowResult,
  sendReportNow,
} from "@rebound/reports";
import { CliError, UsageError } from "../cli-error.ts";
import type { CliOutput } from "../cli-output.ts";
import type { ReboundEnv } from "../env.ts";
import { createMailTransport, describeMailTransport } from "../mail-transport.ts";
import { withDatabase } from "./with-database.ts";

export interface ReportSendOptions {
  sid: string;
  frequency: ReportFrequency;
  /** `--now`; null = the current time. */
  at: Date | null;
}

/**
 * `rebound report send`: the report of the window ending at the latest scheduled send at or
 * before `--now`, through the same claim as the reports role, so the two never both send it.
 * Exit 0 when it was sent (now or before), 1 when it failed or another process is sending it.
 */
export async function runReportSend(
  env: ReboundEnv,
  options: ReportSendOptions,
  output: CliOutput,
): Promise<number> {
  const now = new Date();
  if (options.at !== null && options.at.getTime() > now.getTime()) {
    throw new UsageError(
      "report send: --now is in the future; a report covers a window that has ended",
    );
  }
  const mail = createMailTransport(env);
  try {
    const result = await withDatabase(env, (handle) =>
      sendReportNow(
        {
          handle,
          mail,
          from: env.mail.from,
          now: () => new Date(),
          leaseMs: DEFAULT_MAIL_LEASE_MS,
          retryIntervalMs: DEFAULT_MAIL_RETRY_INTERVAL_MS,
          retryForMs: DEFAULT_MAIL_RETRY_FOR_MS,
        },
        { accountSid: options.sid, frequency: options.frequency, at: options.at ?? now },
      ),
    );
    return printOutcome(result, options, mail, output);
  } finally {
    await mail.close();
  }
}

const TITLES: Record<ReportFrequency, string> = {
  daily: "Daily",
  weekly: "Weekly",
  monthly: "Monthly",
};

function printOutcome(
  result: SendReportNowResult,
  options: ReportSendOptions,
  mail: MailTransport,
  output: CliOutput,
): number {
  const what = `${TITLES[options.frequency]} report for ${options.sid}`;
  switch (result.outcome) {
    case "unknown-account":
      throw new CliError(`report send: no account with SID ${options.sid}`);
    case "no-recipients":
      throw new CliError(
        `report send: ${options.sid} has no report recipients; set them with PUT /v1/${options.sid}/settings/callback-report`,
      );
    case "already-sent":
      output.out(
        `${what}, window ending ${result.run.window.end.toISOString()}, was already sent at ${result.run.sentAt?.toISOString() ?? "?"} (${result.run.providerMessageId ?? "no id"}); not sent again.`,
      );
      return 0;
    case "in-progress":
      output.err(
        `rebound: ${what}, window ending ${result.run.window.end.toISOString()}, is being sent by another process (its claim expires at ${result.run.leaseExpiresAt?.toISOString() ?? "?"}); not sent by this command`,
      );
      return 1;
    case "sent":
    case "failed": {
      const zone = result.account?.timeZone ?? "UTC";
      output.out(`${what}: ${formatTimeframe(result.run.window, zone)}`);
      output.out(`  mail via ${describeMailTransport(mail)}`);
      if (result.outcome === "failed") {
        output.err(`rebound: ${what} FAILED after ${result.attempts} attempt(s): ${result.error}`);
        return 1;
      }
      output.out(
        `  sent to ${result.recipients.join(", ")}: ${result.report.delivered} delivered, ${result.report.failed} failed`,
      );
      output.out(`  message ${result.messageId} (${result.attempts} attempt(s))`);
      return 0;
    }
    default: {
      const unexpected: never = result;
      throw new Error(`unhandled outcome ${JSON.stringify(unexpected)}`);
    }
  }
}
