// End to end under Bun: `rebound start` serves the built web console (packages/web/dist) at `/`
// on the API's own origin, with the API, /healthz and /openapi.json unchanged beside it.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callApi } from "../testing/api-client.ts";
import {
  type EmbeddedRebound,
  removeDataDir,
  startEmbedded,
  tempDataDir,
} from "../testing/embedded-rebound.ts";
import { WEB_BUILD_COMMAND, webConsoleDir } from "../web-assets.ts";

describe("rebound start serves the web console (embedded, under Bun)", () => {
  const dataDir = tempDataDir("web-console");
  let running: EmbeddedRebound;

  beforeAll(async () => {
    // turbo builds @rebound/web before the tools tests; by hand: WEB_BUILD_COMMAND.
    if (!existsSync(join(webConsoleDir(), "index.html"))) {
      throw new Error(`the web console is not built: run ${WEB_BUILD_COMMAND}`);
    }
    running = await startEmbedded(dataDir);
  });
  afterAll(() => {
    running?.rebound.kill();
    removeDataDir(dataDir);
  });

  it("serves the console's page at / and at its own paths, with its assets", async () => {
    const url = running.rebound.url;
    expect(running.rebound.stdout()).toContain(`Web console on ${url}/`);
    const built = readFileSync(join(webConsoleDir(), "index.html"), "utf8");
    for (const path of ["/", "/profiles", "/profiles/new", "/notification"]) {
      const page = await fetch(`${url}${path}`);
      expect(page.status, path).toBe(200);
      expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(await page.text()).toBe(built);
    }
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(built)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${url}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(asset.headers.get("cache-control")).toContain("immutable");
    expect((await fetch(`${url}/assets/missing-0000.js`)).status).toBe(404);
  });

  it("keeps the API, health, OpenAPI and metrics routes as they were", async () => {
    const url = running.rebound.url;
    const account = await callApi(`${running.api.base}/account`, running.credentials.apiKey);
    expect(account.status).toBe(200);
    expect(account.body.message).toBe("Account fetched successfully");
    const unknownApi = await fetch(`${url}/v1/${running.credentials.sid}/nowhere`, {
      headers: { "api-key": running.credentials.apiKey },
    });
    expect(unknownApi.status).toBe(404);
    expect(unknownApi.headers.get("content-type")).toContain("application/json");
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const openApi = (await (await fetch(`${url}/openapi.json`)).json()) as { openapi: string };
    expect(openApi.openapi).toBe("3.1.0");
    expect(await (await fetch(`${url}/metrics`)).text()).toContain("# TYPE");
  });
});
