export type {
  AuthenticatedKey,
  CreateAccountOptions,
  CreateAccountResult,
  CreateApiKeyResult,
} from "./account-service.ts";
export {
  AccountError,
  authenticateApiKey,
  createAccount,
  createApiKey,
  revokeApiKey,
} from "./account-service.ts";
export { API_KEY_PREFIX, generateApiKey, hashApiKey } from "./api-key.ts";
export { generateSid, isValidTimeZone } from "./sid.ts";
