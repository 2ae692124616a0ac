export type { EncryptionAlgorithm, IvMode } from "./algorithms.ts";
export {
  ENCRYPTION_ALGORITHMS,
  IV_LENGTH,
  IV_MODES,
  isEncryptionAlgorithm,
  isIvMode,
  keyLengthFor,
} from "./algorithms.ts";
export type { EncryptionSettings } from "./cipher-settings.ts";
export { decrypt } from "./decrypt.ts";
export type { EncryptOptions } from "./encrypt.ts";
export { encrypt } from "./encrypt.ts";
export type { DecryptionFailure } from "./errors.ts";
export { DecryptionError, EncryptionError } from "./errors.ts";
export { plaintextOf } from "./plaintext.ts";
export type { EncryptionProblem } from "./settings-check.ts";
export { checkEncryptionSettings } from "./settings-check.ts";
export { encryptionWarnings } from "./warnings.ts";
