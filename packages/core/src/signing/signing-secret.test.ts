import { describe, expect, it } from "vitest";
import {
  decodeSigningSecret,
  generateSigningSecret,
  isSigningSecret,
  SigningSecretError,
} from "./signing-secret.ts";

const secretOf = (bytes: number) => `whsec_${Buffer.alloc(bytes, 0xab).toString("base64")}`;

describe("generateSigningSecret", () => {
  it("encodes 32 injected random bytes after the whsec_ prefix", () => {
    const bytes = Uint8Array.from({ length: 32 }, (_, i) => i);
    const secret = generateSigningSecret({ randomBytes: () => bytes });
    expect(secret).toBe(`whsec_${Buffer.from(bytes).toString("base64")}`);
    expect(decodeSigningSecret(secret)).toEqual(Buffer.from(bytes));
  });

  it("asks the random source for exactly 32 bytes", () => {
    const requested: number[] = [];
    generateSigningSecret({
      randomBytes: (n) => {
        requested.push(n);
        return new Uint8Array(n);
      },
    });
    expect(requested).toEqual([32]);
  });

  it("produces a valid, different secret on each call by default", () => {
    const a = generateSigningSecret();
    const b = generateSigningSecret();
    expect(isSigningSecret(a)).toBe(true);
    expect(a).not.toBe(b);
  });

  it("rejects a random source that returns the wrong number of bytes", () => {
    expect(() => generateSigningSecret({ randomBytes: () => new Uint8Array(8) })).toThrow(
      SigningSecretError,
    );
  });
});

describe("isSigningSecret", () => {
  it.each([
    ["24 bytes (minimum)", secretOf(24)],
    ["32 bytes", secretOf(32)],
    ["33 bytes (one padding char)", secretOf(33)],
    ["64 bytes (maximum)", secretOf(64)],
  ])("accepts %s", (_name, secret) => {
    expect(isSigningSecret(secret)).toBe(true);
  });

  it.each([
    ["empty string", ""],
    ["prefix only", "whsec_"],
    ["missing prefix", Buffer.alloc(32, 1).toString("base64")],
    ["wrong prefix case", `WHSEC_${Buffer.alloc(32, 1).toString("base64")}`],
    ["23 bytes (too short)", secretOf(23)],
    ["65 bytes (too long)", secretOf(65)],
    ["base64url alphabet", `whsec_${"-_".repeat(22)}`],
    ["missing padding", secretOf(32).replace(/=+$/, "")],
    ["invalid character", `${secretOf(32).slice(0, -2)}!=`],
    ["embedded whitespace", `whsec_${Buffer.alloc(32, 1).toString("base64").replace("A", " A")}`],
    ["trailing newline", `${secretOf(32)}\n`],
  ])("rejects %s", (_name, secret) => {
    expect(isSigningSecret(secret)).toBe(false);
  });
});

describe("decodeSigningSecret", () => {
  it("returns the decoded key bytes", () => {
    expect(decodeSigningSecret(secretOf(24))).toEqual(Buffer.alloc(24, 0xab));
  });

  it("throws SigningSecretError without echoing the secret", () => {
    const encoded = Buffer.from("secret-too-short-16").toString("base64");
    const thrown = (() => {
      try {
        decodeSigningSecret(`whsec_${encoded}`);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(thrown).toBeInstanceOf(SigningSecretError);
    expect(thrown).toHaveProperty("name", "SigningSecretError");
    expect(String((thrown as Error).message)).not.toContain(encoded);
  });
});
