// @rebound/reports: callback report windows, aggregation, email, and the runner that sends
// them. Explicit exports only.

export type { NoticeSendResult } from "./auto-disable-email.ts";
export {
  NO_RECIPIENTS_REASON,
  noticeIdempotencyKey,
  sendAutoDisableNotice,
} from "./auto-disable-email.ts";
export type {
  AutoDisableNotice,
  ClaimAutoDisableNoticesOptions,
  NoticeProfile,
} from "./auto-disable-notices.ts";
export { claimAutoDisableNotices, reclaimAutoDisableNotices } from "./auto-disable-notices.ts";
export type { DueReportRun } from "./due-report-runs.ts";
export { findDueReportRuns } from "./due-report-runs.ts";

export type {
  MailMessage,
  MailNotSent,
  MailSendResult,
  MailSent,
  MailTransport,
  MailTransportConfig,
  MailTransportKind,
  OutboxTransportOptions,
  ResendTransportOptions,
  SendWithRetryOptions,
  SendWithRetryResult,
  SmtpTransportOptions,
} from "./mail/index.ts";
export {
  checkMailMessage,
  createOutboxTransport,
  createResendTransport,
  createSmtpTransport,
  DEFAULT_MAIL_ATTEMPTS,
  DEFAULT_MAIL_BACKOFF_MS,
  DEFAULT_MAIL_MAX_BACKOFF_MS,
  DEFAULT_RESEND_BASE_URL,
  DEFAULT_RESEND_TIMEOUT_MS,
  DEFAULT_SMTP_CONNECTION_TIMEOUT_MS,
  DEFAULT_SMTP_GREETING_TIMEOUT_MS,
  DEFAULT_SMTP_SOCKET_TIMEOUT_MS,
  MAX_IDEMPOTENCY_KEY_LENGTH,
  MAX_MAIL_ATTEMPTS,
  mailTransportFromConfig,
  messageIdFor,
  sendWithRetry,
} from "./mail/index.ts";
export type { MailRunContext } from "./mail-run-context.ts";
export {
  DEFAULT_MAIL_LEASE_MS,
  DEFAULT_MAIL_RETRY_FOR_MS,
  DEFAULT_MAIL_RETRY_INTERVAL_MS,
} from "./mail-run-context.ts";
export type { MailRunOutcome, MailRunTable } from "./mail-runs.ts";
export { reclaimMailRuns, recordMailOutcome } from "./mail-runs.ts";
export type { ReportAccount, ReportSchedule } from "./report-accounts.ts";
export { findReportAccount, loadReportSchedules } from "./report-accounts.ts";
export type {
  AggregateReportOptions,
  AggregateReportResult,
  AutoDisabledProfile,
  FailureReason,
  ProfileDeliveryCounts,
} from "./report-aggregate.ts";
export { aggregateReport, DEFAULT_TOP_FAILURE_REASONS } from "./report-aggregate.ts";
export type { ReportSendResult } from "./report-email.ts";
export { sendReportRun } from "./report-email.ts";
export type {
  ReportRunner,
  ReportRunnerLogger,
  ReportRunnerOptions,
  ReportRunnerShutdownOptions,
  ReportTickResult,
} from "./report-runner.ts";
export {
  createReportRunner,
  DEFAULT_NOTICE_MAX_AGE_MS,
  DEFAULT_REPORT_SETTLE_MS,
  DEFAULT_REPORT_TICK_CRON,
} from "./report-runner.ts";
export type { ClaimReportRunInput, ReportRun } from "./report-runs.ts";
export {
  claimReportRun,
  findReportRun,
  reclaimReportRuns,
  reportIdempotencyKey,
} from "./report-runs.ts";
export {
  latestSendAt,
  MONTHLY_REPORT_DAY,
  nextSendAt,
  previousSendAt,
  REPORT_SEND_HOUR,
  WEEKLY_REPORT_WEEKDAY,
} from "./report-schedule.ts";
export type { SendReportNowInput, SendReportNowResult } from "./report-send-now.ts";
export { sendReportNow } from "./report-send-now.ts";
export type { DueReport, DueReportsInput, ReportWindow } from "./report-window.ts";
export { dueReports, reportWindow } from "./report-window.ts";
export type {
  CallbackReportEmailProps,
  EmailPreview,
  EmailTemplate,
  ProfileAutoDisabledEmailProps,
  RenderedEmail,
} from "./templates/index.ts";
export {
  CallbackReportEmail,
  callbackReportSubject,
  callbackReportTemplate,
  DEFAULT_REPORT_MAX_PROFILES,
  emailPreviews,
  formatTimeframe,
  ProfileAutoDisabledEmail,
  profileAutoDisabledSubject,
  profileAutoDisabledTemplate,
  renderEmail,
} from "./templates/index.ts";
export type { LocalDateTime } from "./zoned-time.ts";
export { localDateTime, utcOffsetMs, zonedInstant } from "./zoned-time.ts";
