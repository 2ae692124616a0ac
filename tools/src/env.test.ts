import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env.ts";

const KEY_HEX = "ab".repeat(32);

describe("parseEnv", () => {
  it("defaults to embedded PGlite in ./.rebound on 127.0.0.1:3000", () => {
    expect(parseEnv({})).toEqual({
      database: { driver: "pglite" },
      dataDir: resolve(".rebound"),
      masterKey: null,
      port: 3000,
      host: "127.0.0.1",
      profileIdPrefix: "rb",
      rateLimitPerMinute: 600,
      dispatcher: {
        allowPrivateTargets: [],
        connectTimeoutMs: 5000,
        requestTimeoutMs: 15000,
        concurrency: 64,
        profileConcurrency: 8,
        leaseMs: 60000,
        autoDisable: { minFailures: 20, minDurationMs: 86_400_000 },
      },
      mail: {
        outboxDir: resolve(".rebound", "outbox"),
        from: "Rebound <reports@rebound.localhost>",
      },
    });
  });

  it("puts the outbox in the data directory unless REBOUND_OUTBOX_DIR is set", () => {
    expect(parseEnv({ REBOUND_DATA_DIR: "/srv/rebound" }).mail.outboxDir).toBe(
      resolve("/srv/rebound/outbox"),
    );
    expect(parseEnv({ REBOUND_OUTBOX_DIR: "mail" }).mail.outboxDir).toBe(resolve("mail"));
  });

  it("reads SMTP and Resend settings and the sender", () => {
    expect(
      parseEnv({
        SMTP_URL: "smtps://user:p%40ss@mail.example.com:465",
        REBOUND_MAIL_FROM: "reports@example.com",
      }).mail,
    ).toMatchObject({
      smtpUrl: "smtps://user:p%40ss@mail.example.com:465",
      from: "reports@example.com",
    });
    expect(
      parseEnv({
        RESEND_API_KEY: "re_123",
        RESEND_BASE_URL: "http://127.0.0.1:8025",
        REBOUND_MAIL_FROM: "Acme Reports <reports@acme.example>",
      }).mail,
    ).toMatchObject({
      resendApiKey: "re_123",
      resendBaseUrl: "http://127.0.0.1:8025",
      from: "Acme Reports <reports@acme.example>",
    });
  });

  it.each([
    [{ SMTP_URL: "mail.example.com:25" }, "SMTP_URL must be an smtp:// or smtps:// URL"],
    [{ SMTP_URL: "http://mail.example.com" }, "SMTP_URL must be an smtp:// or smtps:// URL"],
    [
      { RESEND_API_KEY: "re_1", SMTP_URL: "smtp://mail.example.com", REBOUND_MAIL_FROM: "a@b.co" },
      "set either RESEND_API_KEY or SMTP_URL, not both",
    ],
    [{ RESEND_API_KEY: "re_1" }, "REBOUND_MAIL_FROM is required with RESEND_API_KEY"],
    [{ RESEND_BASE_URL: "http://127.0.0.1:1" }, "RESEND_BASE_URL is set without RESEND_API_KEY"],
    [
      { RESEND_API_KEY: "re_1", RESEND_BASE_URL: "ftp://x", REBOUND_MAIL_FROM: "a@b.co" },
      "RESEND_BASE_URL must be an http:// or https:// URL",
    ],
    [{ REBOUND_MAIL_FROM: "reports" }, "REBOUND_MAIL_FROM must be an email address"],
    [{ REBOUND_MAIL_FROM: "reports@localhost" }, "REBOUND_MAIL_FROM must be an email address"],
    [{ REBOUND_MAIL_FROM: "Acme, Inc <r@acme.example>" }, "REBOUND_MAIL_FROM must be"],
    [{ REBOUND_MAIL_FROM: "Acme <r@acme.example" }, "REBOUND_MAIL_FROM must be"],
  ])("refuses mail settings %j", (env, message) => {
    expect(() => parseEnv(env)).toThrow(message);
  });

  it("reads the dispatcher's allow-list and limits", () => {
    const env = parseEnv({
      REBOUND_ALLOW_PRIVATE_TARGETS: "127.0.0.0/8, ::1",
      REBOUND_CONCURRENCY: "128",
      REBOUND_PROFILE_CONCURRENCY: "4",
    });
    expect(env.dispatcher.allowPrivateTargets).toHaveLength(2);
    expect(env.dispatcher).toMatchObject({ concurrency: 128, profileConcurrency: 4 });
  });

  it("reads the auto-disable thresholds; a duration of 0 means the failure count alone", () => {
    const env = parseEnv({
      REBOUND_AUTO_DISABLE_MIN_FAILURES: "3",
      REBOUND_AUTO_DISABLE_MIN_DURATION_MS: "0",
    });
    expect(env.dispatcher.autoDisable).toEqual({ minFailures: 3, minDurationMs: 0 });
  });

  it.each([
    ["REBOUND_AUTO_DISABLE_MIN_FAILURES", "0", "an integer from 1 to 1000000"],
    ["REBOUND_AUTO_DISABLE_MIN_FAILURES", "2.5", "an integer from 1 to 1000000"],
    ["REBOUND_AUTO_DISABLE_MIN_DURATION_MS", "-1", "an integer from 0 to 2592000000"],
    ["REBOUND_AUTO_DISABLE_MIN_DURATION_MS", "2592000001", "an integer from 0 to 2592000000"],
    ["REBOUND_AUTO_DISABLE_MIN_DURATION_MS", "1h", "an integer from 0 to 2592000000"],
  ])("refuses %s=%j", (name, value, expected) => {
    expect(() => parseEnv({ [name]: value })).toThrow(`${name} must be ${expected}`);
  });

  it("names each bad dispatcher variable", () => {
    expect(() =>
      parseEnv({
        REBOUND_ALLOW_PRIVATE_TARGETS: "10.0.0.0/33",
        REBOUND_CONCURRENCY: "0",
        REBOUND_REQUEST_TIMEOUT_MS: "soon",
      }),
    ).toThrow(
      expect.objectContaining({
        issues: [
          expect.stringContaining("REBOUND_ALLOW_PRIVATE_TARGETS"),
          "REBOUND_REQUEST_TIMEOUT_MS must be an integer from 1 to 600000",
          "REBOUND_CONCURRENCY must be an integer from 1 to 10000",
        ],
      }),
    );
  });

  it("reads PostgreSQL with its master key, and 0 turns the rate limit off", () => {
    const env = parseEnv({
      DATABASE_URL: "postgresql://u@db:5432/rebound",
      REBOUND_MASTER_KEY: KEY_HEX,
      PORT: "0",
      REBOUND_PROFILE_ID_PREFIX: "stage-IN",
      REBOUND_RATE_LIMIT_PER_MINUTE: "0",
    });
    expect(env.database).toEqual({ driver: "postgres", url: "postgresql://u@db:5432/rebound" });
    expect(env.masterKey?.length).toBe(32);
    expect(env).toMatchObject({ port: 0, profileIdPrefix: "stage-IN", rateLimitPerMinute: null });
  });

  it("lists every bad variable by name at once", () => {
    const parse = () =>
      parseEnv({ DATABASE_URL: "postgres://db/x", PORT: "65536", REBOUND_PROFILE_ID_PREFIX: "" });
    expect(parse).toThrow(EnvError);
    expect(parse).toThrow(/REBOUND_MASTER_KEY is required[\s\S]*PORT must be/);
  });

  it.each([
    ["REBOUND_PROFILE_ID_PREFIX", "a".repeat(17)],
    ["REBOUND_PROFILE_ID_PREFIX", "rb_x"],
    ["REBOUND_RATE_LIMIT_PER_MINUTE", "1.5"],
    ["HOST", "local host"],
    ["DATABASE_URL", "postgres://"],
  ])("refuses %s=%j", (name, value) => {
    expect(() => parseEnv({ [name]: value, REBOUND_MASTER_KEY: KEY_HEX })).toThrow(name);
  });
});
