import { describe, expect, it } from "vitest";
import { ENCRYPTION_ALGORITHMS, keyLengthFor } from "./algorithms.ts";
import { checkEncryptionSettings } from "./settings-check.ts";

const IV = "0123456789abcdef";
const asciiKey = (length: number) => "k".repeat(length);

describe("checkEncryptionSettings", () => {
  it.each([...ENCRYPTION_ALGORITHMS])("accepts %s with exact key and IV lengths", (algo) => {
    expect(checkEncryptionSettings({ algo, key: asciiKey(keyLengthFor(algo)), iv: IV })).toEqual(
      [],
    );
  });

  it.each([
    ["AES-192-GCM", 23, "must be exactly 24 characters for AES-192-GCM (got 23)"],
    ["AES-128-CFB", 24, "must be exactly 16 characters for AES-128-CFB (got 24)"],
    ["AES-256-GCM", 0, "must be exactly 32 characters for AES-256-GCM (got 0)"],
  ] as const)("reports a %s key of %i ASCII characters", (algo, length, message) => {
    expect(checkEncryptionSettings({ algo, key: asciiKey(length), iv: IV })).toEqual([
      { field: "key", message },
    ]);
  });

  it("counts UTF-8 bytes of a multibyte key and says so", () => {
    // 16 characters, but each "é" is 2 bytes: 8 × 2 + 8 = 24 bytes.
    const key = `${"é".repeat(8)}abcdefgh`;
    expect(checkEncryptionSettings({ algo: "AES-128-GCM", key, iv: IV })).toEqual([
      {
        field: "key",
        message:
          "must be exactly 16 bytes of UTF-8 for AES-128-GCM (got 24 bytes from 16 characters; " +
          "non-ASCII characters take 2 to 4 bytes each)",
      },
    ]);
  });

  it("accepts a multibyte key whose UTF-8 length matches", () => {
    const key = `${"é".repeat(8)}abcdefgh`;
    expect(checkEncryptionSettings({ algo: "AES-192-CFB", key, iv: IV })).toEqual([]);
  });

  it("counts an emoji as one character of four bytes", () => {
    const iv = `🔑${"x".repeat(13)}`;
    expect(checkEncryptionSettings({ algo: "AES-128-CFB", key: asciiKey(16), iv })).toEqual([
      {
        field: "IV",
        message:
          "must be exactly 16 bytes of UTF-8 (got 17 bytes from 14 characters; " +
          "non-ASCII characters take 2 to 4 bytes each)",
      },
    ]);
  });

  it.each([
    ["", "must be exactly 16 characters (got 0)"],
    ["0123456789abcde", "must be exactly 16 characters (got 15)"],
    ["0123456789abcdef0", "must be exactly 16 characters (got 17)"],
  ])("reports an IV of %j", (iv, message) => {
    expect(checkEncryptionSettings({ algo: "AES-256-CFB", key: asciiKey(32), iv })).toEqual([
      { field: "IV", message },
    ]);
  });

  it("reports key and IV together", () => {
    const problems = checkEncryptionSettings({ algo: "AES-128-GCM", key: "short", iv: "short" });
    expect(problems.map((problem) => problem.field)).toEqual(["key", "IV"]);
  });

  it.each(["aes-128-gcm", "AES-128-CBC", ""])(
    "reports unknown algorithm %j and still checks the IV",
    (algo) => {
      expect(checkEncryptionSettings({ algo, key: asciiKey(16), iv: "bad" })).toEqual([
        {
          field: "algo",
          message:
            "must be one of AES-128-CFB, AES-128-GCM, AES-192-CFB, AES-192-GCM, AES-256-CFB, " +
            `AES-256-GCM (got ${JSON.stringify(algo)})`,
        },
        { field: "IV", message: "must be exactly 16 characters (got 3)" },
      ]);
    },
  );
});
