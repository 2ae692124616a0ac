import { describe, expect, it } from "vitest";
import {
  DEFAULT_REPORT_SETTINGS,
  reportRecipients,
  validateReportSettings,
} from "./report-settings.ts";
import { MAX_REPORT_RECIPIENTS } from "./report-settings-schema.ts";

function settings(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { enabled: true, frequencies: ["daily"], emails: "ops@example.com", ...overrides };
}

function messagesOf(input: unknown): string[] {
  const result = validateReportSettings(input);
  return result.ok ? [] : result.issues.map((issue) => issue.message);
}

function addresses(count: number): string {
  return Array.from({ length: count }, (_, i) => `user${i}@example.com`).join(", ");
}

describe("validateReportSettings", () => {
  it("normalises frequencies and emails into the stored form", () => {
    const result = validateReportSettings({
      enabled: true,
      frequencies: ["Monthly", "daily", "DAILY", "weekly", "monthly"],
      emails: " b@Y.com,a@x.COM ,, B@y.com, ,A@X.com,",
    });
    expect(result).toEqual({
      ok: true,
      settings: {
        enabled: true,
        frequencies: ["daily", "weekly", "monthly"],
        emails: "b@y.com, a@x.com",
      },
    });
  });

  it("keeps the order of the addresses as given, first spelling wins", () => {
    const result = validateReportSettings(
      settings({ emails: "Zed@example.com, amy@example.com, zed@EXAMPLE.com" }),
    );
    expect(result.ok && result.settings.emails).toBe("Zed@example.com, amy@example.com");
  });

  it("lets reports be disabled with no frequency and no recipient", () => {
    expect(validateReportSettings({ enabled: false, frequencies: [], emails: "" })).toEqual({
      ok: true,
      settings: DEFAULT_REPORT_SETTINGS,
    });
  });

  it("keeps the choices of disabled reports, still validated", () => {
    const kept = validateReportSettings(settings({ enabled: false, frequencies: ["weekly"] }));
    expect(kept).toEqual({
      ok: true,
      settings: { enabled: false, frequencies: ["weekly"], emails: "ops@example.com" },
    });
    expect(messagesOf(settings({ enabled: false, emails: "nope" }))).toEqual([
      "body/emails has 'nope', which is not a valid email address",
    ]);
  });

  it(`accepts ${MAX_REPORT_RECIPIENTS} distinct recipients, duplicates not counted`, () => {
    const emails = `${addresses(MAX_REPORT_RECIPIENTS)}, USER0@example.com`;
    const result = validateReportSettings(settings({ emails }));
    expect(result.ok && reportRecipients(result.settings.emails)).toHaveLength(
      MAX_REPORT_RECIPIENTS,
    );
  });

  it.each<[name: string, input: unknown, messages: string[]]>([
    ["a non-object", "daily", ["body must be object"]],
    ["null", null, ["body must be object"]],
    [
      "an empty object",
      {},
      [
        "body must have required property 'enabled'",
        "body must have required property 'frequencies'",
        "body must have required property 'emails'",
      ],
    ],
    [
      "an unknown field",
      settings({ timezone: "UTC" }),
      ["body must NOT have additional properties: 'timezone'"],
    ],
    ["enabled as a string", settings({ enabled: "true" }), ["body/enabled must be boolean"]],
    [
      "frequencies as a string",
      settings({ frequencies: "daily" }),
      ["body/frequencies must be array"],
    ],
    [
      "an unknown frequency",
      settings({ frequencies: ["daily", "hourly"] }),
      ["body/frequencies/1 must be equal to one of the allowed values: daily, weekly, monthly"],
    ],
    [
      "a frequency that is not a string",
      settings({ frequencies: [1] }),
      ["body/frequencies/0 must be string"],
    ],
    [
      "too many frequency items",
      settings({ frequencies: Array.from({ length: 11 }, () => "daily") }),
      ["body/frequencies must NOT have more than 10 items"],
    ],
    ["emails as a list", settings({ emails: ["ops@example.com"] }), ["body/emails must be string"]],
    [
      "an email text over the length limit",
      settings({ emails: "a".repeat(2049) }),
      ["body/emails must NOT have more than 2048 characters"],
    ],
    [
      "enabled without a frequency",
      settings({ frequencies: [] }),
      [
        "body/frequencies must list at least one frequency (daily, weekly, monthly) when enabled is true",
      ],
    ],
    [
      "enabled without a recipient",
      settings({ emails: " , " }),
      ["body/emails must list at least one address when enabled is true"],
    ],
    [
      "enabled without either",
      settings({ frequencies: [], emails: "" }),
      [
        "body/frequencies must list at least one frequency (daily, weekly, monthly) when enabled is true",
        "body/emails must list at least one address when enabled is true",
      ],
    ],
    [
      "invalid addresses, each named",
      settings({ emails: "ops@example.com, nope, a@b" }),
      [
        "body/emails has 'nope', which is not a valid email address",
        "body/emails has 'a@b', which is not a valid email address",
      ],
    ],
    [
      "semicolon-separated addresses",
      settings({ emails: "a@x.com; b@y.com" }),
      [
        "body/emails has 'a@x.com; b@y.com', which is not a valid email address (separate addresses with commas)",
      ],
    ],
    [
      "an address with a control character",
      settings({ emails: "a@x.com\nBcc: b@y.com" }),
      [
        "body/emails has 'a@x.com\\u000aBcc: b@y.com', which is not a valid email address (separate addresses with commas)",
      ],
    ],
    [
      "too many recipients",
      settings({ emails: addresses(MAX_REPORT_RECIPIENTS + 1) }),
      ["body/emails must NOT have more than 20 addresses (found 21)"],
    ],
  ])("refuses %s", (_name, input, messages) => {
    expect(messagesOf(input)).toEqual(messages);
  });

  it("caps the issues of a hostile list", () => {
    const emails = Array.from({ length: 200 }, (_, i) => `bad${i}`).join(",");
    expect(messagesOf(settings({ emails }))).toHaveLength(20);
  });
});

describe("reportRecipients", () => {
  it("splits the stored list", () => {
    expect(reportRecipients("a@x.com, b@y.com")).toEqual(["a@x.com", "b@y.com"]);
    expect(reportRecipients("")).toEqual([]);
  });
});
