import { type CreateAccountResult, createApp } from "@rebound/api";
import { type DbHandle, SecretBox } from "@rebound/db";
import { type ApiServer, startApiServer } from "../api-server.ts";
import { CliError } from "../cli-error.ts";
import type { CliOutput } from "../cli-output.ts";
import { createDemoAccountIfNone, firstStartLines } from "../demo-account.ts";
import type { ReboundEnv } from "../env.ts";
import { resolveMasterKey } from "../master-key.ts";
import { openMigratedDatabase } from "../open-database.ts";
import { onShutdownSignals } from "../signals.ts";

export interface StartOptions {
  /** `--port`; beats `PORT`. */
  port: number | null;
}

function listen(env: ReboundEnv, port: number, handle: DbHandle, secretBox: SecretBox): ApiServer {
  const app = createApp({
    db: handle.db,
    secretBox,
    profileIdPrefix: env.profileIdPrefix,
    rateLimitPerMinute: env.rateLimitPerMinute,
  });
  try {
    return startApiServer({ fetch: app.fetch, host: env.host, port });
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new CliError(`cannot listen on ${env.host}:${port}: ${reason}`, 1, { cause });
  }
}

/**
 * `rebound start`: opens and migrates the database, creates the demo account on the first
 * embedded start, serves the API, and resolves with the exit code after SIGTERM/SIGINT.
 */
export async function runStart(
  env: ReboundEnv,
  options: StartOptions,
  output: CliOutput,
): Promise<number> {
  const handle = await openMigratedDatabase(env);
  let server: ApiServer;
  let demo: CreateAccountResult | null = null;
  try {
    const secretBox = new SecretBox(resolveMasterKey(env).key);
    if (env.database.driver === "pglite") demo = await createDemoAccountIfNone(handle.db);
    server = listen(env, options.port ?? env.port, handle, secretBox);
  } catch (error) {
    await handle.close();
    throw error;
  }
  if (demo !== null) for (const line of firstStartLines(server.url, demo)) output.out(line);
  output.out(`Rebound API listening on ${server.url}`);

  return new Promise<number>((resolve) => {
    onShutdownSignals({
      warn: output.err,
      onSignal: (signal) => {
        output.err(`${signal}: shutting down (a second signal exits at once)`);
        server
          .shutdown()
          .then(() => handle.close())
          .then(
            () => resolve(0),
            (error: unknown) => {
              output.err(`shutdown failed: ${error instanceof Error ? error.message : error}`);
              resolve(1);
            },
          );
      },
    });
  });
}
