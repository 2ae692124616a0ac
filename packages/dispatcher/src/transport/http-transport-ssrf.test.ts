import type { Cidr } from "@rebound/core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createHttpTransport } from "./http-transport.ts";
import type { LocalServer } from "./testing/local-server.ts";
import { startLocalServer } from "./testing/local-server.ts";
import { callbackRequest, cidrs } from "./testing/requests.ts";
import type { Transport } from "./transport.ts";

let server: LocalServer;
let ipv6Server: LocalServer;
const transports: Transport[] = [];
const lookups: string[] = [];

function transport(allow: Cidr[], answers?: string[] | Error) {
  const created = createHttpTransport({
    allowPrivate: allow,
    lookup: async (hostname) => {
      lookups.push(hostname);
      if (answers === undefined) throw new Error(`unexpected lookup of ${hostname}`);
      if (answers instanceof Error) throw answers;
      return answers;
    },
  });
  transports.push(created);
  return created;
}

beforeAll(async () => {
  server = await startLocalServer((_request, response) => response.end("reached"));
  ipv6Server = await startLocalServer((_request, response) => response.end("reached"), "::1");
});

afterEach(async () => {
  await Promise.all(transports.splice(0).map((created) => created.close()));
  lookups.length = 0;
});

afterAll(async () => {
  await Promise.all([server.close(), ipv6Server.close()]);
});

describe("createHttpTransport SSRF guard", () => {
  it("refuses 127.0.0.1 without an allow-list and opens no connection", async () => {
    const before = server.connectionCount();

    const result = await transport([]).send(callbackRequest(`${server.origin}/`));

    expect(result).toMatchObject({ kind: "error", errorClass: "ssrf" });
    if (result.kind === "error") expect(result.message).toContain("127.0.0.1 is a loopback");
    expect(server.connectionCount()).toBe(before);
  });

  it("sends to 127.0.0.1 when 127.0.0.0/8 is allowed", async () => {
    const result = await transport(cidrs("127.0.0.0/8")).send(callbackRequest(`${server.origin}/`));

    expect(result).toMatchObject({ kind: "response", statusCode: 200, body: "reached" });
  });

  it.each([
    ["decimal", (port: number) => `http://2130706433:${port}/`],
    ["hex", (port: number) => `http://0x7f000001:${port}/`],
    ["short hex", (port: number) => `http://0x7f.1:${port}/`],
    ["octal", (port: number) => `http://0177.0.0.1:${port}/`],
    ["IPv4-mapped IPv6", (port: number) => `http://[::ffff:127.0.0.1]:${port}/`],
  ])("refuses a %s IPv4 literal without DNS or a connection", async (_name, url) => {
    const before = server.connectionCount();

    const result = await transport([]).send(callbackRequest(url(server.port)));

    expect(result).toMatchObject({ kind: "error", errorClass: "ssrf" });
    expect(lookups).toEqual([]);
    expect(server.connectionCount()).toBe(before);
  });

  it.each([["localhost"], ["api.localhost"], ["LOCALHOST."]])(
    "refuses %s without asking DNS",
    async (hostname) => {
      const before = server.connectionCount();

      const result = await transport([]).send(
        callbackRequest(`http://${hostname}:${server.port}/`),
      );

      expect(result).toMatchObject({ kind: "error", errorClass: "ssrf" });
      expect(lookups).toEqual([]);
      expect(server.connectionCount()).toBe(before);
    },
  );

  it("sends to localhost over 127.0.0.1 when loopback is allowed, without DNS", async () => {
    const result = await transport(cidrs("127.0.0.0/8")).send(
      callbackRequest(`http://localhost:${server.port}/`),
    );

    expect(result).toMatchObject({ kind: "response", statusCode: 200 });
    expect(lookups).toEqual([]);
    expect(server.requests.at(-1)?.headers.host).toBe(`localhost:${server.port}`);
  });

  it("allows ::1 only through ::1/128", async () => {
    const url = `${ipv6Server.origin}/`;

    const refused = await transport(cidrs("127.0.0.0/8")).send(callbackRequest(url));
    const allowed = await transport(cidrs("::1/128")).send(callbackRequest(url));

    expect(refused).toMatchObject({ kind: "error", errorClass: "ssrf" });
    expect(allowed).toMatchObject({ kind: "response", statusCode: 200, body: "reached" });
  });

  it.each<[string, string[], string]>([
    ["a private address", ["10.0.0.1"], ""],
    ["one loopback address among public ones", ["127.0.0.1", "8.8.8.8"], ""],
    ["an address outside the allow-list", ["127.0.0.1", "10.0.0.1"], "127.0.0.0/8"],
    ["a cloud metadata address", ["169.254.169.254"], "127.0.0.0/8"],
  ])("refuses a hostname resolving to %s without a connection", async (_name, answers, allow) => {
    const before = server.connectionCount();

    const result = await transport(cidrs(allow), answers).send(
      callbackRequest(`http://hooks.example.test:${server.port}/`),
    );

    expect(result).toMatchObject({ kind: "error", errorClass: "ssrf" });
    expect(lookups).toEqual(["hooks.example.test"]);
    expect(server.connectionCount()).toBe(before);
  });

  it("connects a checked hostname to its checked address and keeps the name as Host", async () => {
    const result = await transport(cidrs("127.0.0.0/8"), ["127.0.0.1"]).send(
      callbackRequest(`http://hooks.example.test:${server.port}/path`),
    );

    expect(result).toMatchObject({ kind: "response", statusCode: 200 });
    expect(server.requests.at(-1)?.headers.host).toBe(`hooks.example.test:${server.port}`);
  });

  it("reuses a checked lookup for new connections within its TTL", async () => {
    const closing = await startLocalServer((_request, response) => {
      response.setHeader("Connection", "close");
      response.end("bye");
    });
    try {
      const sender = transport(cidrs("127.0.0.0/8"), ["127.0.0.1"]);
      for (let index = 0; index < 5; index++) {
        const result = await sender.send(
          callbackRequest(`http://hooks.example.test:${closing.port}/`),
        );
        expect(result).toMatchObject({ kind: "response", statusCode: 200 });
      }

      expect(closing.connectionCount()).toBe(5);
      expect(lookups).toEqual(["hooks.example.test"]);
    } finally {
      await closing.close();
    }
  });

  it("reports a failed lookup as a dns error", async () => {
    const notFound = Object.assign(new Error("getaddrinfo ENOTFOUND nowhere.test"), {
      code: "ENOTFOUND",
    });

    const result = await transport([], notFound).send(callbackRequest("http://nowhere.test/"));

    expect(result).toMatchObject({ kind: "error", errorClass: "dns" });
    if (result.kind === "error") expect(result.message).toContain("ENOTFOUND");
  });

  it("reports a lookup slower than the connect timeout as a dns error", async () => {
    const created = createHttpTransport({
      allowPrivate: [],
      connectTimeoutMs: 100,
      lookup: () => new Promise<string[]>(() => {}),
    });
    transports.push(created);

    const result = await created.send(callbackRequest("http://slow-dns.test/"));

    expect(result).toMatchObject({ kind: "error", errorClass: "dns" });
    expect(result.durationMs).toBeLessThan(1_000);
  });

  it("refuses URLs that are not http or https", async () => {
    const result = await transport([]).send(callbackRequest("file:///etc/passwd"));

    expect(result).toMatchObject({ kind: "error", errorClass: "ssrf" });
  });
});
