import { type BunServeOptions, bunServe } from "./bun-serve.ts";

export interface ApiServerOptions {
  fetch: BunServeOptions["fetch"];
  host: string;
  /** 0 = any free port. */
  port: number;
  /** How long in-flight requests may run after shutdown starts. */
  shutdownTimeoutMs?: number;
}

export interface ApiServer {
  /** With the real port, e.g. `http://127.0.0.1:3000`. */
  url: string;
  /** Stops accepting, lets in-flight requests finish until the deadline, then drops the rest. */
  shutdown(): Promise<void>;
}

function urlHost(host: string): string {
  return host.includes(":") ? `[${host}]` : host;
}

/** Serves the API with Bun's HTTP server. */
export function startApiServer(options: ApiServerOptions): ApiServer {
  const server = bunServe({ fetch: options.fetch, port: options.port, hostname: options.host });
  const timeoutMs = options.shutdownTimeoutMs ?? 10_000;
  let stopping: Promise<void> | null = null;
  const stop = async () => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), timeoutMs);
    });
    const outcome = await Promise.race([server.stop(), deadline]);
    clearTimeout(timer);
    if (outcome === "timeout") await server.stop(true);
  };
  return {
    url: `http://${urlHost(options.host)}:${server.port}`,
    shutdown: () => {
      stopping ??= stop();
      return stopping;
    },
  };
}
