import { createValidator, type Validator } from "../validation/create-validator.ts";
import { capIssues, issueAt, quoteName, type ValidationIssue } from "../validation/issues.ts";
import { isEmailAddress, normaliseEmailAddress } from "./email-address.ts";
import {
  MAX_REPORT_RECIPIENTS,
  REPORT_FREQUENCIES,
  type ReportFrequency,
  type ReportSettingsBody,
  ReportSettingsBodySchema,
} from "./report-settings-schema.ts";

/** An account's callback report settings in stored form. */
export interface ReportSettings {
  enabled: boolean;
  /** Distinct, in the order of `REPORT_FREQUENCIES`. */
  frequencies: ReportFrequency[];
  /** Distinct valid addresses joined with `", "`, e.g. `"a@x.com, b@y.com"`; `""` for none. */
  emails: string;
}

export type ReportSettingsValidationResult =
  | { ok: true; settings: ReportSettings }
  | { ok: false; issues: ValidationIssue[] };

/** The settings of an account that never saved any. */
export const DEFAULT_REPORT_SETTINGS: Readonly<ReportSettings> = Object.freeze({
  enabled: false,
  frequencies: [],
  emails: "",
});

const EMAIL_SEPARATOR = ", ";

let validateBody: Validator<ReportSettingsBody> | undefined;

/**
 * Validates and normalises the body of `PUT /settings/callback-report`: all three fields required,
 * frequencies de-duplicated in a fixed order, `emails` split on commas, trimmed, each address
 * checked, duplicates (any case) dropped, at most 20. Enabling needs a frequency and a recipient.
 *
 * @example
 * validateReportSettings({ enabled: true, frequencies: ["weekly", "daily"], emails: "b@y.com,a@X.com, B@y.com" })
 * // { ok: true, settings: { enabled: true, frequencies: ["daily", "weekly"], emails: "b@y.com, a@x.com" } }
 */
export function validateReportSettings(input: unknown): ReportSettingsValidationResult {
  validateBody ??= createValidator(ReportSettingsBodySchema, "body");
  const structural = validateBody(input);
  if (!structural.ok) return structural;
  const { enabled } = structural.value;
  const issues: ValidationIssue[] = [];
  const frequencies = normaliseFrequencies(structural.value.frequencies);
  if (enabled && frequencies.length === 0) {
    issues.push(
      issueAt(
        "body",
        ["frequencies"],
        `must list at least one frequency (${REPORT_FREQUENCIES.join(", ")}) when enabled is true`,
      ),
    );
  }
  const emailIssues: ValidationIssue[] = [];
  const addresses = parseEmailList(structural.value.emails, emailIssues);
  if (enabled && addresses.length === 0 && emailIssues.length === 0) {
    emailIssues.push(
      issueAt("body", ["emails"], "must list at least one address when enabled is true"),
    );
  }
  issues.push(...emailIssues);
  if (issues.length > 0) return { ok: false, issues: capIssues(issues) };
  return { ok: true, settings: { enabled, frequencies, emails: addresses.join(EMAIL_SEPARATOR) } };
}

/**
 * The recipients of a stored `emails` value, e.g. `"a@x.com, b@y.com"` → `["a@x.com", "b@y.com"]`.
 */
export function reportRecipients(emails: string): string[] {
  return emails
    .split(",")
    .map((address) => address.trim())
    .filter((address) => address !== "");
}

function normaliseFrequencies(frequencies: readonly string[]): ReportFrequency[] {
  const chosen = new Set(frequencies.map((frequency) => frequency.toLowerCase()));
  return REPORT_FREQUENCIES.filter((frequency) => chosen.has(frequency));
}

// Empty items (a trailing or doubled comma) are skipped: they are how people type lists.
function parseEmailList(text: string, issues: ValidationIssue[]): string[] {
  const seen = new Set<string>();
  const addresses: string[] = [];
  for (const item of reportRecipients(text)) {
    if (!isEmailAddress(item)) {
      issues.push(issueAt("body", ["emails"], invalidAddressMessage(item)));
      continue;
    }
    const key = item.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    addresses.push(normaliseEmailAddress(item));
  }
  if (addresses.length > MAX_REPORT_RECIPIENTS) {
    issues.push(
      issueAt(
        "body",
        ["emails"],
        `must NOT have more than ${MAX_REPORT_RECIPIENTS} addresses (found ${addresses.length})`,
      ),
    );
  }
  return addresses;
}

function invalidAddressMessage(item: string): string {
  const hint = /[\s;]/.test(item) ? " (separate addresses with commas)" : "";
  return `has ${quoteName(item)}, which is not a valid email address${hint}`;
}
