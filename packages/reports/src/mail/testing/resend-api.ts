import { createServer, type IncomingHttpHeaders } from "node:http";

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface ScriptedResponse {
  /** Never answer (a hung API); the connection is dropped on close. */
  hang?: boolean;
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface ResendApiStub {
  /** Pass as `baseUrl` (what `RESEND_BASE_URL` sets). */
  baseUrl: string;
  requests: RecordedRequest[];
  /** Responses for the next requests, in order; afterwards 200 `{ id }`. */
  respondWith(...responses: ScriptedResponse[]): void;
  close(): Promise<void>;
}

/** A local HTTP server standing in for the Resend API: records requests, answers as scripted. */
export async function startResendApiStub(): Promise<ResendApiStub> {
  const requests: RecordedRequest[] = [];
  const queue: ScriptedResponse[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      requests.push({
        method: request.method ?? "",
        path: request.url ?? "",
        headers: request.headers,
        body: text === "" ? null : JSON.parse(text),
      });
      const next = queue.shift() ?? {
        status: 200,
        body: { id: `email-${String(requests.length).padStart(4, "0")}` },
      };
      if (next.hang) return;
      response.writeHead(next.status, { "Content-Type": "application/json", ...next.headers });
      response.end(typeof next.body === "string" ? next.body : JSON.stringify(next.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("stub has no port");
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    requests,
    respondWith: (...responses) => queue.push(...responses),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
