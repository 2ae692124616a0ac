import { reportRecipients } from "@rebound/core";
import {
  type DbHandle,
  REPORT_FREQUENCIES,
  type ReportFrequency,
  toDate,
  toDateOrNull,
} from "@rebound/db";
import { toStringArray } from "./sql-values.ts";

/** An account as the report emails need it, with its callback report settings. */
export interface ReportAccount {
  accountId: string;
  sid: string;
  name: string;
  /** IANA time zone the reports are scheduled and shown in. */
  timeZone: string;
  enabled: boolean;
  frequencies: ReportFrequency[];
  /** The report recipients (also told about auto-disabled profiles); empty when none. */
  recipients: string[];
  /** When the settings were first saved; null when they never were. */
  settingsCreatedAt: Date | null;
}

/** An account with reports enabled and, per frequency, the last `window_end` in `report_runs`. */
export interface ReportSchedule extends ReportAccount {
  lastWindowEnds: Partial<Record<ReportFrequency, Date>>;
}

const ACCOUNT_COLUMNS = `a.id::text as account_id, a.sid, a.name, a.timezone,
  coalesce(s.enabled, false) as enabled, coalesce(s.frequencies, '[]'::jsonb) as frequencies,
  coalesce(s.emails, '') as emails, s.created_at as settings_created_at`;

// One statement per tick: each max() is a backward scan of report_runs_window_key.
const lastWindowEnd = (frequency: ReportFrequency) =>
  `(select max(r.window_end) from report_runs r
     where r.account_id = a.id and r.frequency = '${frequency}') as last_${frequency}`;

const SCHEDULES_SQL = `
select ${ACCOUNT_COLUMNS}, ${REPORT_FREQUENCIES.map(lastWindowEnd).join(", ")}
  from report_settings s
  join accounts a on a.id = s.account_id
 where s.enabled
 order by a.id`;

function toReportAccount(row: Record<string, unknown>): ReportAccount {
  const chosen = new Set(toStringArray(row.frequencies));
  return {
    accountId: String(row.account_id),
    sid: String(row.sid),
    name: String(row.name),
    timeZone: String(row.timezone),
    enabled: row.enabled === true,
    frequencies: REPORT_FREQUENCIES.filter((frequency) => chosen.has(frequency)),
    recipients: reportRecipients(String(row.emails)),
    settingsCreatedAt: toDateOrNull(row.settings_created_at),
  };
}

/** Every account with reports enabled, with the last recorded window end per frequency. */
export async function loadReportSchedules(
  handle: Pick<DbHandle, "query">,
): Promise<ReportSchedule[]> {
  const rows = await handle.query(SCHEDULES_SQL);
  return rows.map((row) => {
    const lastWindowEnds: Partial<Record<ReportFrequency, Date>> = {};
    for (const frequency of REPORT_FREQUENCIES) {
      const end = row[`last_${frequency}`];
      if (end !== null && end !== undefined) lastWindowEnds[frequency] = toDate(end);
    }
    return { ...toReportAccount(row), lastWindowEnds };
  });
}

/** One account by internal id or public SID, with its settings (defaults when never saved). */
export async function findReportAccount(
  handle: Pick<DbHandle, "query">,
  key: { accountId: string } | { sid: string },
): Promise<ReportAccount | null> {
  const [condition, value] =
    "sid" in key ? ["a.sid = $1", key.sid] : ["a.id = $1::uuid", key.accountId];
  const [row] = await handle.query(
    `select ${ACCOUNT_COLUMNS}
       from accounts a left join report_settings s on s.account_id = a.id
      where ${condition}`,
    [value],
  );
  return row === undefined ? null : toReportAccount(row);
}
