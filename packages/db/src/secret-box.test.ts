import { describe, expect, it } from "vitest";
import { generateMasterKey, parseMasterKey, SecretBox, SecretBoxError } from "./secret-box.ts";

const key = () => {
  const parsed = parseMasterKey(generateMasterKey());
  if (!parsed) throw new Error("generated key does not parse");
  return parsed;
};

describe("SecretBox", () => {
  it("seals and opens, with a fresh nonce each time", () => {
    const box = new SecretBox(key());
    const first = box.seal("whsec_abc é");
    expect(first).toMatch(/^v1:[A-Za-z0-9+/]+=*$/);
    expect(first).not.toBe(box.seal("whsec_abc é"));
    expect(box.open(first)).toBe("whsec_abc é");
  });

  it("refuses a wrong master key, tampering and unknown formats", () => {
    const sealed = new SecretBox(key()).seal("secret");
    expect(() => new SecretBox(key()).open(sealed)).toThrow(SecretBoxError);
    const box = new SecretBox(key());
    const mine = box.seal("secret");
    const tampered = `${mine.slice(0, -4)}${mine.endsWith("AAA=") ? "BBB=" : "AAA="}`;
    expect(() => box.open(tampered)).toThrow(SecretBoxError);
    expect(() => box.open("v2:abc")).toThrow(/unknown format/);
    expect(() => box.open("v1:YQ==")).toThrow(/too short/);
  });

  it("needs a 32-byte master key", () => {
    expect(() => new SecretBox(new Uint8Array(16))).toThrow(/32 bytes/);
  });

  it.each([
    ["a".repeat(64), 32],
    [Buffer.alloc(32, 7).toString("base64"), 32],
    ["short", null],
    ["g".repeat(64), null],
    [Buffer.alloc(16).toString("base64"), null],
  ])("parses master key %j", (text, length) => {
    expect(parseMasterKey(text)?.length ?? null).toBe(length);
  });
});
