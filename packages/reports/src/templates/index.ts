export type { CallbackReportEmailProps } from "./callback-report-email.tsx";
export {
  CallbackReportEmail,
  callbackReportSubject,
  callbackReportTemplate,
  DEFAULT_REPORT_MAX_PROFILES,
} from "./callback-report-email.tsx";
export {
  describeFailureReason,
  formatCount,
  formatDateTime,
  formatSuccessRate,
  formatTimeframe,
} from "./email-format.ts";
export type { EmailPreview } from "./email-previews.ts";
export { emailPreviews } from "./email-previews.ts";
export type { ProfileAutoDisabledEmailProps } from "./profile-auto-disabled-email.tsx";
export {
  ProfileAutoDisabledEmail,
  profileAutoDisabledSubject,
  profileAutoDisabledTemplate,
} from "./profile-auto-disabled-email.tsx";
export type { EmailTemplate, RenderedEmail } from "./render-email.ts";
export { renderEmail } from "./render-email.ts";
