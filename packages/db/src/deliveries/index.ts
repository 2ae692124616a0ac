export type {
  CallbackWithAttempts,
  ListCallbacksFilters,
  ListCallbacksResult,
  ListedCallback,
} from "./callback-queries.ts";
export { findCallbacks, getCallback, listCallbacks } from "./callback-queries.ts";
export type { CallbackRecord } from "./callback-record.ts";
export { isCallbackId } from "./callback-record.ts";
export type {
  EnqueueCallbackItem,
  EnqueueCallbacksInput,
  EnqueueCallbacksResult,
  EnqueuedCallback,
} from "./enqueue.ts";
export { enqueueCallbacks, MAX_ENQUEUE_ITEMS } from "./enqueue.ts";
export type { EnqueueIssue, EnqueueIssueKind } from "./enqueue-checks.ts";
export { DELIVERIES_CHANNEL, notifyDeliveries } from "./notify.ts";
export type { RetryCallbackOptions, RetryCallbackResult } from "./retry-callback.ts";
export { RETRYABLE_STATUSES, retryCallback } from "./retry-callback.ts";
export type {
  RotateSigningSecretOptions,
  SigningSecrets,
  SigningSecretTarget,
} from "./signing-secrets.ts";
export {
  activeSigningSecrets,
  PREVIOUS_SECRET_TTL_MS,
  readSigningSecrets,
  rotateSigningSecret,
  signingSecretsOf,
} from "./signing-secrets.ts";
