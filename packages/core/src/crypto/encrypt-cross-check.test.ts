import { type CipherGCM, createCipheriv, getCiphers } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ENCRYPTION_ALGORITHMS, type EncryptionAlgorithm, keyLengthFor } from "./algorithms.ts";
import type { EncryptionSettings } from "./cipher-settings.ts";
import { encrypt } from "./encrypt.ts";

// Independent implementations: the runtime's node:crypto (OpenSSL on Node, BoringSSL on Bun)
// and WebCrypto. Bun's node:crypto has no aes-192-cfb, so under Bun one algorithm is skipped;
// the count assertions keep the suite from passing when nothing was compared.
const isBun = "Bun" in globalThis;
const KEY_MATERIAL = "0123456789abcdefghijklmnopqrstuv";
const IV = "fedcba9876543210";
const PLAINTEXTS: ReadonlyArray<readonly [string, string]> = [
  ["empty", ""],
  ["ASCII", "order 42 shipped"],
  ["multibyte UTF-8", "héllo wörld ✓ 日本語 🚀"],
  ["1 KB", "abcdefghijklmnopqrstuvwxyz012345".repeat(32)],
  ["1 KB + 5 (partial block)", `${"é".repeat(512)}tail!`],
];

const settingsFor = (algo: EncryptionAlgorithm): EncryptionSettings => ({
  algo,
  key: KEY_MATERIAL.slice(0, keyLengthFor(algo)),
  iv: IV,
  ivMode: "fixed",
});
const nodeName = (algo: EncryptionAlgorithm) => algo.toLowerCase();
const isGcm = (algo: EncryptionAlgorithm) => algo.endsWith("GCM");

function nodeEncrypt(algo: EncryptionAlgorithm, key: string, iv: Uint8Array, text: string) {
  const cipher = createCipheriv(nodeName(algo), Buffer.from(key, "utf8"), iv);
  const parts = [cipher.update(text, "utf8"), cipher.final()];
  if (isGcm(algo)) parts.push((cipher as CipherGCM).getAuthTag());
  return Buffer.concat(parts);
}

function nodeSupports(algo: EncryptionAlgorithm): boolean {
  if (!getCiphers().includes(nodeName(algo))) return false;
  try {
    nodeEncrypt(algo, settingsFor(algo).key, Buffer.from(IV), "probe");
    return true;
  } catch {
    return false;
  }
}

async function webCryptoGcm(key: string, iv: Uint8Array, text: string): Promise<Buffer> {
  const cryptoKey = await crypto.subtle.importKey("raw", Buffer.from(key), "AES-GCM", false, [
    "encrypt",
  ]);
  const data = new TextEncoder().encode(text);
  const sealed = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, tagLength: 128 },
    cryptoKey,
    data,
  );
  return Buffer.from(sealed);
}

const NODE_ALGORITHMS = ENCRYPTION_ALGORITHMS.filter(nodeSupports);
const GCM_ALGORITHMS = ENCRYPTION_ALGORITHMS.filter(isGcm);
const cases = (algos: readonly EncryptionAlgorithm[]) =>
  algos.flatMap((algo) => PLAINTEXTS.map(([label, text]) => [algo, label, text] as const));

describe("encrypt agrees with node:crypto createCipheriv", () => {
  it("compares all six algorithms on Node and at least five on Bun", () => {
    if (isBun) expect(NODE_ALGORITHMS.length).toBeGreaterThanOrEqual(5);
    else expect(NODE_ALGORITHMS).toEqual([...ENCRYPTION_ALGORITHMS]);
  });

  it.each(cases(NODE_ALGORITHMS))("%s, fixed IV, %s plaintext", (algo, _, text) => {
    const settings = settingsFor(algo);
    const expected = nodeEncrypt(algo, settings.key, Buffer.from(IV), text);
    expect(encrypt(text, settings)).toBe(expected.toString("base64"));
  });

  it.each(cases(NODE_ALGORITHMS))("%s, random IV, %s plaintext", (algo, _, text) => {
    const iv = Buffer.from("a1b2c3d4e5f60718293a4b5cdeadbeef", "hex").subarray(
      0,
      isGcm(algo) ? 12 : 16,
    );
    const settings: EncryptionSettings = { ...settingsFor(algo), ivMode: "random" };
    const expected = Buffer.concat([iv, nodeEncrypt(algo, settings.key, iv, text)]);
    expect(encrypt(text, settings, { randomBytes: () => Uint8Array.from(iv) })).toBe(
      expected.toString("base64"),
    );
  });
});

describe("GCM encrypt agrees with WebCrypto AES-GCM", () => {
  it("compares all three GCM key sizes", () => {
    expect(GCM_ALGORITHMS).toHaveLength(3);
  });

  it.each(cases(GCM_ALGORITHMS))("%s, 16-byte fixed IV, %s plaintext", async (algo, _, text) => {
    const settings = settingsFor(algo);
    const expected = await webCryptoGcm(settings.key, Buffer.from(IV), text);
    expect(encrypt(text, settings)).toBe(expected.toString("base64"));
  });

  it.each(cases(GCM_ALGORITHMS))(
    "%s, 12-byte random nonce, %s plaintext",
    async (algo, _, text) => {
      const nonce = Uint8Array.from({ length: 12 }, (_, i) => 255 - i * 7);
      const settings: EncryptionSettings = { ...settingsFor(algo), ivMode: "random" };
      const expected = Buffer.concat([nonce, await webCryptoGcm(settings.key, nonce, text)]);
      expect(encrypt(text, settings, { randomBytes: () => nonce })).toBe(
        expected.toString("base64"),
      );
    },
  );
});
