import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalServer } from "./testing/local-server.ts";
import { startLocalServer } from "./testing/local-server.ts";
import { Pool } from "./undici.ts";

let server: LocalServer;

beforeAll(async () => {
  server = await startLocalServer((request, response) => response.end(`got ${request.url}`));
});

afterAll(async () => {
  await server.close();
});

describe("the undici module", () => {
  it("is the real undici package, whose Pool sends a real request", async () => {
    const pool = new Pool(server.origin, { connections: 1 });
    try {
      const response = await pool.request({ method: "GET", path: "/proof" });

      // Bun's built-in "undici" stub returns undefined here instead of a response.
      expect(response?.statusCode).toBe(200);
      expect(await response.body.text()).toBe("got /proof");
      expect(server.requests.map((request) => request.url)).toContain("/proof");
    } finally {
      await pool.close();
    }
  });

  it.runIf(typeof process.versions.bun === "string")(
    "differs from what the bare specifier gives under Bun",
    async () => {
      // Loads Bun's built-in stub on purpose, to prove the transport does not use it.
      const bareSpecifier = "undici";
      const bare = await import(bareSpecifier);

      expect(bare.Pool).not.toBe(Pool);
    },
  );
});
