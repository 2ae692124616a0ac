import { describe, expect, it } from "vitest";
import { validateAccountUpdate } from "./account-update.ts";

function messagesOf(input: unknown): string[] {
  const result = validateAccountUpdate(input);
  return result.ok ? [] : result.issues.map((issue) => issue.message);
}

describe("validateAccountUpdate", () => {
  it("returns the canonical time zone", () => {
    expect(validateAccountUpdate({ timezone: "america/new_york" })).toEqual({
      ok: true,
      update: { timezone: "America/New_York" },
    });
  });

  it.each<[name: string, input: unknown, messages: string[]]>([
    ["a non-object", "UTC", ["body must be object"]],
    ["an empty object", {}, ["body must have required property 'timezone'"]],
    ["a number", { timezone: 5 }, ["body/timezone must be string"]],
    ["null", { timezone: null }, ["body/timezone must be string"]],
    ["an empty string", { timezone: "" }, ["body/timezone must NOT have fewer than 1 characters"]],
    [
      "an overlong name",
      { timezone: "A".repeat(65) },
      ["body/timezone must NOT have more than 64 characters"],
    ],
    [
      "an unknown zone",
      { timezone: "Mars/Base" },
      [
        "body/timezone has 'Mars/Base', which is not an IANA time zone name (e.g. Asia/Kolkata, UTC)",
      ],
    ],
    [
      "an offset",
      { timezone: "+05:30" },
      ["body/timezone has '+05:30', which is not an IANA time zone name (e.g. Asia/Kolkata, UTC)"],
    ],
    [
      "an unknown field",
      { timezone: "UTC", name: "Acme" },
      ["body must NOT have additional properties: 'name'"],
    ],
    [
      "an echoed sid",
      { timezone: "UTC", sid: "RBX" },
      ["body must NOT have additional properties: 'sid' (computed by Rebound, do not send it)"],
    ],
  ])("refuses %s", (_name, input, messages) => {
    expect(messagesOf(input)).toEqual(messages);
  });
});
