import { describe, expect, it } from "vitest";
import { groupByField, issuesOf, parseIssue, profileFieldOf } from "./envelope-errors.ts";

describe("parseIssue", () => {
  it.each([
    [
      "body/url must be an absolute http or https URL",
      ["url"],
      "must be an absolute http or https URL",
    ],
    ["body must have required property 'title'", ["title"], "is required"],
    [
      "body must have required property 'body' when http_method is POST or PUT",
      ["body"],
      "is required when http_method is POST or PUT",
    ],
    [
      "body/enc/key must be exactly 16 characters for AES-128-GCM (got 3)",
      ["enc", "key"],
      "must be exactly 16 characters for AES-128-GCM (got 3)",
    ],
    ["body/enc must have required property 'IV'", ["enc", "IV"], "is required"],
    ["body/headers/x~1a~0b must be string", ["headers", "x/a~b"], "must be string"],
    [
      "body must NOT have additional properties: 'foo'",
      [],
      "must NOT have additional properties: 'foo'",
    ],
  ])("reads %s", (text, path, message) => {
    expect(parseIssue("body", text)).toEqual({ path, message, text, location: "body" });
  });

  it("keeps a message without a location prefix whole", () => {
    expect(parseIssue("params", "account RB1 not found")).toEqual({
      path: [],
      message: "account RB1 not found",
      text: "account RB1 not found",
      location: "params",
    });
  });
});

describe("issuesOf", () => {
  it("lists every item of the envelope's error list and ignores the success form", () => {
    const issues = issuesOf([
      { body: "body/title must NOT have fewer than 3 characters" },
      { query: "query/created_to must not be before created_from" },
    ]);
    expect(issues.map((issue) => [issue.location, issue.path])).toEqual([
      ["body", ["title"]],
      ["query", ["created_to"]],
    ]);
    expect(issuesOf({})).toEqual([]);
    expect(issuesOf([null, { body: 3 }])).toEqual([]);
  });
});

describe("profileFieldOf and groupByField", () => {
  it.each([
    [["url"], "url"],
    [["enc", "key"], "enc.key"],
    [["enc", "IV"], "enc.IV"],
    [["enc"], "enc"],
    [["enc", "unknown"], "enc"],
    [["headers", "x-a"], "headers"],
    [["events", "0"], "events"],
    [["profile", "enc", "key"], "enc.key"],
    [["nope"], null],
    [[], null],
  ])("maps %j to %s", (path, field) => {
    expect(profileFieldOf(path)).toBe(field);
  });

  it("groups messages by field and keeps the rest with their full text", () => {
    const grouped = groupByField(
      issuesOf([
        { body: "body/url must be an absolute http or https URL" },
        { body: "body/url must NOT have more than 2048 characters" },
        { body: "body must NOT have additional properties: 'foo'" },
      ]),
      profileFieldOf,
    );
    expect(grouped).toEqual({
      byField: {
        url: ["must be an absolute http or https URL", "must NOT have more than 2048 characters"],
      },
      other: ["body must NOT have additional properties: 'foo'"],
    });
  });
});
