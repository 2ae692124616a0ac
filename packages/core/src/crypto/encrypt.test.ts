import { describe, expect, it } from "vitest";
import { ENCRYPTION_ALGORITHMS, type EncryptionAlgorithm, keyLengthFor } from "./algorithms.ts";
import type { EncryptionSettings } from "./cipher-settings.ts";
import { decrypt } from "./decrypt.ts";
import { encrypt } from "./encrypt.ts";
import { EncryptionError } from "./errors.ts";

const KEY_MATERIAL = "Zq3!x9#Lm2@Vb7$Rt5%Hn1^Kd8&Wp4*J";
const settingsFor = (
  algo: EncryptionAlgorithm,
  ivMode: EncryptionSettings["ivMode"],
): EncryptionSettings => ({
  algo,
  key: KEY_MATERIAL.slice(0, keyLengthFor(algo)),
  iv: "iv-0123456789abc",
  ivMode,
});
const PLAINTEXTS = [
  "",
  "x",
  "hello world",
  "ünïcødé ✓ 🚀",
  "\uFEFFstarts with a BOM",
  "7".repeat(1000),
];
const ALL_CASES = ENCRYPTION_ALGORITHMS.flatMap((algo) =>
  (["fixed", "random"] as const).flatMap((ivMode) =>
    PLAINTEXTS.map((text) => [algo, ivMode, text] as const),
  ),
);
const prefixLength = (algo: EncryptionAlgorithm) => (algo.endsWith("GCM") ? 12 : 16);
const tagLength = (algo: EncryptionAlgorithm) => (algo.endsWith("GCM") ? 16 : 0);

/** Deterministic stand-in for randomBytes that records what was asked. */
function countingSource() {
  const requests: number[] = [];
  let next = 0;
  const randomBytes = (length: number) => {
    requests.push(length);
    return Uint8Array.from({ length }, () => next++ & 0xff);
  };
  return { requests, randomBytes };
}

describe("encrypt then decrypt", () => {
  it.each(ALL_CASES)("round-trips %s with a %s IV: %j", (algo, ivMode, text) => {
    const settings = settingsFor(algo, ivMode);
    expect(decrypt(encrypt(text, settings), settings)).toBe(text);
  });
});

describe("encrypt output layout", () => {
  it.each(ENCRYPTION_ALGORITHMS)("%s fixed: ciphertext plus tag, no prefix", (algo) => {
    const text = "twelve bytes";
    const bytes = Buffer.from(encrypt(text, settingsFor(algo, "fixed")), "base64");
    expect(bytes.length).toBe(text.length + tagLength(algo));
  });

  it.each(ENCRYPTION_ALGORITHMS)("%s fixed: same input gives the same output", (algo) => {
    const settings = settingsFor(algo, "fixed");
    expect(encrypt("same", settings)).toBe(encrypt("same", settings));
  });

  it.each(ENCRYPTION_ALGORITHMS)("%s random: prepends the injected IV/nonce", (algo) => {
    const source = countingSource();
    const bytes = Buffer.from(
      encrypt("twelve bytes", settingsFor(algo, "random"), source),
      "base64",
    );
    const length = prefixLength(algo);
    expect(source.requests).toEqual([length]);
    expect([...bytes.subarray(0, length)]).toEqual(Array.from({ length }, (_, i) => i));
    expect(bytes.length).toBe(length + 12 + tagLength(algo));
  });

  it.each(ENCRYPTION_ALGORITHMS)("%s random: injected bytes make it deterministic", (algo) => {
    const settings = settingsFor(algo, "random");
    const first = encrypt("value", settings, countingSource());
    expect(encrypt("value", settings, countingSource())).toBe(first);
  });

  it.each(ENCRYPTION_ALGORITHMS)("%s random: default source differs per call", (algo) => {
    const settings = settingsFor(algo, "random");
    const first = encrypt("value", settings);
    const second = encrypt("value", settings);
    expect(second).not.toBe(first);
    expect(decrypt(first, settings)).toBe("value");
    expect(decrypt(second, settings)).toBe("value");
  });

  it("ignores the configured IV in random mode", () => {
    const settings = { ...settingsFor("AES-128-GCM", "random"), iv: "" };
    expect(decrypt(encrypt("v", settings), settings)).toBe("v");
  });

  it("emits standard padded base64", () => {
    const out = encrypt("any value at all", settingsFor("AES-256-GCM", "random"));
    expect(out).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(out.length % 4).toBe(0);
  });
});

describe("encrypt rejects invalid settings and sources", () => {
  const valid = settingsFor("AES-192-CFB", "fixed");

  it.each([
    ["a short key", { ...valid, key: "k".repeat(23) }, "key must be 24 bytes"],
    ["a multibyte key of 24 characters", { ...valid, key: `é${"k".repeat(23)}` }, "key must be"],
    ["a short fixed IV", { ...valid, iv: "short" }, "IV must be 16 bytes"],
    [
      "an unknown algorithm",
      { ...valid, algo: "AES-192-CBC" },
      'unsupported algorithm "AES-192-CBC"',
    ],
    ["an unknown IV mode", { ...valid, ivMode: "sometimes" }, 'unsupported IV mode "sometimes"'],
  ])("throws EncryptionError for %s", (_, settings, message) => {
    const call = () => encrypt("v", settings as EncryptionSettings);
    expect(call).toThrow(EncryptionError);
    expect(call).toThrow(message);
  });

  it.each([
    ["too few bytes", () => new Uint8Array(11)],
    ["too many bytes", () => new Uint8Array(13)],
    ["a plain array", () => new Array(12).fill(0) as unknown as Uint8Array],
  ])("throws EncryptionError when randomBytes returns %s", (_, randomBytes) => {
    const call = () => encrypt("v", settingsFor("AES-128-GCM", "random"), { randomBytes });
    expect(call).toThrow(EncryptionError);
    expect(call).toThrow("randomBytes(12) must return 12 bytes");
  });
});
