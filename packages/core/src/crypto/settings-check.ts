import {
  ENCRYPTION_ALGORITHMS,
  IV_LENGTH,
  isEncryptionAlgorithm,
  keyLengthFor,
} from "./algorithms.ts";
import { utf8ByteLength } from "./utf8.ts";

/** One reason the settings are unusable; `message` is relative to `field` (caller adds a path). */
export type EncryptionProblem = { field: "algo" | "key" | "IV"; message: string };

/**
 * Lists every problem with a profile's encryption settings, as values for a validation report.
 * Lengths count UTF-8 bytes, and the message says so when non-ASCII characters are involved,
 * because "16 characters" that include "é" are 17 bytes.
 * @example
 * checkEncryptionSettings({ algo: "AES-192-GCM", key: "x".repeat(23), iv: "0123456789abcdef" })
 * // [{ field: "key", message: "must be exactly 24 characters for AES-192-GCM (got 23)" }]
 */
export function checkEncryptionSettings(input: {
  algo: string;
  key: string;
  iv: string;
}): EncryptionProblem[] {
  const problems: EncryptionProblem[] = [];
  if (isEncryptionAlgorithm(input.algo)) {
    const message = lengthProblem(input.key, keyLengthFor(input.algo), ` for ${input.algo}`);
    if (message !== undefined) problems.push({ field: "key", message });
  } else {
    const allowed = ENCRYPTION_ALGORITHMS.join(", ");
    problems.push({
      field: "algo",
      message: `must be one of ${allowed} (got ${JSON.stringify(input.algo)})`,
    });
  }
  const ivMessage = lengthProblem(input.iv, IV_LENGTH, "");
  if (ivMessage !== undefined) problems.push({ field: "IV", message: ivMessage });
  return problems;
}

function lengthProblem(value: string, expected: number, context: string): string | undefined {
  const bytes = utf8ByteLength(value);
  if (bytes === expected) return undefined;
  const characters = [...value].length;
  if (bytes === characters)
    return `must be exactly ${expected} characters${context} (got ${bytes})`;
  return (
    `must be exactly ${expected} bytes of UTF-8${context} (got ${bytes} bytes from ` +
    `${characters} characters; non-ASCII characters take 2 to 4 bytes each)`
  );
}
