// @rebound/api: the HTTP API (Hono) over core and db. Explicit exports only.

export type {
  AuthenticatedKey,
  CreateAccountOptions,
  CreateAccountResult,
  CreateApiKeyResult,
} from "./accounts/index.ts";
export {
  AccountError,
  API_KEY_PREFIX,
  authenticateApiKey,
  createAccount,
  createApiKey,
  generateApiKey,
  generateSid,
  hashApiKey,
  isValidTimeZone,
  revokeApiKey,
} from "./accounts/index.ts";
export type { ApiOptions } from "./api-options.ts";
export { DEFAULT_MAX_BODY_BYTES } from "./api-options.ts";
export { createApp } from "./app.ts";
export type { CallbackListQuery } from "./callbacks/callback-list-query.ts";
export { CallbackListQuerySchema } from "./callbacks/callback-list-query.ts";
export type {
  AcceptedCallbackView,
  AttemptView,
  CallbackDetailView,
  CallbackView,
} from "./callbacks/callback-view.ts";
export type { TriggerEvent } from "./callbacks/trigger-body.ts";
export { TriggerBatchSchema, TriggerEventSchema } from "./callbacks/trigger-body.ts";
export type { OpenApiDocument, OpenApiOptions } from "./openapi/openapi-document.ts";
export { buildOpenApiDocument } from "./openapi/openapi-document.ts";
export type { ProfileListQuery } from "./profiles/list-query.ts";
export { ProfileListQuerySchema } from "./profiles/list-query.ts";
export { maskSecret } from "./profiles/mask-secret.ts";
export type { ProfilePreviewBody, ProfilePreviewView } from "./profiles/preview-schemas.ts";
export { ProfilePreviewBodySchema } from "./profiles/preview-schemas.ts";
export type { MaskedEncryption, ProfileView } from "./profiles/profile-view.ts";
export { sampleEventData } from "./profiles/sample-event-data.ts";
export type { SigningSecretView } from "./profiles/secret-routes.ts";
export type { TestCallbackView } from "./profiles/test-callback-schemas.ts";
export type {
  TestSender,
  TestSendInput,
  TestSendOutcome,
  TestSendResult,
} from "./profiles/test-sender.ts";
