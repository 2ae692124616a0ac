import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const BUN = fileURLToPath(new URL("../../node_modules/bun/bin/bun.exe", import.meta.url));

export interface BunProcess {
  pid: number;
  /** SIGTERM, then SIGKILL if it has not exited after `killAfterMs`. */
  stop(): Promise<void>;
}

export interface SpawnBunOptions {
  args: string[];
  env: Record<string, string>;
  /** Text the process prints on stdout once it is ready. */
  readyText: string;
  startTimeoutMs: number;
  killAfterMs: number;
}

/** Starts a Bun process (stderr shared with ours) and resolves once it prints `readyText`. */
export function spawnBun(options: SpawnBunOptions): Promise<BunProcess> {
  const child: ChildProcess = spawn(BUN, options.args, {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, ...options.env },
  });
  const pid = child.pid ?? 0;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${options.readyText}: not ready in ${options.startTimeoutMs} ms`)),
      options.startTimeoutMs,
    );
    child.stdout?.on("data", (chunk: Buffer) => {
      if (!chunk.toString().includes(options.readyText)) return;
      clearTimeout(timer);
      resolve({
        pid,
        stop: () =>
          new Promise((done) => {
            const kill = setTimeout(() => child.kill("SIGKILL"), options.killAfterMs);
            child.once("exit", () => {
              clearTimeout(kill);
              done();
            });
            child.kill("SIGTERM");
          }),
      });
    });
    child.once("exit", (code) => reject(new Error(`process exited with ${code}`)));
  });
}
