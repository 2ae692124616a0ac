export type { Database, DbConfig, DbHandle, Schema } from "./create-db.ts";
export { createDb } from "./create-db.ts";
export { MIGRATIONS_FOLDER, migrate } from "./migrate.ts";
export type {
  AccountRow,
  ApiKeyRow,
  AttemptRow,
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
  accounts,
  apiKeys,
  attempts,
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
