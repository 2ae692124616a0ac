import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type BunProcess, spawnBun } from "./bun-process.ts";

const CLI = fileURLToPath(new URL("../src/rebound.ts", import.meta.url));

export interface DispatcherProcess extends BunProcess {
  /** Peak resident memory so far (VmHWM), in MB. */
  peakRssMb(): number;
}

/** Starts `rebound start --role dispatcher` on the given database and waits for it to run. */
export async function spawnDispatcher(
  databaseUrl: string,
  masterKey: string,
  concurrency: number,
): Promise<DispatcherProcess> {
  // BENCH_CPU_PROFILE_DIR=dir writes a Bun CPU profile (markdown) of the dispatcher on exit.
  const profileDir = process.env.BENCH_CPU_PROFILE_DIR;
  const profiling = profileDir ? ["--cpu-prof-md", "--cpu-prof-dir", profileDir] : [];
  const dispatcher = await spawnBun({
    args: [...profiling, CLI, "start", "--role", "dispatcher", "--port", "0"],
    env: {
      DATABASE_URL: databaseUrl,
      REBOUND_MASTER_KEY: masterKey,
      REBOUND_ALLOW_PRIVATE_TARGETS: "127.0.0.0/8",
      REBOUND_CONCURRENCY: String(concurrency),
    },
    readyText: "dispatcher running",
    startTimeoutMs: 60_000,
    killAfterMs: 20_000,
  });
  return {
    ...dispatcher,
    peakRssMb: () => {
      const status = readFileSync(`/proc/${dispatcher.pid}/status`, "utf8");
      const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? "0");
      return kb / 1024;
    },
  };
}
