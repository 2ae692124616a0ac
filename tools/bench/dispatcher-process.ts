import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const BUN = fileURLToPath(new URL("../../node_modules/bun/bin/bun.exe", import.meta.url));
const CLI = fileURLToPath(new URL("../src/rebound.ts", import.meta.url));

export interface DispatcherProcess {
  pid: number;
  /** Peak resident memory so far (VmHWM), in MB. */
  peakRssMb(): number;
  stop(): Promise<void>;
}

/** Starts `rebound start --role dispatcher` on the given database and waits for it to run. */
export function spawnDispatcher(
  databaseUrl: string,
  masterKey: string,
  concurrency: number,
): Promise<DispatcherProcess> {
  // BENCH_CPU_PROFILE_DIR=dir writes a Bun CPU profile (markdown) of the dispatcher on exit.
  const profileDir = process.env.BENCH_CPU_PROFILE_DIR;
  const profiling = profileDir ? ["--cpu-prof-md", "--cpu-prof-dir", profileDir] : [];
  const args = [...profiling, CLI, "start", "--role", "dispatcher", "--port", "0"];
  const child: ChildProcess = spawn(BUN, args, {
    stdio: ["ignore", "pipe", "inherit"],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      REBOUND_MASTER_KEY: masterKey,
      REBOUND_ALLOW_PRIVATE_TARGETS: "127.0.0.0/8",
      REBOUND_CONCURRENCY: String(concurrency),
    },
  });
  const pid = child.pid ?? 0;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("dispatcher did not start in 60 s")), 60_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      if (!chunk.toString().includes("dispatcher running")) return;
      clearTimeout(timer);
      resolve({
        pid,
        peakRssMb: () => {
          const status = readFileSync(`/proc/${pid}/status`, "utf8");
          const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? "0");
          return kb / 1024;
        },
        stop: () =>
          new Promise((done) => {
            const kill = setTimeout(() => child.kill("SIGKILL"), 20_000);
            child.once("exit", () => {
              clearTimeout(kill);
              done();
            });
            child.kill("SIGTERM");
          }),
      });
    });
    child.once("exit", (code) => reject(new Error(`dispatcher exited with ${code}`)));
  });
}
