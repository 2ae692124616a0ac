import { bytesToHex, hexToBytes } from "@noble/ciphers/utils.js";
import { describe, expect, it } from "vitest";
import { aesDecrypt, aesEncrypt } from "./aes-modes.ts";
import { GCM_VECTORS } from "./test-vectors/gcm-mcgrew-viega.ts";
import { CFB128_VECTORS } from "./test-vectors/nist-sp800-38a-cfb128.ts";

describe("CFB128 matches NIST SP 800-38A", () => {
  it.each(CFB128_VECTORS)("$name encrypts the four blocks", (vector) => {
    const out = aesEncrypt(
      "cfb",
      hexToBytes(vector.keyHex),
      hexToBytes(vector.ivHex),
      hexToBytes(vector.plaintextHex),
    );
    expect(bytesToHex(out)).toBe(vector.ciphertextHex);
  });

  it.each(CFB128_VECTORS)("$name decrypts the four blocks", (vector) => {
    const out = aesDecrypt(
      "cfb",
      hexToBytes(vector.keyHex),
      hexToBytes(vector.ivHex),
      hexToBytes(vector.ciphertextHex),
    );
    expect(bytesToHex(out)).toBe(vector.plaintextHex);
  });

  it.each(CFB128_VECTORS)("$name encrypts a partial last block as a prefix", (vector) => {
    // CFB is a stream mode: 37 bytes of plaintext give the first 37 bytes of ciphertext.
    const out = aesEncrypt(
      "cfb",
      hexToBytes(vector.keyHex),
      hexToBytes(vector.ivHex),
      hexToBytes(vector.plaintextHex.slice(0, 74)),
    );
    expect(bytesToHex(out)).toBe(vector.ciphertextHex.slice(0, 74));
  });
});

describe("GCM matches the McGrew–Viega test cases", () => {
  const aadOf = (hex: string) => (hex === "" ? undefined : hexToBytes(hex));

  it.each(GCM_VECTORS)("test case $testCase seals to ciphertext‖tag", (vector) => {
    const out = aesEncrypt(
      "gcm",
      hexToBytes(vector.keyHex),
      hexToBytes(vector.ivHex),
      hexToBytes(vector.plaintextHex),
      undefined,
      aadOf(vector.aadHex),
    );
    expect(bytesToHex(out)).toBe(vector.ciphertextHex + vector.tagHex);
  });

  it.each(GCM_VECTORS)("test case $testCase opens ciphertext‖tag", (vector) => {
    const out = aesDecrypt(
      "gcm",
      hexToBytes(vector.keyHex),
      hexToBytes(vector.ivHex),
      hexToBytes(vector.ciphertextHex + vector.tagHex),
      aadOf(vector.aadHex),
    );
    expect(bytesToHex(out)).toBe(vector.plaintextHex);
  });

  it("covers 128/192/256-bit keys and 64/96/480-bit IVs", () => {
    const keyBits = new Set(GCM_VECTORS.map((vector) => vector.keyHex.length * 4));
    const ivBits = new Set(GCM_VECTORS.map((vector) => vector.ivHex.length * 4));
    expect([...keyBits].sort()).toEqual([128, 192, 256]);
    expect([...ivBits].sort()).toEqual([480, 64, 96]);
  });

  it("rejects a flipped tag bit", () => {
    const vector = GCM_VECTORS[2];
    if (vector === undefined) throw new Error("missing vector");
    const sealed = hexToBytes(vector.ciphertextHex + vector.tagHex);
    sealed[sealed.length - 1] = (sealed[sealed.length - 1] ?? 0) ^ 1;
    expect(() =>
      aesDecrypt("gcm", hexToBytes(vector.keyHex), hexToBytes(vector.ivHex), sealed),
    ).toThrow();
  });

  it("writes into a provided output buffer", () => {
    const vector = GCM_VECTORS[2];
    if (vector === undefined) throw new Error("missing vector");
    const plaintext = hexToBytes(vector.plaintextHex);
    const output = new Uint8Array(4 + plaintext.length + 16);
    aesEncrypt(
      "gcm",
      hexToBytes(vector.keyHex),
      hexToBytes(vector.ivHex),
      plaintext,
      output.subarray(4),
    );
    expect(bytesToHex(output)).toBe(`00000000${vector.ciphertextHex}${vector.tagHex}`);
  });
});
