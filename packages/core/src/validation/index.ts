export { createAjv, sharedAjv } from "./ajv-instance.ts";
export { MAX_BODY_BYTES, MAX_BODY_DEPTH } from "./check-body.ts";
export { MANAGED_HEADERS, MAX_HEADER_NAME_LENGTH } from "./check-headers.ts";
export { urlProblems } from "./check-url.ts";
export type { Validator, ValidatorOptions, ValidatorResult } from "./create-validator.ts";
export { createValidator } from "./create-validator.ts";
export { formatAjvErrors } from "./format-ajv-errors.ts";
export { MAX_ISSUES } from "./issues.ts";
export type { ProfileValidationResult } from "./normalise-profile.ts";
export type { ProfileCreateBody, ProfileUpdateBody } from "./profile-schema.ts";
export {
  BodySchema,
  BodyTypeSchema,
  ChannelSchema,
  DynamicVariablesSchema,
  EncryptionSchema,
  EventsSchema,
  HeadersSchema,
  HttpMethodSchema,
  MAX_DYNAMIC_VARIABLES,
  MAX_ENC_PARAMS,
  MAX_EVENTS,
  MAX_HEADER_VALUE_LENGTH,
  MAX_HEADERS,
  MAX_RESPONSE_MESSAGE_LENGTH,
  MAX_RETRY_DELAY_SECONDS,
  MAX_RETRY_STEPS,
  MAX_URL_LENGTH,
  ProfileCreateBodySchema,
  ProfileStatusInputSchema,
  ProfileUpdateBodySchema,
  RetryScheduleSchema,
  TitleSchema,
  UrlSchema,
  VariablePathSchema,
} from "./profile-schema.ts";
export { validateProfileCreate, validateProfileUpdate } from "./validate-profile.ts";
