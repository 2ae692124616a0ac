export type { SignOptions, WebhookHeaders } from "./sign-webhook.ts";
export { signWebhook, webhookHeaders } from "./sign-webhook.ts";
export type { GenerateSigningSecretOptions } from "./signing-secret.ts";
export {
  decodeSigningSecret,
  generateSigningSecret,
  isSigningSecret,
  MAX_SIGNING_SECRET_BYTES,
  MIN_SIGNING_SECRET_BYTES,
  SIGNING_SECRET_BYTES,
  SIGNING_SECRET_PREFIX,
  SigningSecretError,
} from "./signing-secret.ts";
export type { VerifyFailureReason, VerifyOptions, VerifyResult } from "./verify-webhook.ts";
export { DEFAULT_VERIFY_TOLERANCE_SECONDS, verifyWebhook } from "./verify-webhook.ts";
