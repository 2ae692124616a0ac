export type { AccountRow, NewAccountRow } from "./accounts.ts";
export { accounts } from "./accounts.ts";
export type { ApiKeyRow } from "./api-keys.ts";
export { apiKeys } from "./api-keys.ts";
export type { AttemptRow, NewAttemptRow } from "./attempts.ts";
export { attempts } from "./attempts.ts";
export type { AutoDisableNoticeRow } from "./auto-disable-notices.ts";
export { autoDisableNotices } from "./auto-disable-notices.ts";
export type { CallbackProfileRow, NewCallbackProfileRow } from "./callback-profiles.ts";
export { callbackProfiles } from "./callback-profiles.ts";
export type { DeliveryRow, NewDeliveryRow } from "./deliveries.ts";
export { deliveries } from "./deliveries.ts";
export {
  autoDisableNoticeStatus,
  deliveryStatus,
  reportFrequency,
  reportRunStatus,
} from "./enums.ts";
export type { ReportRunRow } from "./report-runs.ts";
export { reportRuns } from "./report-runs.ts";
export type { ReportSettingsRow } from "./report-settings.ts";
export { reportSettings } from "./report-settings.ts";
export type {
  AutoDisableNoticeStatus,
  DeliveryStatus,
  ReportFrequency,
  ReportRunStatus,
} from "./statuses.ts";
export {
  AUTO_DISABLE_NOTICE_STATUSES,
  DELIVERY_STATUSES,
  REPORT_FREQUENCIES,
  REPORT_RUN_STATUSES,
} from "./statuses.ts";
