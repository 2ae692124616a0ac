import type { ProfileEncryption } from "@rebound/core";
import { describe, expect, it } from "vitest";
import { restoreEchoedSecrets } from "./echoed-secrets.ts";

const stored: ProfileEncryption = {
  algo: "AES-128-CFB",
  key: "K1abcdefghijkl2P",
  IV: "POabcdefghijklLY",
  params: null,
  iv_mode: "fixed",
};

describe("restoreEchoedSecrets", () => {
  it.each([
    [
      "masked key and IV become the stored ones",
      { enc: { algo: "AES-128-CFB", key: "K1xxxxxxxxxxxx2P", IV: "POxxxxxxxxxxxxLY" } },
      { enc: { algo: "AES-128-CFB", key: stored.key, IV: stored.IV } },
    ],
    [
      "a new key is kept, a masked IV restored",
      { enc: { algo: "AES-128-CFB", key: "NEWKEY0123456789", IV: "POxxxxxxxxxxxxLY" } },
      { enc: { algo: "AES-128-CFB", key: "NEWKEY0123456789", IV: stored.IV } },
    ],
    ["a patch without enc is unchanged", { title: "abc" }, { title: "abc" }],
    ["enc null is unchanged", { enc: null }, { enc: null }],
    ["a non-object patch is unchanged", [1], [1]],
  ])("%s", (_name, patch, expected) => {
    expect(restoreEchoedSecrets(patch, stored)).toEqual(expected);
  });

  it("changes nothing when no encryption is stored", () => {
    const patch = { enc: { key: "K1xxxxxxxxxxxx2P" } };
    expect(restoreEchoedSecrets(patch, null)).toBe(patch);
  });
});
