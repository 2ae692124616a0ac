import { type Static, Type } from "@sinclair/typebox";
import { anyCaseEnum } from "../validation/schema-helpers.ts";

/** How often a callback report is sent (UI seed: daily, weekly, monthly); also the stored order. */
export const REPORT_FREQUENCIES = ["daily", "weekly", "monthly"] as const;
export type ReportFrequency = (typeof REPORT_FREQUENCIES)[number];

/** Most recipients of one account's reports. */
export const MAX_REPORT_RECIPIENTS = 20;
/** Longest accepted `emails` text (20 long addresses fit; a pasted file does not). */
export const MAX_REPORT_EMAILS_LENGTH = 2048;
/** Longest `frequencies` list; duplicates are allowed and removed, so a little above 3. */
export const MAX_REPORT_FREQUENCY_ITEMS = 10;

/** Body of `PUT /settings/callback-report`: the whole settings, as the Notification tab saves them. */
export const ReportSettingsBodySchema = Type.Object(
  {
    enabled: Type.Boolean({ description: "Send callback reports" }),
    frequencies: Type.Array(anyCaseEnum(REPORT_FREQUENCIES), {
      maxItems: MAX_REPORT_FREQUENCY_ITEMS,
      description: "One or more of daily, weekly, monthly (any case; duplicates removed)",
    }),
    emails: Type.String({
      maxLength: MAX_REPORT_EMAILS_LENGTH,
      description: `Comma-separated recipients, at most ${MAX_REPORT_RECIPIENTS}; stored as "a@x.com, b@y.com"`,
    }),
  },
  { additionalProperties: false },
);

export type ReportSettingsBody = Static<typeof ReportSettingsBodySchema>;
