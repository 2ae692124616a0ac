import { describe, expect, it } from "vitest";
import { anyCaseEnum, anyCasePattern, literalEnum } from "./schema-helpers.ts";

describe("anyCasePattern", () => {
  it.each([
    ["POST", ["POST", "post", "PoSt"], ["POS", "PUT", " post"]],
    [
      "Default - No Channel Selected",
      ["default - no channel selected"],
      ["Default-No Channel Selected"],
    ],
    ["a.b", ["A.B", "a.b"], ["aXb"]],
    ["AES-128-GCM", ["aes-128-gcm"], ["aes-128Xgcm"]],
  ])("%s matches any letter case only", (text, matching, other) => {
    const regex = new RegExp(`^${anyCasePattern(text)}$`, "u");
    for (const value of matching) expect(regex.test(value), value).toBe(true);
    for (const value of other) expect(regex.test(value), value).toBe(false);
  });
});

describe("schema builders", () => {
  it("anyCaseEnum lists the values in its message", () => {
    const schema = anyCaseEnum(["sms", "email"]) as unknown as Record<string, unknown>;
    expect(schema["x-messages"]).toEqual({
      pattern: "must be equal to one of the allowed values: sms, email",
    });
    expect(schema.type).toBe("string");
  });

  it.each([
    [[1, 3] as const, "integer"],
    [["a", "b"] as const, "string"],
  ])("literalEnum(%j) is a plain %s enum", (values, type) => {
    expect(literalEnum(values)).toMatchObject({ type, enum: [...values] });
  });
});
