import { describe, expect, it } from "vitest";
import { plaintextOf } from "./plaintext.ts";

describe("plaintextOf", () => {
  it.each([
    ["a string as is", 'héllo "x"', 'héllo "x"'],
    ["an empty string as is", "", ""],
    ["an integer via String()", 42, "42"],
    ["a float via String()", 1.5, "1.5"],
    ["a negative number via String()", -3, "-3"],
    ["true via String()", true, "true"],
    ["false via String()", false, "false"],
    ["null as empty", null, ""],
    ["undefined as empty", undefined, ""],
    ["an object as JSON", { a: 1, b: [true, null] }, '{"a":1,"b":[true,null]}'],
    ["an array as JSON", [1, "x", { y: 2 }], '[1,"x",{"y":2}]'],
    ["an empty object as JSON", {}, "{}"],
  ])("turns %s", (_, value, expected) => {
    expect(plaintextOf(value)).toBe(expected);
  });

  it("turns an object whose toJSON yields undefined into empty text", () => {
    expect(plaintextOf({ toJSON: () => undefined })).toBe("");
  });
});
