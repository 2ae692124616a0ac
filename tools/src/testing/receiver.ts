import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface ReceivedRequest {
  /** `Date.now()` when the request head arrived. */
  receivedAtMs: number;
  method: string;
  /** Path and query. */
  path: string;
  headers: Record<string, string>;
  body: string;
  /** `Date.now()` when the reply was sent; null while pending or when it never was. */
  repliedAtMs: number | null;
  /** True when the sender gave up (closed the connection) before any reply. */
  abandoned: boolean;
}

/** A reply, optionally after a delay; or `"hang"`: never answer (a timing-out endpoint). */
export type ReceiverReply =
  | { status: number; headers?: Record<string, string>; body?: string; delayMs?: number }
  | "hang";

export interface Receiver {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  requests: ReceivedRequest[];
  /** The replies for the next requests to `path` (path and query, exact), in order. */
  script(path: string, ...replies: ReceiverReply[]): void;
  /** The requests made to `path`, in arrival order. */
  to(path: string): ReceivedRequest[];
  /** TCP connections accepted so far. */
  connectionCount(): number;
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1, port 0, that records every request and answers from per-path
 * scripts, else with `fallback` (200 by default).
 */
export async function startReceiver(
  fallback: (request: ReceivedRequest) => ReceiverReply = () => ({ status: 200 }),
): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const scripts = new Map<string, ReceiverReply[]>();
  const sockets = new Set<Socket>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let connections = 0;

  function answer(request: ReceivedRequest, response: ServerResponse, reply: ReceiverReply): void {
    if (reply === "hang") return;
    const send = () => {
      if (response.destroyed) return;
      request.repliedAtMs = Date.now();
      response.writeHead(reply.status, reply.headers ?? {});
      response.end(reply.body ?? "");
    };
    if (reply.delayMs === undefined) {
      send();
      return;
    }
    const timer = setTimeout(() => {
      timers.delete(timer);
      send();
    }, reply.delayMs);
    timers.add(timer);
  }

  const server = createServer((incoming: IncomingMessage, response: ServerResponse) => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(incoming.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
    }
    const request: ReceivedRequest = {
      receivedAtMs: Date.now(),
      method: incoming.method ?? "",
      path: incoming.url ?? "",
      headers,
      body: "",
      repliedAtMs: null,
      abandoned: false,
    };
    requests.push(request);
    response.on("close", () => {
      if (request.repliedAtMs === null) request.abandoned = true;
    });
    incoming.setEncoding("utf8");
    incoming.on("data", (chunk: string) => {
      request.body += chunk;
    });
    incoming.on("end", () => {
      const reply = scripts.get(request.path)?.shift() ?? fallback(request);
      answer(request, response, reply);
    });
  });
  server.on("connection", (socket: Socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    script(path, ...replies) {
      scripts.set(path, [...(scripts.get(path) ?? []), ...replies]);
    },
    to: (path) => requests.filter((request) => request.path === path),
    connectionCount: () => connections,
    close() {
      for (const timer of timers) clearTimeout(timer);
      // Hanging and keep-alive connections would hold close() open.
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
