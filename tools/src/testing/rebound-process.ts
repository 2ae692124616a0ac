import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../..", import.meta.url));
/**
 * The Bun binary itself: `node_modules/.bin/bun` is a shell wrapper that does not `exec`, so a
 * signal sent to it would stop the wrapper and orphan the server.
 */
const bun = `${root}node_modules/bun/bin/bun.exe`;
const entry = "tools/src/rebound.ts";

/** Variables a test must set itself, so the developer's environment never leaks in. */
const OWN_VARIABLES = ["DATABASE_URL", "PORT", "HOST"];
const isOwnVariable = (name: string) => OWN_VARIABLES.includes(name) || name.startsWith("REBOUND_");

function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  for (const name of Object.keys(base)) if (isOwnVariable(name)) delete base[name];
  return { ...base, ...env };
}

/**
 * The API's line, a dispatcher-only process's line, or a reports-only process's line (their
 * URL serves `/metrics` and `/healthz`).
 */
const LISTENING_LINE =
  /^Rebound (?:API listening on (http:\/\/\S+)|dispatcher running \(metrics on (http:\/\/\S+)\/metrics\)|reports running \(mail via .*; health on (http:\/\/\S+)\/healthz\))$/m;

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `bun tools/src/rebound.ts …` to completion (at most 30 s). */
export function runRebound(args: readonly string[], env: Record<string, string> = {}): RunResult {
  const result = spawnSync(bun, [entry, ...args], {
    cwd: root,
    env: childEnv(env),
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs `bun tools/src/rebound.ts …` to completion (at most 120 s) without blocking the test
 * process, so servers living in it (an SMTP sink, a Resend stand-in) can answer the command.
 */
export function runReboundAsync(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<RunResult> {
  const child = spawn(bun, [entry, ...args], { cwd: root, env: childEnv(env) });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`rebound ${args.join(" ")}: no exit within 120 s`));
    }, 120_000);
    // "close", not "exit": the output streams are complete by then.
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export interface RunningRebound {
  /** From the `Rebound API listening on …` line (other roles: their metrics or health line). */
  url: string;
  /** Everything printed on stdout up to and including that line. */
  stdout: () => string;
  stderr: () => string;
  /** Sends a signal and waits (at most 15 s) for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** SIGKILL if still running; safe to call in `finally`/`afterAll`. */
  kill(): void;
}

function exited(child: ChildProcess, timeoutMs: number): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no exit within ${timeoutMs} ms`)), timeoutMs);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/** Spawns `rebound start …` and waits (at most 30 s) for its listening line. */
export async function startRebound(
  args: readonly string[],
  env: Record<string, string>,
): Promise<RunningRebound> {
  const child = spawn(bun, [entry, "start", ...args], { cwd: root, env: childEnv(env) });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  };
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error("no listening line within 90 s")), 90_000);
    const check = () => {
      const match = LISTENING_LINE.exec(stdout);
      const found = match?.[1] ?? match?.[2] ?? match?.[3];
      if (found) finish(null, found);
    };
    const onExit = (code: number | null) =>
      finish(new Error(`exited with ${code} before listening: ${stderr}`));
    function finish(error: Error | null, found?: string) {
      clearTimeout(timer);
      child.stdout.off("data", check);
      child.off("exit", onExit);
      if (error || found === undefined) {
        kill();
        reject(error ?? new Error("no url"));
      } else resolve(found);
    }
    child.stdout.on("data", check);
    child.once("exit", onExit);
  });
  return {
    url,
    stdout: () => stdout,
    stderr: () => stderr,
    stop: async (signal = "SIGTERM") => {
      child.kill(signal);
      try {
        return await exited(child, 15_000);
      } finally {
        kill();
      }
    },
    kill,
  };
}
