import { describe, expect, it } from "vitest";
import * as api from "./index.ts";

describe("crypto public API", () => {
  it("exports exactly the documented names", () => {
    expect(Object.keys(api).sort()).toEqual([
      "DecryptionError",
      "ENCRYPTION_ALGORITHMS",
      "EncryptionError",
      "IV_LENGTH",
      "IV_MODES",
      "checkEncryptionSettings",
      "decrypt",
      "encrypt",
      "encryptionWarnings",
      "isEncryptionAlgorithm",
      "isIvMode",
      "keyLengthFor",
      "plaintextOf",
    ]);
  });

  it("encrypts a JSON value and opens it again through the index", () => {
    const settings: api.EncryptionSettings = {
      algo: "AES-256-GCM",
      key: "k".repeat(api.keyLengthFor("AES-256-GCM")),
      iv: "i".repeat(api.IV_LENGTH),
      ivMode: "random",
    };
    const sealed = api.encrypt(api.plaintextOf({ amount: 12.5 }), settings);
    expect(api.decrypt(sealed, settings)).toBe('{"amount":12.5}');
  });
});
