export type {
  AccountUpdate,
  AccountUpdateBody,
  AccountUpdateValidationResult,
} from "./account-update.ts";
export { AccountUpdateBodySchema, validateAccountUpdate } from "./account-update.ts";
export { canonicalTimeZone, MAX_TIME_ZONE_LENGTH } from "./time-zone.ts";
