import type { ReportSettings } from "@rebound/core";
import { type Database, reportSettings } from "@rebound/db";
import { eq } from "drizzle-orm";

// The settings columns; core's and db's frequency lists must agree, or these types do not check.
const settingsColumns = {
  enabled: reportSettings.enabled,
  frequencies: reportSettings.frequencies,
  emails: reportSettings.emails,
};

/** The stored settings of an account, or null when it never saved any. */
export async function findReportSettings(
  db: Database,
  accountId: string,
): Promise<ReportSettings | null> {
  const [row] = await db
    .select(settingsColumns)
    .from(reportSettings)
    .where(eq(reportSettings.accountId, accountId));
  return row ?? null;
}

/** Inserts or replaces an account's validated settings in one statement; returns what is stored. */
export async function saveReportSettings(
  db: Database,
  accountId: string,
  settings: ReportSettings,
  now: Date,
): Promise<ReportSettings> {
  const values = {
    enabled: settings.enabled,
    frequencies: settings.frequencies,
    emails: settings.emails,
  };
  const [row] = await db
    .insert(reportSettings)
    .values({ accountId, ...values, createdAt: now, modifiedAt: now })
    .onConflictDoUpdate({ target: reportSettings.accountId, set: { ...values, modifiedAt: now } })
    .returning(settingsColumns);
  if (row === undefined) throw new Error("report settings upsert returned no row");
  return row;
}
