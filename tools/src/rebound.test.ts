import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runRebound } from "./testing/rebound-process.ts";

const MASTER_KEY = Buffer.alloc(32, 7).toString("base64");

describe("rebound CLI under Bun: usage", () => {
  it("prints help", () => {
    const { code, stdout } = runRebound(["help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("usage: rebound");
  });

  it.each([
    [["launch"], "unknown command 'launch'"],
    [["start", "--bogus"], "Unknown option '--bogus'"],
    [["start", "--port", "70000"], "--port must be an integer"],
    [["start", "--role", "cron"], "--role must be api, dispatcher, reports or all"],
    [["account", "create"], "--name is required"],
    [["key", "rotate"], "unknown action 'rotate'"],
    [["report", "send", "--sid", "RBX"], "report send: --frequency is required"],
  ])("refuses %j with usage on stderr and exit code 2", (args, message) => {
    const { code, stdout, stderr } = runRebound(args);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(message);
    expect(stderr).toContain("usage: rebound");
  });
});

describe("rebound CLI under Bun: environment", () => {
  it.each([
    [{ DATABASE_URL: "postgres://localhost/x" }, "REBOUND_MASTER_KEY is required"],
    [{ DATABASE_URL: "mysql://localhost/x", REBOUND_MASTER_KEY: MASTER_KEY }, "DATABASE_URL"],
    [{ REBOUND_MASTER_KEY: "short" }, "REBOUND_MASTER_KEY must be"],
    [{ PORT: "abc" }, "PORT must be an integer"],
    [{ REBOUND_PROFILE_ID_PREFIX: "no_underscores" }, "REBOUND_PROFILE_ID_PREFIX"],
    [{ REBOUND_RATE_LIMIT_PER_MINUTE: "-1" }, "REBOUND_RATE_LIMIT_PER_MINUTE"],
  ])("exits 2 on %j naming the variable", (env, message) => {
    const { code, stderr } = runRebound(["migrate"], env);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});

describe("rebound CLI under Bun: accounts and keys (embedded)", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "rebound-cli-"));
  const env = { REBOUND_DATA_DIR: dataDir };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("migrates, creates an account, adds and revokes a key", () => {
    expect(runRebound(["migrate"], env)).toMatchObject({ code: 0 });

    const account = runRebound(["account", "create", "--name", "Acme", "--json"], env);
    expect(account.code).toBe(0);
    expect(account.stdout).toMatch(/^\{"sid": "RB[A-Z2-9]{11}", "api_key": "rbk_[\w-]{43}"\}\n$/);
    const { sid } = JSON.parse(account.stdout) as { sid: string };

    const key = runRebound(["key", "create", "--sid", sid, "--name", "ci", "--json"], env);
    expect(key.code).toBe(0);
    const { api_key } = JSON.parse(key.stdout) as { api_key: string };

    const revoked = runRebound(["key", "revoke", api_key.slice(0, 12)], env);
    expect(revoked).toMatchObject({ code: 0, stdout: "Revoked 1 API key.\n" });
    const again = runRebound(["key", "revoke", api_key], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(`rebound: no active API key matches '${api_key}'\n`);
  });

  it("prints SID and key in plain text without --json", () => {
    const { code, stdout } = runRebound(
      ["account", "create", "--name", "Pune Ltd", "--timezone", "Asia/Kolkata"],
      env,
    );
    expect(code).toBe(0);
    expect(stdout).toContain('Account "Pune Ltd" created (timezone Asia/Kolkata).');
    expect(stdout).toMatch(/^SID: +RB[A-Z2-9]{11}$/m);
    expect(stdout).toMatch(/^API key: rbk_/m);
  });

  it.each([
    [["account", "create", "--name", "X", "--timezone", "Mars/Base"], "not an IANA time zone"],
    [["key", "create", "--sid", "RBNOPE"], "no account with sid RBNOPE"],
  ])("fails %j with one line and exit code 1", (args, message) => {
    const { code, stderr } = runRebound(args, env);
    expect(code).toBe(1);
    expect(stderr.trim().split("\n")).toEqual([expect.stringContaining(message)]);
  });
});
