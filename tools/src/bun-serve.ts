/** The part of Bun's HTTP server Rebound uses (the tools package has no Bun type definitions). */
export interface BunServer {
  readonly port: number;
  /** Stops accepting; resolves when in-flight requests finish, or at once with `true`. */
  stop(closeActiveConnections?: boolean): Promise<void>;
}

export interface BunServeOptions {
  fetch(request: Request): Response | Promise<Response>;
  port: number;
  hostname: string;
}

interface BunRuntime {
  serve(options: BunServeOptions): BunServer;
}

/** `Bun.serve`, or a clear error when this runs under another runtime. */
export function bunServe(options: BunServeOptions): BunServer {
  const runtime = (globalThis as { Bun?: BunRuntime }).Bun;
  if (runtime === undefined) throw new Error("rebound start must run under Bun (bun rebound.ts)");
  return runtime.serve(options);
}
