import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export interface Receiver {
  url: string;
  stop(): Promise<void>;
}

const BUN = fileURLToPath(new URL("../../node_modules/bun/bin/bun.exe", import.meta.url));

/** Starts `receiver.ts` in its own Bun process and waits (at most 20 s) for its port. */
export function spawnReceiver(delayMs = 0): Promise<Receiver> {
  const child: ChildProcess = spawn(
    BUN,
    [fileURLToPath(new URL("receiver.ts", import.meta.url)), String(delayMs)],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("receiver did not start in 20 s")), 20_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      const match = /RECEIVER_PORT=(\d+)/.exec(chunk.toString());
      if (!match) return;
      clearTimeout(timer);
      resolve({
        url: `http://127.0.0.1:${match[1]}`,
        stop: () =>
          new Promise((done) => {
            child.once("exit", () => done());
            child.kill("SIGTERM");
          }),
      });
    });
    child.once("exit", (code) => reject(new Error(`receiver exited with ${code}`)));
  });
}
