import { describe, expect, it } from "vitest";
import { isPathWithin, lookupVariable, parseVariablePath } from "./variable-path.ts";

describe("parseVariablePath", () => {
  it.each([
    ["whatsapp_number", ["whatsapp_number"]],
    ["address.formatted_address", ["address", "formatted_address"]],
    ["parts[0]", ["parts", 0]],
    ["a.b[2].c[10]", ["a", "b", 2, "c", 10]],
    ["_x9", ["_x9"]],
  ])("splits %s", (path, segments) => {
    expect(parseVariablePath(path)).toEqual(segments);
  });

  it.each(["", "9a", "a..b", "a.", "a[", "a[x]", "a[-1]", ".a", "a b", "a-b", "[0]", "a[1234567]"])(
    "rejects %j",
    (path) => {
      expect(parseVariablePath(path)).toBeNull();
    },
  );
});

describe("lookupVariable", () => {
  const data = {
    name: "Ray",
    count: 0,
    flag: false,
    nothing: null,
    address: { formatted_address: "1 Main St", geo: { lat: 1.5 } },
    parts: ["a", { id: 7 }],
  };

  it.each([
    [["name"], "Ray"],
    [["count"], 0],
    [["flag"], false],
    [["nothing"], null],
    [["address", "geo", "lat"], 1.5],
    [["address", "geo"], { lat: 1.5 }],
    [["parts", 0], "a"],
    [["parts", 1, "id"], 7],
  ] as const)("finds %j", (segments, value) => {
    expect(lookupVariable(data, segments)).toEqual({ found: true, value });
  });

  it.each([
    [["missing"]],
    [["name", "length"]],
    [["parts", 2]],
    [["parts", "0"]],
    [["address", 0]],
    [["constructor"]],
    [["__proto__"]],
    [["toString"]],
    [["nothing", "x"]],
  ] as const)("reports %j as missing", (segments) => {
    expect(lookupVariable(data, segments)).toEqual({ found: false });
  });

  it("treats non-object data as having no variables", () => {
    expect(lookupVariable("text", ["length"])).toEqual({ found: false });
    expect(lookupVariable(undefined, ["a"])).toEqual({ found: false });
  });

  it("treats an explicit undefined member as missing", () => {
    expect(lookupVariable({ a: undefined }, ["a"])).toEqual({ found: false });
  });
});

describe("isPathWithin", () => {
  it.each([
    ["address", "address", true],
    ["address.city", "address", true],
    ["parts[0]", "parts", true],
    ["addressee", "address", false],
    ["name", "address", false],
  ])("%s within %s is %s", (path, param, expected) => {
    expect(isPathWithin(path, param)).toBe(expected);
  });
});
