import type { ReportFrequency } from "@rebound/db";
import type { MailRunContext } from "./mail-run-context.ts";
import { findReportAccount, type ReportAccount } from "./report-accounts.ts";
import { type ReportSendResult, sendReportRun } from "./report-email.ts";
import {
  claimReportRun,
  findReportRun,
  lastWindowEndBefore,
  type ReportRun,
  reclaimReportRun,
} from "./report-runs.ts";
import { latestSendAt, previousSendAt } from "./report-schedule.ts";
import type { ReportWindow } from "./report-window.ts";

export interface SendReportNowInput {
  accountSid: string;
  frequency: ReportFrequency;
  /** The report is the one of the latest scheduled send at or before this instant. */
  at: Date;
}

export type SendReportNowResult =
  | { outcome: "unknown-account" }
  | { outcome: "no-recipients"; account: ReportAccount }
  /** The window's report went out before; it is not sent twice. */
  | { outcome: "already-sent"; account: ReportAccount; run: ReportRun }
  /** Another process holds the window's claim and its lease has not expired. */
  | { outcome: "in-progress"; account: ReportAccount; run: ReportRun }
  | ReportSendResult;

/**
 * Sends an account's report by hand for the window ending at the latest scheduled send at or
 * before `input.at`, through the same claim as the scheduler, so the two never both send it. A
 * window whose run failed, or whose sender's lease expired, is taken over and sent again with
 * the same idempotency key. The window starts where the previous recorded one ended, as
 * `dueReports` would have it.
 *
 * @example
 * const result = await sendReportNow(context, { accountSid: "AC1", frequency: "daily", at: new Date() });
 * if (result.outcome === "sent") console.log(result.report.delivered);
 */
export async function sendReportNow(
  context: MailRunContext,
  input: SendReportNowInput,
): Promise<SendReportNowResult> {
  const now = context.now();
  if (input.at.getTime() > now.getTime()) {
    throw new RangeError("the report window must have ended: `at` is in the future");
  }
  const account = await findReportAccount(context.handle, { sid: input.accountSid });
  if (account === null) return { outcome: "unknown-account" };
  if (account.recipients.length === 0) return { outcome: "no-recipients", account };

  const window = await windowAt(context, account, input);
  const lease = { now, leaseMs: context.leaseMs };
  const claimed = await claimReportRun(context.handle, {
    accountId: account.accountId,
    frequency: input.frequency,
    window,
    ...lease,
  });
  const run = claimed ?? (await takeOver(context, account, input.frequency, window, lease));
  if ("outcome" in run) return run;
  return sendReportRun(context, run);
}

async function windowAt(
  context: MailRunContext,
  account: ReportAccount,
  input: SendReportNowInput,
): Promise<ReportWindow> {
  const end = latestSendAt(input.frequency, input.at, account.timeZone);
  const scheduledStart = previousSendAt(input.frequency, input.at, account.timeZone);
  const lastEnd = await lastWindowEndBefore(
    context.handle,
    account.accountId,
    input.frequency,
    end,
  );
  const start =
    lastEnd !== null && lastEnd.getTime() > scheduledStart.getTime() ? lastEnd : scheduledStart;
  return { start, end };
}

/** The window has a run already: report it, or take it over when it failed or was abandoned. */
async function takeOver(
  context: MailRunContext,
  account: ReportAccount,
  frequency: ReportFrequency,
  window: ReportWindow,
  lease: { now: Date; leaseMs: number },
): Promise<ReportRun | Exclude<SendReportNowResult, ReportSendResult>> {
  const existing = await findReportRun(context.handle, account.accountId, frequency, window.end);
  if (existing === null) throw new Error("the report run vanished while it was being claimed");
  if (existing.status === "sent") return { outcome: "already-sent", account, run: existing };
  const taken = await reclaimReportRun(context.handle, existing.id, lease);
  if (taken !== null) return taken;
  const current =
    (await findReportRun(context.handle, account.accountId, frequency, window.end)) ?? existing;
  return current.status === "sent"
    ? { outcome: "already-sent", account, run: current }
    : { outcome: "in-progress", account, run: current };
}
