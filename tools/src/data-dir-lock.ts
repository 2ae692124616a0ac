import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CliError } from "./cli-error.ts";

/** The process holding the lock is still alive (signal 0 only checks). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readOwner(path: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(path, "utf8"), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

export interface DataDirLock {
  release(): void;
}

/**
 * Takes `<dataDir>/pglite.lock`. PGlite opens its files without any locking, so two processes
 * on one data directory would corrupt it; this refuses the second one with a clear message. A
 * lock left by a dead process (killed, crashed) is taken over.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, "pglite.lock");
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(path, String(process.pid), { flag: "wx" });
      return {
        release: () => {
          if (readOwner(path) === process.pid) unlinkSync(path);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = readOwner(path);
    if (owner !== null && owner !== process.pid && isRunning(owner)) {
      throw new CliError(
        `the embedded database in ${dataDir} is in use by process ${owner} (a running \`rebound start\`?); stop it first, or use DATABASE_URL`,
      );
    }
    unlinkSync(path);
  }
  throw new CliError(`could not lock ${path}; another rebound process is starting`);
}
