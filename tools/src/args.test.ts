import { describe, expect, it } from "vitest";
import { parseCommand } from "./args.ts";
import { CliError, UsageError } from "./cli-error.ts";

describe("parseCommand", () => {
  it.each([
    [[], { name: "help" }],
    [["start"], { name: "start", role: "all", port: null }],
    [["start", "--role", "api", "--port", "0"], { name: "start", role: "api", port: 0 }],
    [["start", "--role", "dispatcher"], { name: "start", role: "dispatcher", port: null }],
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

  it("refuses the reports role, not built yet, with exit code 2", () => {
    expect(() => parseCommand(["start", "--role", "reports"])).toThrow(
      expect.objectContaining({ exitCode: 2, message: expect.stringContaining("not built yet") }),
    );
    expect(() => parseCommand(["start", "--role", "reports"])).toThrow(CliError);
  });
});
