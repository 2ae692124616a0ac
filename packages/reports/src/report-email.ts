import { sendWithRetry } from "./mail/send-with-retry.ts";
import type { MailRunContext } from "./mail-run-context.ts";
import {
  type MailFailedOutcome,
  type MailRetryPolicy,
  type MailSentOutcome,
  markSendStarted,
  outcomeOfError,
  outcomeOfSend,
  recordMailOutcome,
} from "./mail-runs.ts";
import { findReportAccount, type ReportAccount } from "./report-accounts.ts";
import { type AggregateReportResult, aggregateReport } from "./report-aggregate.ts";
import { type ReportRun, reportIdempotencyKey } from "./report-runs.ts";
import { callbackReportTemplate } from "./templates/callback-report-email.tsx";
import { renderEmail } from "./templates/render-email.ts";

/**
 * What happened to one claimed report run; `recorded` is false when the row was taken over.
 * `account` is null only when it could not be read.
 */
export type ReportSendResult =
  | {
      outcome: "sent";
      run: ReportRun;
      account: ReportAccount | null;
      recipients: string[];
      messageId: string;
      attempts: number;
      report: AggregateReportResult;
      recorded: boolean;
    }
  | {
      outcome: "failed";
      run: ReportRun;
      account: ReportAccount | null;
      recipients: string[];
      error: string;
      attempts: number;
      /** When a retry is due; null = final. */
      retryAt: Date | null;
      recorded: boolean;
    };

type ReportAttempt = { account: ReportAccount | null } & (
  | { outcome: MailSentOutcome; report: AggregateReportResult }
  | { outcome: MailFailedOutcome }
);

async function attemptReport(
  context: MailRunContext,
  run: ReportRun,
  policy: MailRetryPolicy,
): Promise<ReportAttempt> {
  let recipients: string[] = [];
  let account: ReportAccount | null = null;
  try {
    account = await findReportAccount(context.handle, { accountId: run.accountId });
    if (account === null) throw new Error(`account ${run.accountId} no longer exists`);
    recipients = account.recipients;
    const report = await aggregateReport(context.handle, run.accountId, run.window);
    const email = await renderEmail(callbackReportTemplate, {
      companyName: account.name,
      accountSid: account.sid,
      frequency: run.frequency,
      timeZone: account.timeZone,
      report,
    });
    await markSendStarted(context.handle, "report_runs", run.id, context.now());
    const result = await sendWithRetry(
      context.mail,
      {
        from: context.from,
        to: recipients,
        ...email,
        headers: { "X-Rebound-Report": run.frequency },
        idempotencyKey: reportIdempotencyKey(run),
      },
      context.mailRetry,
    );
    const outcome = outcomeOfSend(result, recipients, context.now(), policy);
    return outcome.status === "sent" ? { account, outcome, report } : { account, outcome };
  } catch (error) {
    return { account, outcome: outcomeOfError(error, recipients, context.now(), policy) };
  }
}

/**
 * Sends a claimed run: aggregates its window, renders the callback report, sends it with retries
 * (idempotency key `report:<account>:<frequency>:<window end>`) and records `sent` or `failed`.
 * Nothing here holds a transaction. A failure to prepare the email (database, rendering) is
 * recorded as a retryable failure; only a failure to record the outcome throws, and then the
 * lease expires and a later tick sends the run again with the same key.
 */
export async function sendReportRun(
  context: MailRunContext,
  run: ReportRun,
): Promise<ReportSendResult> {
  const attempt = await attemptReport(context, run, {
    retryIntervalMs: context.retryIntervalMs,
    retryUntil: new Date(run.window.end.getTime() + context.retryForMs),
  });
  const { outcome } = attempt;
  const recorded = await recordMailOutcome(context.handle, "report_runs", run.id, outcome);
  const common = {
    run,
    account: attempt.account,
    recipients: outcome.recipients,
    attempts: outcome.attempts,
    recorded,
  };
  if ("report" in attempt) {
    return {
      outcome: "sent",
      ...common,
      messageId: attempt.outcome.providerMessageId,
      report: attempt.report,
    };
  }
  return {
    outcome: "failed",
    ...common,
    error: attempt.outcome.error,
    retryAt: attempt.outcome.retryAt,
  };
}
