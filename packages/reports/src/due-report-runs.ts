import type { DbHandle } from "@rebound/db";
import { loadReportSchedules } from "./report-accounts.ts";
import { type DueReport, dueReports } from "./report-window.ts";

export interface DueReportRun extends DueReport {
  accountId: string;
}

/**
 * Every (account, frequency, window) due at `at` across accounts with reports enabled, from one
 * query of the settings and the last recorded window ends. An account whose schedule cannot be
 * computed (a time zone the runtime does not know) is passed to `onError` and left out.
 */
export async function findDueReportRuns(
  handle: Pick<DbHandle, "query">,
  at: Date,
  onError: (error: unknown) => void,
): Promise<DueReportRun[]> {
  const due: DueReportRun[] = [];
  for (const schedule of await loadReportSchedules(handle)) {
    try {
      const reports = dueReports({
        now: at,
        timeZone: schedule.timeZone,
        enabled: schedule.enabled,
        frequencies: schedule.frequencies,
        lastWindowEnds: schedule.lastWindowEnds,
        // Windows that ended before the account first saved report settings are not owed.
        ...(schedule.settingsCreatedAt === null ? {} : { notBefore: schedule.settingsCreatedAt }),
      });
      for (const report of reports) due.push({ ...report, accountId: schedule.accountId });
    } catch (error) {
      onError(new Error(`reports of account ${schedule.sid}: ${String(error)}`, { cause: error }));
    }
  }
  return due;
}
