export type { Database, DbConfig, DbHandle, Schema } from "./create-db.ts";
export { createDb } from "./create-db.ts";
// Delivery enqueue and queries (trigger side).
export type {
  CallbackRecord,
  CallbackWithAttempts,
  EnqueueCallbackItem,
  EnqueueCallbacksInput,
  EnqueueCallbacksResult,
  EnqueuedCallback,
  EnqueueIssue,
  EnqueueIssueKind,
  ListCallbacksFilters,
  ListCallbacksResult,
  ListedCallback,
  RetryCallbackOptions,
  RetryCallbackResult,
  RotateSigningSecretOptions,
  SigningSecrets,
  SigningSecretTarget,
} from "./deliveries/index.ts";
export {
  activeSigningSecrets,
  DELIVERIES_CHANNEL,
  enqueueCallbacks,
  findCallbacks,
  getCallback,
  isCallbackId,
  listCallbacks,
  MAX_ENQUEUE_ITEMS,
  notifyDeliveries,
  PREVIOUS_SECRET_TTL_MS,
  RETRYABLE_STATUSES,
  readSigningSecrets,
  retryCallback,
  rotateSigningSecret,
  signingSecretsOf,
} from "./deliveries/index.ts";
export { MIGRATIONS_FOLDER, migrate } from "./migrate.ts";
export type { ProfileColumns } from "./profiles/profile-record.ts";
export { columnsFromSpec, specFromRow } from "./profiles/profile-record.ts";
export { rowsOf, toDate, toDateOrNull, uuidArray } from "./result-rows.ts";
export type {
  AccountRow,
  ApiKeyRow,
  AttemptRow,
  AutoDisableNoticeRow,
  AutoDisableNoticeStatus,
  CallbackProfileRow,
  DeliveryRow,
  DeliveryStatus,
  NewAccountRow,
  NewAttemptRow,
  NewCallbackProfileRow,
  NewDeliveryRow,
  ReportFrequency,
  ReportRunRow,
  ReportRunStatus,
  ReportSettingsRow,
} from "./schema/index.ts";
export {
  AUTO_DISABLE_NOTICE_STATUSES,
  accounts,
  apiKeys,
  attempts,
  autoDisableNotices,
  callbackProfiles,
  DELIVERY_STATUSES,
  deliveries,
  REPORT_FREQUENCIES,
  REPORT_RUN_STATUSES,
  reportRuns,
  reportSettings,
} from "./schema/index.ts";
export {
  generateMasterKey,
  MASTER_KEY_BYTES,
  parseMasterKey,
  SecretBox,
  SecretBoxError,
} from "./secret-box.ts";
