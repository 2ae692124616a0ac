import type { IncomingHttpHeaders, ServerResponse } from "node:http";
import { createServer } from "node:http";
import type { Socket } from "node:net";

export interface RecordedRequest {
  method: string;
  /** Path and query as sent. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type LocalHandler = (request: RecordedRequest, response: ServerResponse) => void;

export interface LocalServer {
  /** `http://host:port` (IPv6 hosts in brackets). */
  origin: string;
  port: number;
  requests: RecordedRequest[];
  /** TCP connections accepted so far. */
  connectionCount(): number;
  /** TCP connections currently open. */
  openConnectionCount(): number;
  close(): Promise<void>;
}

/**
 * A real HTTP server on a loopback port 0 for transport tests. It records each request (with its
 * full body) before `handler` answers; `close()` destroys connections the handler left hanging.
 */
export async function startLocalServer(
  handler: LocalHandler,
  host: "127.0.0.1" | "::1" = "127.0.0.1",
): Promise<LocalServer> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;
  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      const request: RecordedRequest = {
        method: incoming.method ?? "",
        url: incoming.url ?? "",
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(request);
      handler(request, response);
    });
  });
  server.on("connection", (socket: Socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, host, () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("server has no port");
  const origin = host === "::1" ? `http://[::1]:${address.port}` : `http://${host}:${address.port}`;
  return {
    origin,
    port: address.port,
    requests,
    connectionCount: () => connections,
    openConnectionCount: () => sockets.size,
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A loopback port with nothing listening on it. */
export async function closedPort(): Promise<number> {
  const server = await startLocalServer(() => {});
  await server.close();
  return server.port;
}

/** Waits until `condition` holds, checking every 10 ms for at most `timeoutMs`. */
export async function waitFor(condition: () => boolean, timeoutMs = 2_000): Promise<boolean> {
  for (let waited = 0; waited < timeoutMs; waited += 10) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return condition();
}
