import { describe, expect, it } from "vitest";
import { parseCommand, parseIsoInstant } from "./args.ts";
import { UsageError } from "./cli-error.ts";

describe("parseCommand", () => {
  it.each([
    [[], { name: "help" }],
    [["start"], { name: "start", role: "all", port: null }],
    [["start", "--role", "api", "--port", "0"], { name: "start", role: "api", port: 0 }],
    [["start", "--role", "dispatcher"], { name: "start", role: "dispatcher", port: null }],
    [["start", "--role", "reports"], { name: "start", role: "reports", port: null }],
    [["migrate"], { name: "migrate" }],
    [
      ["account", "create", "--name", "Acme", "--json"],
      { name: "account-create", accountName: "Acme", timezone: undefined, json: true },
    ],
    [
      ["key", "create", "--sid", "RBX", "--name", "ci"],
      { name: "key-create", sid: "RBX", keyName: "ci", json: false },
    ],
    [["key", "revoke", "rbk_abcdefgh"], { name: "key-revoke", keyOrPrefix: "rbk_abcdefgh" }],
    [
      ["report", "send", "--sid", "RBX", "--frequency", "weekly"],
      { name: "report-send", sid: "RBX", frequency: "weekly", at: null },
    ],
    [
      [
        "report",
        "send",
        "--frequency",
        "daily",
        "--sid",
        "RBX",
        "--now",
        "2026-03-25T12:00:00+05:30",
      ],
      {
        name: "report-send",
        sid: "RBX",
        frequency: "daily",
        at: new Date("2026-03-25T06:30:00.000Z"),
      },
    ],
  ])("parses %j", (argv, command) => {
    expect(parseCommand(argv)).toEqual(command);
  });

  it.each([
    [["migrate", "now"]],
    [["key", "revoke"]],
    [["key", "revoke", "a", "b"]],
    [["account", "create", "--name"]],
  ])("refuses %j as a usage error", (argv) => {
    expect(() => parseCommand(argv)).toThrow(UsageError);
  });

  it.each([
    [["report"], "report: unknown action ''"],
    [["report", "mail"], "report: unknown action 'mail'"],
    [["report", "send", "--frequency", "daily"], "report send: --sid is required"],
    [["report", "send", "--sid", "RBX"], "report send: --frequency is required"],
    [
      ["report", "send", "--sid", "RBX", "--frequency", "hourly"],
      "--frequency must be daily, weekly, monthly, not 'hourly'",
    ],
    [
      ["report", "send", "--sid", "RBX", "--frequency", "daily", "--now", "2026-03-25"],
      "--now must be an ISO 8601 instant with a zone",
    ],
    [
      ["report", "send", "--sid", "RBX", "--frequency", "daily", "--now", "2026-02-30T12:00:00Z"],
      "--now must be an ISO 8601 instant with a zone",
    ],
    [["report", "send", "--sid", "RBX", "--frequency", "daily", "extra"], "unexpected argument"],
  ])("refuses %j with a clear usage error", (argv, message) => {
    expect(() => parseCommand(argv)).toThrow(UsageError);
    expect(() => parseCommand(argv)).toThrow(message);
  });
});

describe("parseIsoInstant", () => {
  it.each([
    ["2026-03-25T12:00:00Z", "2026-03-25T12:00:00.000Z"],
    ["2026-03-25T12:00Z", "2026-03-25T12:00:00.000Z"],
    ["2026-03-25T12:00:00.5+05:30", "2026-03-25T06:30:00.500Z"],
    ["2026-03-25T01:00:00-04:00", "2026-03-25T05:00:00.000Z"],
    ["2028-02-29T23:59:59.999Z", "2028-02-29T23:59:59.999Z"],
  ])("reads %s", (text, iso) => {
    expect(parseIsoInstant(text)?.toISOString()).toBe(iso);
  });

  it.each([
    "2026-03-25",
    "2026-03-25T12:00:00",
    "2026-02-29T12:00:00Z",
    "2026-04-31T12:00:00Z",
    "2026-03-25T24:00:00Z",
    "2026-03-25T12:60:00Z",
    "2026-03-25 12:00:00Z",
    "tomorrow",
  ])("refuses %s", (text) => {
    expect(parseIsoInstant(text)).toBeNull();
  });
});
