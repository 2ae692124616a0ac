import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createHttpTransport } from "./http-transport.ts";
import type { HttpTransportOptions, Transport } from "./index.ts";
import type { LocalServer } from "./testing/local-server.ts";
import { closedPort, startLocalServer, waitFor } from "./testing/local-server.ts";
import { callbackRequest, cidrs } from "./testing/requests.ts";

const LOOPBACK = cidrs("127.0.0.0/8");

let server: LocalServer;
let otherServer: LocalServer;
const transports: Transport[] = [];

function transport(options: Partial<HttpTransportOptions> = {}): Transport {
  const created = createHttpTransport({ allowPrivate: LOOPBACK, ...options });
  transports.push(created);
  return created;
}

beforeAll(async () => {
  otherServer = await startLocalServer((_request, response) => response.end("other"));
  server = await startLocalServer((request, response) => {
    const path = request.url.split("?")[0];
    switch (path) {
      case "/ok":
        response.setHeader("X-Custom", "yes");
        response.end("hello é");
        return;
      case "/large":
        response.end("a".repeat(10_000));
        return;
      case "/utf8":
        response.end("é".repeat(3_000));
        return;
      case "/huge":
        response.end("b".repeat(2_000_000));
        return;
      case "/repeated":
        response.setHeader("X-Multi", ["one", "two"]);
        response.setHeader("Set-Cookie", ["a=1", "b=2"]);
        response.end();
        return;
      case "/redirect":
        response.writeHead(302, { Location: `${otherServer.origin}/landing` });
        response.end();
        return;
      case "/error":
        response.writeHead(500, { "Content-Type": "text/plain" });
        response.end("boom");
        return;
      case "/hang":
        return; // never answers
      case "/slow-body":
        response.writeHead(200);
        response.write("partial"); // never ends
        return;
      default:
        response.writeHead(404);
        response.end();
    }
  });
});

afterEach(async () => {
  await Promise.all(transports.splice(0).map((created) => created.close()));
});

afterAll(async () => {
  await Promise.all([server.close(), otherServer.close()]);
});

describe("createHttpTransport responses", () => {
  it("returns the status, lower-case headers and body, and sends the request as given", async () => {
    const result = await transport().send(
      callbackRequest(`${server.origin}/ok?x=1&y=%20`, { headers: { "X-Token": "t1" } }),
    );

    expect(result).toMatchObject({ kind: "response", statusCode: 200, body: "hello é" });
    if (result.kind !== "response") return;
    expect(result.headers["x-custom"]).toBe("yes");
    expect(result.headers["content-length"]).toBe("8");
    expect(Number.isInteger(result.durationMs)).toBe(true);
    const received = server.requests.at(-1);
    expect(received).toMatchObject({
      method: "POST",
      url: "/ok?x=1&y=%20",
      body: '{"event":"SMS-sent"}',
    });
    expect(received?.headers["x-token"]).toBe("t1");
    expect(received?.headers.host).toBe(`127.0.0.1:${server.port}`);
  });

  it("sends a GET without a body", async () => {
    const result = await transport().send(
      callbackRequest(`${server.origin}/ok`, { method: "GET", body: null, headers: {} }),
    );

    expect(result).toMatchObject({ kind: "response", statusCode: 200 });
    expect(server.requests.at(-1)).toMatchObject({ method: "GET", body: "" });
  });

  it("keeps the first 4096 bytes of a longer body and reuses the drained connection", async () => {
    const sender = transport();
    const before = server.connectionCount();

    const first = await sender.send(callbackRequest(`${server.origin}/large`));
    const second = await sender.send(callbackRequest(`${server.origin}/ok`));

    expect(first).toMatchObject({ kind: "response", statusCode: 200, body: "a".repeat(4096) });
    expect(second).toMatchObject({ kind: "response", statusCode: 200 });
    expect(server.connectionCount() - before).toBe(1);
  });

  it("cuts a truncated body before a split UTF-8 character", async () => {
    const result = await transport({ maxResponseBodyBytes: 4095 }).send(
      callbackRequest(`${server.origin}/utf8`),
    );

    expect(result).toMatchObject({ kind: "response", body: "é".repeat(2047) });
  });

  it("returns what it has and drops the connection when a body exceeds the drain limit", async () => {
    const sender = transport({ maxDrainBytes: 65_536 });
    const before = server.connectionCount();

    const first = await sender.send(callbackRequest(`${server.origin}/huge`));
    const second = await sender.send(callbackRequest(`${server.origin}/ok`));

    expect(first).toMatchObject({ kind: "response", statusCode: 200, body: "b".repeat(4096) });
    expect(second).toMatchObject({ kind: "response", statusCode: 200 });
    // The oversized response's connection was dropped, so the next send needed a new one.
    expect(server.connectionCount() - before).toBeGreaterThanOrEqual(2);
  });

  it("joins repeated headers with a comma", async () => {
    const result = await transport().send(callbackRequest(`${server.origin}/repeated`));

    expect(result.kind).toBe("response");
    if (result.kind !== "response") return;
    expect(result.headers["x-multi"]).toBe("one, two");
    expect(result.headers["set-cookie"]).toBe("a=1, b=2");
  });

  it("returns a 3xx as a response without following the redirect", async () => {
    const result = await transport().send(callbackRequest(`${server.origin}/redirect`));

    expect(result).toMatchObject({ kind: "response", statusCode: 302 });
    if (result.kind !== "response") return;
    expect(result.headers.location).toBe(`${otherServer.origin}/landing`);
    expect(otherServer.requests).toHaveLength(0);
    expect(otherServer.connectionCount()).toBe(0);
  });

  it("returns a 500 as a response with its body", async () => {
    const result = await transport().send(callbackRequest(`${server.origin}/error`));

    expect(result).toMatchObject({ kind: "response", statusCode: 500, body: "boom" });
  });
});

describe("createHttpTransport failures", () => {
  it("times out a server that never answers", async () => {
    const result = await transport({ totalTimeoutMs: 300 }).send(
      callbackRequest(`${server.origin}/hang`),
    );

    expect(result).toMatchObject({ kind: "error", errorClass: "timeout" });
    expect(result.durationMs).toBeGreaterThanOrEqual(290);
    expect(result.durationMs).toBeLessThan(2_000);
  });

  it("times out a body that never ends", async () => {
    const result = await transport({ totalTimeoutMs: 300 }).send(
      callbackRequest(`${server.origin}/slow-body`),
    );

    expect(result).toMatchObject({ kind: "error", errorClass: "timeout" });
  });

  it("reports a refused connection as a connect error", async () => {
    const port = await closedPort();

    const result = await transport().send(callbackRequest(`http://127.0.0.1:${port}/`));

    expect(result).toMatchObject({ kind: "error", errorClass: "connect" });
  });

  it("reports an address that cannot be reached in time as a connect error", async () => {
    const sender = transport({
      allowPrivate: cidrs("192.0.2.0/24"),
      connectTimeoutMs: 200,
      totalTimeoutMs: 2_000,
      lookup: async () => ["192.0.2.1"],
    });

    const result = await sender.send(callbackRequest("http://unreachable.test/"));

    expect(result).toMatchObject({ kind: "error", errorClass: "connect" });
    expect(result.durationMs).toBeLessThan(1_500);
  });

  it("reports a failed TLS handshake as a tls error", async () => {
    const result = await transport().send(callbackRequest(`https://127.0.0.1:${server.port}/ok`));

    expect(result).toMatchObject({ kind: "error", errorClass: "tls" });
  });

  it("reports a connection reset mid-response as a network error", async () => {
    const resetting = await startLocalServer((_request, response) => {
      response.writeHead(200, { "Content-Length": "100" });
      response.write("short");
      setTimeout(() => response.socket?.destroy(), 20);
    });
    try {
      const result = await transport().send(callbackRequest(`${resetting.origin}/`));

      expect(result).toMatchObject({ kind: "error", errorClass: "network" });
    } finally {
      await resetting.close();
    }
  });
});

describe("createHttpTransport connections", () => {
  it("sends 20 sequential requests over one keep-alive connection", async () => {
    const sender = transport();
    const before = server.connectionCount();

    for (let index = 0; index < 20; index++) {
      const result = await sender.send(callbackRequest(`${server.origin}/ok?n=${index}`));
      expect(result).toMatchObject({ kind: "response", statusCode: 200 });
    }

    expect(server.connectionCount() - before).toBe(1);
  });

  it("close() closes the pooled connections and later sends fail", async () => {
    const sender = transport();
    await sender.send(callbackRequest(`${server.origin}/ok`));
    expect(server.openConnectionCount()).toBeGreaterThan(0);

    await sender.close();

    expect(await waitFor(() => server.openConnectionCount() === 0)).toBe(true);
    const after = await sender.send(callbackRequest(`${server.origin}/ok`));
    expect(after).toMatchObject({ kind: "error", errorClass: "network" });
    await sender.close(); // a second close is harmless
  });

  it("closes the pool of an origin unused for poolIdleTimeoutMs", async () => {
    const sender = transport({ poolIdleTimeoutMs: 50 });
    await sender.send(callbackRequest(`${server.origin}/ok`));

    expect(await waitFor(() => server.openConnectionCount() === 0)).toBe(true);
    const again = await sender.send(callbackRequest(`${server.origin}/ok`));
    expect(again).toMatchObject({ kind: "response", statusCode: 200 });
  });
});
