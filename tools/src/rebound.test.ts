import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const bun = `${root}node_modules/.bin/bun`;

function rebound(...args: string[]) {
  const result = spawnSync(bun, ["tools/src/rebound.ts", ...args], {
    cwd: root,
    encoding: "utf8",
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("rebound CLI under Bun", () => {
  it("start validates the seed's sample profile and prints a signed, encrypted request", () => {
    const { code, stdout, stderr } = rebound("start");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("the seed's sample profile is valid");
    expect(stdout).toMatch(/^PUT https:\/\/webhook\.site\/.+\?number=/m);
    expect(stdout).toMatch(/^webhook-signature: v1,[A-Za-z0-9+/=]+$/m);
    expect(stdout).toContain("decrypt(phone) = +919900000000");
    expect(stdout).toContain('"formatted_address":"1 MG Road, Pune"');
  });

  it("refuses unknown commands with usage and exit code 2", () => {
    const { code, stderr } = rebound("launch");
    expect(code).toBe(2);
    expect(stderr).toContain("unknown command 'launch'");
  });

  it("prints help", () => {
    const { code, stdout } = rebound("help");
    expect(code).toBe(0);
    expect(stdout).toContain("usage: rebound");
  });
});
