import { describe, expect, it } from "vitest";
import { maskSecret } from "./mask-secret.ts";

describe("maskSecret", () => {
  it.each([
    ["K1abcdefghijkl2P", "K1xxxxxxxxxxxx2P"],
    ["1234567890123456789012345678901X", "12xxxxxxxxxxxxxxxxxxxxxxxxxxxx1X"],
    ["abcde", "abxde"],
    ["abcd", "xxxx"],
    ["", ""],
  ])("masks %j as %j", (secret, masked) => {
    expect(maskSecret(secret)).toBe(masked);
  });
});
