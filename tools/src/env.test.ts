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
      },
    });
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
