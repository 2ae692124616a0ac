// @rebound/core: pure callback logic (no I/O, no environment). Explicit exports only.

export type {
  AccountUpdate,
  AccountUpdateBody,
  AccountUpdateValidationResult,
} from "./account/index.ts";
export {
  AccountUpdateBodySchema,
  canonicalTimeZone,
  MAX_TIME_ZONE_LENGTH,
  validateAccountUpdate,
} from "./account/index.ts";
export type { BodyEncoding, EncodeBodyOptions, EncodedBody, FormField } from "./body/index.ts";
export {
  bodyEncodingOf,
  defaultContentType,
  encodeBody,
  encodeMultipart,
  encodeUrlencoded,
  findHeader,
  flattenFormFields,
  mediaTypeOf,
  multipartBoundary,
} from "./body/index.ts";
export type {
  DecryptionFailure,
  EncryptionAlgorithm,
  EncryptionProblem,
  EncryptionSettings,
  EncryptOptions,
  IvMode,
} from "./crypto/index.ts";
export {
  checkEncryptionSettings,
  DecryptionError,
  decrypt,
  ENCRYPTION_ALGORITHMS,
  EncryptionError,
  encrypt,
  encryptionWarnings,
  IV_LENGTH,
  IV_MODES,
  isEncryptionAlgorithm,
  isIvMode,
  keyLengthFor,
  plaintextOf,
} from "./crypto/index.ts";
export type {
  Envelope,
  EnvelopeErrorItem,
  IssueLocation,
  ResponseKind,
  ValidationIssue,
} from "./envelope/index.ts";
export {
  errorEnvelope,
  RESPONSE_CODES,
  successEnvelope,
  toEnvelopeErrors,
} from "./envelope/index.ts";
export type {
  BodyType,
  CallbackProfileSpec,
  Channel,
  HttpMethod,
  JsonObject,
  JsonValue,
  ProfileEncryption,
  ProfileStatus,
} from "./profile/profile.ts";
export {
  BODY_TYPES,
  CHANNEL_EVENTS,
  CHANNELS,
  DEFAULT_CHANNEL_LABEL,
  HTTP_METHODS,
  PROFILE_STATUS,
} from "./profile/profile.ts";
export { SEED_SAMPLE_PROFILE_REQUEST } from "./profile/seed-sample.ts";
export type {
  LookupResult,
  PathSegment,
  ResolvedVariable,
  TemplateParts,
  TemplateVariables,
  ValueTransform,
} from "./replacers/index.ts";
export {
  collectTemplateVariables,
  findPlaceholders,
  parseVariablePath,
  renderJsonTemplate,
  renderText,
  VariableResolver,
} from "./replacers/index.ts";
export type {
  ReportFrequency,
  ReportSettings,
  ReportSettingsBody,
  ReportSettingsValidationResult,
} from "./reports/index.ts";
export {
  DEFAULT_REPORT_SETTINGS,
  isEmailAddress,
  MAX_EMAIL_LENGTH,
  MAX_EMAIL_LOCAL_LENGTH,
  MAX_REPORT_EMAILS_LENGTH,
  MAX_REPORT_FREQUENCY_ITEMS,
  MAX_REPORT_RECIPIENTS,
  normaliseEmailAddress,
  REPORT_FREQUENCIES,
  ReportSettingsBodySchema,
  reportRecipients,
  validateReportSettings,
} from "./reports/index.ts";
export type {
  BuildCallbackRequestOptions,
  BuildCallbackRequestResult,
  CallbackEvent,
  CallbackRequest,
  RenderableProfile,
  RenderError,
  RenderErrorCode,
  RenderResponseMessageResult,
  SendErrorClass,
  SendResult,
  TestCallbackInput,
  TestSendResult,
} from "./request/index.ts";
export {
  buildCallbackRequest,
  DEFAULT_USER_AGENT,
  REDACTED,
  redactHeaders,
  renderResponseMessage,
} from "./request/index.ts";
export type {
  AttemptErrorClass,
  AttemptResult,
  AutoDisableInput,
  RetryDecision,
  RetryInput,
} from "./retry/index.ts";
export {
  DEFAULT_AUTO_DISABLE_MIN_DURATION_MS,
  DEFAULT_AUTO_DISABLE_MIN_FAILURES,
  DEFAULT_RETRY_LADDER_MS,
  decideRetry,
  describeAttemptResult,
  isSuccessStatus,
  isValidRetryLadder,
  JITTER_RATIO,
  MAX_RETRY_LADDER_STEPS,
  parseRetryAfter,
  shouldAutoDisable,
} from "./retry/index.ts";
export type {
  SignOptions,
  VerifyFailureReason,
  VerifyOptions,
  VerifyResult,
  WebhookHeaders,
} from "./signing/index.ts";
export {
  DEFAULT_VERIFY_TOLERANCE_SECONDS,
  generateSigningSecret,
  isSigningSecret,
  SIGNING_SECRET_PREFIX,
  SigningSecretError,
  signWebhook,
  verifyWebhook,
  webhookHeaders,
} from "./signing/index.ts";
export type {
  AddressClassification,
  AddressDecision,
  AddressKind,
  AddressPolicy,
  Cidr,
  IpAddress,
  ParseCidrListResult,
  UrlHost,
} from "./ssrf/index.ts";
export {
  checkAddress,
  cidrContains,
  classifyAddress,
  classifyUrlHost,
  formatCidr,
  formatIpAddress,
  InvalidIpAddressError,
  isLocalhostName,
  parseCidrList,
  parseIpAddress,
} from "./ssrf/index.ts";
export type {
  ProfileCreateBody,
  ProfileUpdateBody,
  ProfileValidationResult,
  Validator,
  ValidatorOptions,
  ValidatorResult,
} from "./validation/index.ts";
export {
  createValidator,
  MANAGED_HEADERS,
  MAX_BODY_BYTES,
  MAX_ISSUES,
  ProfileCreateBodySchema,
  ProfileUpdateBodySchema,
  validateProfileCreate,
  validateProfileUpdate,
} from "./validation/index.ts";
