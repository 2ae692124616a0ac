import { describe, expect, it } from "vitest";
import {
  ENCRYPTION_ALGORITHMS,
  IV_LENGTH,
  IV_MODES,
  isEncryptionAlgorithm,
  isIvMode,
  keyLengthFor,
} from "./algorithms.ts";

describe("keyLengthFor", () => {
  it.each([
    ["AES-128-CFB", 16],
    ["AES-128-GCM", 16],
    ["AES-192-CFB", 24],
    ["AES-192-GCM", 24],
    ["AES-256-CFB", 32],
    ["AES-256-GCM", 32],
  ] as const)("%s needs a %i-byte key", (algo, length) => {
    expect(keyLengthFor(algo)).toBe(length);
  });

  it("uses a 16-byte IV for every algorithm", () => {
    expect(IV_LENGTH).toBe(16);
  });
});

describe("isEncryptionAlgorithm", () => {
  it.each([...ENCRYPTION_ALGORITHMS])("accepts %s", (algo) => {
    expect(isEncryptionAlgorithm(algo)).toBe(true);
  });

  it.each([
    "aes-128-gcm",
    "AES-128-CBC",
    "AES-128-CFB8",
    "",
    "toString",
    "__proto__",
    1,
    null,
    undefined,
    {},
  ])("rejects %j", (value) => {
    expect(isEncryptionAlgorithm(value)).toBe(false);
  });
});

describe("isIvMode", () => {
  it.each([...IV_MODES])("accepts %s", (mode) => {
    expect(isIvMode(mode)).toBe(true);
  });

  it.each(["Fixed", "RANDOM", "", null, 0])("rejects %j", (value) => {
    expect(isIvMode(value)).toBe(false);
  });
});
