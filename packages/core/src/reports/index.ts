export {
  isEmailAddress,
  MAX_EMAIL_LENGTH,
  MAX_EMAIL_LOCAL_LENGTH,
  normaliseEmailAddress,
} from "./email-address.ts";
export type { ReportSettings, ReportSettingsValidationResult } from "./report-settings.ts";
export {
  DEFAULT_REPORT_SETTINGS,
  reportRecipients,
  validateReportSettings,
} from "./report-settings.ts";
export type { ReportFrequency, ReportSettingsBody } from "./report-settings-schema.ts";
export {
  MAX_REPORT_EMAILS_LENGTH,
  MAX_REPORT_FREQUENCY_ITEMS,
  MAX_REPORT_RECIPIENTS,
  REPORT_FREQUENCIES,
  ReportSettingsBodySchema,
} from "./report-settings-schema.ts";
