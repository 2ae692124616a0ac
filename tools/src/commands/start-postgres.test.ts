import { type DbHandle, generateMasterKey } from "@rebound/db";
import { createTestDatabase } from "@rebound/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSampleProfile } from "../testing/api-client.ts";
import { type RunningRebound, runRebound, startRebound } from "../testing/rebound-process.ts";

const hasPostgres = Boolean(process.env.DATABASE_URL);
if (!hasPostgres) console.warn("DATABASE_URL is not set: PostgreSQL start test is SKIPPED");

describe.runIf(hasPostgres)("rebound start on PostgreSQL under Bun", () => {
  let handle: DbHandle | undefined;
  let server: RunningRebound | undefined;
  const env: Record<string, string> = { REBOUND_MASTER_KEY: generateMasterKey() };

  beforeAll(async () => {
    handle = await createTestDatabase("postgres");
    if (handle.config.driver !== "postgres") throw new Error("expected a PostgreSQL database");
    env.DATABASE_URL = handle.config.url;
  });
  afterAll(async () => {
    server?.kill();
    await handle?.close();
  });

  it("creates an account with the CLI, serves the API on it, and stops on SIGTERM", async () => {
    const created = runRebound(["account", "create", "--name", "Acme", "--json"], env);
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^\{"sid": "RB[A-Z2-9]{11}", "api_key": "rbk_[\w-]{43}"\}\n$/);
    const { sid, api_key } = JSON.parse(created.stdout) as { sid: string; api_key: string };

    server = await startRebound(["--port", "0"], env);
    expect(server.stdout()).not.toContain("First start");
    const profile = await createSampleProfile(server.url, sid, api_key);
    expect(profile.status).toBe(201);
    expect(profile.body).toMatchObject({ code: "RBC024", message: "Profile created successfully" });
    expect(await server.stop()).toBe(0);
  });
});
