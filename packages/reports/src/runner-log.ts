import type { NoticeSendResult } from "./auto-disable-email.ts";
import type { ReportSendResult } from "./report-email.ts";

function retryNote(retryAt: Date | null): string {
  return retryAt === null ? "not retried" : `retry after ${retryAt.toISOString()}`;
}

/** One log line for a report email: who, which window, what happened. */
export function describeReportResult(result: ReportSendResult): string {
  const { run } = result;
  const who = result.account?.sid ?? run.accountId;
  const what = `${run.frequency} report for ${who} (window ending ${run.window.end.toISOString()})`;
  switch (result.outcome) {
    case "sent":
      return `${what} sent to ${result.recipients.length} recipient(s): ${result.report.delivered} delivered, ${result.report.failed} failed [${result.messageId}]`;
    case "failed":
      return `${what} FAILED after ${result.attempts} attempt(s): ${result.error}; ${retryNote(result.retryAt)}`;
    default: {
      const unexpected: never = result;
      throw new TypeError(`unknown result ${JSON.stringify(unexpected)}`);
    }
  }
}

/** One log line for an auto-disable notice. */
export function describeNoticeResult(result: NoticeSendResult): string {
  const profile = result.profile?.profileId ?? result.notice.profileId;
  const what = `auto-disable notice for profile ${profile} (disabled ${result.notice.disabledAt.toISOString()})`;
  switch (result.outcome) {
    case "sent":
      return `${what} sent to ${result.recipients.length} recipient(s) [${result.messageId}]`;
    case "failed":
      return `${what} FAILED: ${result.error}; ${retryNote(result.retryAt)}`;
    case "skipped":
      return `${what} skipped: ${result.reason}`;
    default: {
      const unexpected: never = result;
      throw new TypeError(`unknown result ${JSON.stringify(unexpected)}`);
    }
  }
}
