import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWebAssets, isApiPath, WEB_BUILD_COMMAND, withWebConsole } from "./web-assets.ts";

const INDEX = '<!doctype html><div id="root"></div><script src="/assets/app-1a2b.js"></script>';

describe("createWebAssets", () => {
  const base = mkdtempSync(join(tmpdir(), "rebound-web-"));
  const dist = join(base, "dist");
  const serve = createWebAssets(dist);
  const get = (path: string, method = "GET") =>
    serve(new Request(`http://127.0.0.1${path}`, { method }));

  beforeAll(() => {
    mkdirSync(join(dist, "assets"), { recursive: true });
    writeFileSync(join(dist, "index.html"), INDEX);
    writeFileSync(join(dist, "assets", "app-1a2b.js"), "console.log(1);");
    writeFileSync(join(dist, "assets", "app-1a2b.css"), "body{}");
    writeFileSync(join(dist, "robots.txt"), "User-agent: *");
    writeFileSync(join(base, "secret.txt"), "outside the dist folder");
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it("serves index.html at / with security headers and revalidation", async () => {
    const response = await get("/");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-cache");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(await response.text()).toBe(INDEX);
  });

  it("serves hashed assets with their content type, cached for a year", async () => {
    const script = await get("/assets/app-1a2b.js");
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(script.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(await script.text()).toBe("console.log(1);");
    const style = await get("/assets/app-1a2b.css");
    expect(style.headers.get("content-type")).toBe("text/css; charset=utf-8");
    const robots = await get("/robots.txt");
    expect(robots.headers.get("cache-control")).toBe("no-cache");
  });

  it("answers the console's own paths with index.html (history routing)", async () => {
    for (const path of ["/profiles", "/profiles/IN_1/deliveries?page=2", "/notification"]) {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(INDEX);
    }
  });

  it("answers 404 for a missing asset or file, not the page", async () => {
    expect((await get("/assets/old-9z9z.js")).status).toBe(404);
    expect((await get("/favicon.ico")).status).toBe(404);
  });

  it("refuses paths that leave the folder, however they are spelled", async () => {
    for (const path of [
      "/../secret.txt",
      "/%2e%2e/secret.txt",
      "/assets/..%2f..%2fsecret.txt",
      "/assets%5c..%5c..%5csecret.txt",
      "/%00index.html",
      "/%E0%A4%A",
    ]) {
      const response = await get(path);
      const body = await response.text();
      expect(body, path).not.toContain("outside the dist folder");
      expect([400, 404], path).toContain(response.status);
    }
  });

  it("answers HEAD without a body and other methods with 405", async () => {
    const head = await get("/assets/app-1a2b.js", "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(await head.text()).toBe("");
    expect((await get("/", "DELETE")).status).toBe(405);
  });

  it("answers 503 with the build command when the console is not built", async () => {
    const missing = createWebAssets(join(base, "nowhere"));
    const response = await missing(new Request("http://127.0.0.1/"));
    expect(response.status).toBe(503);
    expect(await response.text()).toBe(`web console not built: run ${WEB_BUILD_COMMAND}`);
  });
});

describe("withWebConsole", () => {
  const seen: string[] = [];
  const api = (request: Request) => {
    seen.push(`api ${request.method} ${new URL(request.url).pathname}`);
    return new Response("api");
  };
  const web = (request: Request) => {
    seen.push(`web ${request.method} ${new URL(request.url).pathname}`);
    return new Response("web");
  };
  const fetch = withWebConsole(api, web);

  it("keeps the API's paths and non-GET requests on the API, pages on the console", async () => {
    const calls: [string, string][] = [
      ["GET", "/"],
      ["GET", "/profiles/new"],
      ["HEAD", "/assets/x.js"],
      ["GET", "/v1/RB1/callback/profiles"],
      ["GET", "/v1"],
      ["GET", "/healthz"],
      ["GET", "/openapi.json"],
      ["GET", "/metrics"],
      ["POST", "/"],
      ["GET", "/v1x"],
    ];
    for (const [method, path] of calls) {
      await fetch(new Request(`http://127.0.0.1${path}`, { method }));
    }
    expect(seen).toEqual([
      "web GET /",
      "web GET /profiles/new",
      "web HEAD /assets/x.js",
      "api GET /v1/RB1/callback/profiles",
      "api GET /v1",
      "api GET /healthz",
      "api GET /openapi.json",
      "api GET /metrics",
      "api POST /",
      "web GET /v1x",
    ]);
    expect(isApiPath("/v1/")).toBe(true);
  });
});
