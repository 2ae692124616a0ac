import { describe, expect, it } from "vitest";
import type { EncryptionAlgorithm } from "./algorithms.ts";
import type { EncryptionSettings } from "./cipher-settings.ts";
import { decrypt } from "./decrypt.ts";
import { encrypt } from "./encrypt.ts";
import { DecryptionError, type DecryptionFailure, EncryptionError } from "./errors.ts";

const settings = (
  algo: EncryptionAlgorithm,
  ivMode: EncryptionSettings["ivMode"],
): EncryptionSettings => ({
  algo,
  key: "0123456789abcdef0123456789abcdef".slice(0, Number(algo.slice(4, 7)) / 8),
  iv: "abcdefghijklmnop",
  ivMode,
});
const base64Of = (length: number) => Buffer.alloc(length, 7).toString("base64");

function failureOf(call: () => unknown): DecryptionError {
  try {
    call();
  } catch (error) {
    if (error instanceof DecryptionError) return error;
    throw error;
  }
  throw new Error("expected a DecryptionError");
}

function flipByte(value: string, index: number, mask: number): string {
  const bytes = Buffer.from(value, "base64");
  const at = index < 0 ? bytes.length + index : index;
  bytes[at] = (bytes[at] ?? 0) ^ mask;
  return bytes.toString("base64");
}

describe("decrypt refuses tampered GCM values", () => {
  it.each([
    ["AES-128-GCM", "fixed", -1, "the last tag byte"],
    ["AES-192-GCM", "fixed", 0, "the first ciphertext byte"],
    ["AES-256-GCM", "random", 0, "the nonce"],
    ["AES-256-GCM", "random", 12, "the first ciphertext byte"],
    ["AES-128-GCM", "random", -16, "the first tag byte"],
  ] as const)("%s %s: flipping %s -> authentication", (algo, ivMode, index, _part) => {
    const sealed = encrypt("secret value", settings(algo, ivMode));
    const error = failureOf(() => decrypt(flipByte(sealed, index, 0x01), settings(algo, ivMode)));
    expect(error.reason).toBe("authentication");
    expect(error.cause).toBeInstanceOf(Error);
  });

  it("refuses a value sealed with another key", () => {
    const sealed = encrypt("secret", settings("AES-128-GCM", "fixed"));
    const other = { ...settings("AES-128-GCM", "fixed"), key: "fedcba9876543210" };
    expect(failureOf(() => decrypt(sealed, other)).reason).toBe("authentication");
  });

  it("refuses a fixed-IV value opened as random mode", () => {
    const sealed = encrypt(
      "a value long enough to pass the length check",
      settings("AES-128-GCM", "fixed"),
    );
    expect(failureOf(() => decrypt(sealed, settings("AES-128-GCM", "random"))).reason).toBe(
      "authentication",
    );
  });
});

describe("decrypt reports malformed input", () => {
  it.each([
    ["characters outside the alphabet", "not base64!"],
    ["a length that is not a multiple of 4", "QUJDRA"],
    ["URL-safe characters", "ab-_"],
    ["embedded whitespace", "QUJD\nRA=="],
    ["misplaced padding", "QQ==QUJD"],
  ])("%s -> base64", (_, input) => {
    expect(failureOf(() => decrypt(input, settings("AES-128-CFB", "fixed"))).reason).toBe("base64");
  });

  it.each([
    ["AES-128-GCM", "fixed", 15, 16],
    ["AES-128-GCM", "random", 27, 28],
    ["AES-256-CFB", "random", 15, 16],
    ["AES-192-GCM", "fixed", 0, 16],
  ] as const)("%s %s with %i bytes -> too-short", (algo, ivMode, length, minimum) => {
    const error = failureOf(() => decrypt(base64Of(length), settings(algo, ivMode)));
    expect(error.reason).toBe("too-short");
    expect(error.message).toContain(`at least ${minimum}`);
  });

  it.each([
    ["AES-128-GCM", "fixed", 16],
    ["AES-128-GCM", "random", 28],
    ["AES-256-CFB", "random", 16],
    ["AES-256-CFB", "fixed", 0],
  ] as const)(
    "%s %s opens the shortest valid value (%i bytes) as empty text",
    (algo, ivMode, length) => {
      const sealed = encrypt("", settings(algo, ivMode));
      expect(Buffer.from(sealed, "base64")).toHaveLength(length);
      expect(decrypt(sealed, settings(algo, ivMode))).toBe("");
    },
  );

  it("reports CFB output that is not UTF-8 instead of returning replacement characters", () => {
    // CFB is malleable: XOR-ing the ciphertext XORs the plaintext, turning "A" into byte 0xff.
    const sealed = encrypt("A", settings("AES-128-CFB", "fixed"));
    const forged = flipByte(sealed, 0, 0x41 ^ 0xff);
    const error = failureOf(() => decrypt(forged, settings("AES-128-CFB", "fixed")));
    expect(error.reason).toBe("utf8");
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it("is a DecryptionError with a name for logs", () => {
    const error = failureOf(() => decrypt("!", settings("AES-128-CFB", "fixed")));
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("DecryptionError");
    const reasons: DecryptionFailure[] = ["base64", "too-short", "authentication", "utf8"];
    expect(reasons).toContain(error.reason);
  });

  it("throws EncryptionError, not DecryptionError, for invalid settings", () => {
    const bad = { ...settings("AES-128-GCM", "fixed"), key: "short" };
    expect(() => decrypt(base64Of(32), bad)).toThrow(EncryptionError);
  });
});
