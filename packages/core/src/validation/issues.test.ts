import { describe, expect, it } from "vitest";
import { toEnvelopeErrors } from "../envelope/envelope.ts";
import {
  capIssues,
  issueAt,
  MAX_ISSUES,
  pointer,
  quoteName,
  type ValidationIssue,
} from "./issues.ts";

describe("toEnvelopeErrors", () => {
  it("lists one object per issue keyed by its location, in order", () => {
    const issues: ValidationIssue[] = [
      { location: "body", message: "body must have required property 'title'" },
      { location: "query", message: "query/limit must be <= 100" },
      { location: "params", message: "params/id must be string" },
    ];
    expect(toEnvelopeErrors(issues)).toEqual([
      { body: "body must have required property 'title'" },
      { query: "query/limit must be <= 100" },
      { params: "params/id must be string" },
    ]);
  });

  it("gives an empty list for no issues", () => {
    expect(toEnvelopeErrors([])).toEqual([]);
  });
});

describe("pointer and issueAt", () => {
  it.each([
    [[], ""],
    [["headers", "x-a"], "/headers/x-a"],
    [["events", 0], "/events/0"],
    [["a/b", "c~d"], "/a~1b/c~0d"],
  ])("pointer(%j) is %j, escaped like Ajv's instancePath", (segments, expected) => {
    expect(pointer(segments)).toBe(expected);
  });

  it("formats an issue as location, path and message", () => {
    expect(issueAt("body", ["enc", "key"], "must be exactly 16 characters")).toEqual({
      location: "body",
      message: "body/enc/key must be exactly 16 characters",
    });
    expect(issueAt("query", [], "must be object").message).toBe("query must be object");
  });
});

describe("quoteName", () => {
  it.each([
    ["x-a", "'x-a'"],
    ["a\r\nb", "'a\\u000d\\u000ab'"],
    ["\u0000", "'\\u0000'"],
  ])("quotes %j as %s", (name, expected) => {
    expect(quoteName(name)).toBe(expected);
  });
});

describe("capIssues", () => {
  it(`keeps at most ${MAX_ISSUES} issues`, () => {
    const issues = Array.from({ length: 30 }, (_, i) => issueAt("body", [i], "must be string"));
    const capped = capIssues(issues);
    expect(capped).toHaveLength(20);
    expect(capped[19]?.message).toBe("body/19 must be string");
  });

  it("drops repeated issues but keeps the same text at another location", () => {
    const capped = capIssues([
      { location: "body", message: "x" },
      { location: "body", message: "x" },
      { location: "query", message: "x" },
    ]);
    expect(capped).toEqual([
      { location: "body", message: "x" },
      { location: "query", message: "x" },
    ]);
  });
});
