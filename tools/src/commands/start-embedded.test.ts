import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { callApi, createSampleProfile } from "../testing/api-client.ts";
import { type RunningRebound, runRebound, startRebound } from "../testing/rebound-process.ts";

function credentials(stdout: string) {
  const sid = /^ {2}SID: +(\S+)$/m.exec(stdout)?.[1];
  const apiKey = /^ {2}API key: (\S+)$/m.exec(stdout)?.[1];
  if (sid === undefined || apiKey === undefined) throw new Error(`no credentials in: ${stdout}`);
  return { sid, apiKey };
}

describe("rebound start, embedded (PGlite) under Bun", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "rebound-start-"));
  const env = { REBOUND_DATA_DIR: dataDir };
  const running: RunningRebound[] = [];
  let account = { sid: "", apiKey: "" };
  let profileId = "";
  let masterKey = "";

  afterAll(() => {
    for (const server of running) server.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("first start creates the demo account and serves the API until SIGTERM", async () => {
    const server = await startRebound(["--port", "0"], env);
    running.push(server);
    const stdout = server.stdout();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(stdout).toContain('First start: created the demo account "Demo" (UTC).');
    account = credentials(stdout);
    expect(stdout).toContain(`curl -X POST '${server.url}/v1/${account.sid}/callback/profiles'`);
    const profiles = `${server.url}/v1/${account.sid}/callback/profiles`;

    const created = await createSampleProfile(server.url, account.sid, account.apiKey);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: "RBC024", message: "Profile created successfully" });
    const data = created.body.data as { profile_id: string; enc: { key: string } };
    expect(data.enc.key).toMatch(/^12x{12}34$/);
    profileId = data.profile_id;
    expect(profileId).toMatch(/^rb_/);

    const invalid = await callApi(profiles, account.apiKey, { method: "POST", body: {} });
    expect(invalid.status).toBe(400);
    expect(invalid.body.message).toBe("body must have required property 'title'");

    const fetched = await callApi(`${profiles}/${profileId}`, account.apiKey);
    expect(fetched.status).toBe(200);
    expect(fetched.body.data).toMatchObject({ title: "Callback_Profile_Test_1" });
    const listed = await callApi(profiles, account.apiKey);
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body.data)).toContain(profileId);

    const wrongKey = await callApi(profiles, "rbk_wrong");
    expect(wrongKey.status).toBe(401);

    const busy = runRebound(["account", "create", "--name", "Second"], env);
    expect(busy.code).toBe(1);
    expect(busy.stderr).toContain("is in use by process");

    expect(await server.stop("SIGTERM")).toBe(0);
    masterKey = readFileSync(join(dataDir, "master.key"), "utf8");
    expect(statSync(join(dataDir, "master.key")).mode & 0o777).toBe(0o600);
  });

  it("a restart on the same data directory keeps the account, profile and master key", async () => {
    expect(profileId).not.toBe("");
    const server = await startRebound(["--port", "0"], env);
    running.push(server);
    expect(server.stdout()).not.toContain("First start");

    const fetched = await callApi(
      `${server.url}/v1/${account.sid}/callback/profiles/${profileId}`,
      account.apiKey,
    );
    expect(fetched.status).toBe(200);
    expect(readFileSync(join(dataDir, "master.key"), "utf8")).toBe(masterKey);

    expect(await server.stop("SIGINT")).toBe(0);
  });
});
