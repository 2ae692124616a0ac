import { hostname } from "node:os";
import { type CreateAccountResult, createApp } from "@rebound/api";
import { type DbHandle, SecretBox } from "@rebound/db";
import {
  createDispatcher,
  createHttpTransport,
  type Dispatcher,
  sendTestCallback,
  type Transport,
} from "@rebound/dispatcher";
import { type ApiServer, startApiServer } from "../api-server.ts";
import type { StartRole } from "../args.ts";
import { CliError } from "../cli-error.ts";
import type { CliOutput } from "../cli-output.ts";
import { createDemoAccountIfNone, firstStartLines } from "../demo-account.ts";
import type { ReboundEnv } from "../env.ts";
import { resolveMasterKey } from "../master-key.ts";
import { openMigratedDatabase } from "../open-database.ts";
import { withOperationalRoutes } from "../operational-routes.ts";
import { onShutdownSignals } from "../signals.ts";

export interface StartOptions {
  role: StartRole;
  /** `--port`; beats `PORT`. */
  port: number | null;
}

/** What one `start` process runs; each part is null when its role is not selected. */
interface Running {
  server: ApiServer;
  dispatcher: Dispatcher | null;
  transport: Transport;
}

const runsApi = (role: StartRole) => role === "api" || role === "all";
const runsDispatcher = (role: StartRole) => role === "dispatcher" || role === "all";

async function launch(
  env: ReboundEnv,
  options: StartOptions,
  handle: DbHandle,
  output: CliOutput,
): Promise<Running> {
  const secretBox = new SecretBox(resolveMasterKey(env).key);
  const settings = env.dispatcher;
  const transport = createHttpTransport({
    connectTimeoutMs: settings.connectTimeoutMs,
    totalTimeoutMs: settings.requestTimeoutMs,
    allowPrivate: settings.allowPrivateTargets,
    // Many profiles often share one host; the per-profile cap is the dispatcher's job.
    connectionsPerOrigin: settings.concurrency,
  });
  const api = runsApi(options.role)
    ? createApp({
        db: handle.db,
        secretBox,
        profileIdPrefix: env.profileIdPrefix,
        rateLimitPerMinute: env.rateLimitPerMinute,
        testSender: (input) => sendTestCallback(transport, input),
      })
    : null;
  const dispatcher = runsDispatcher(options.role)
    ? createDispatcher({
        handle,
        secretBox,
        transport,
        workerId: `${hostname()}-${process.pid}`,
        globalConcurrency: settings.concurrency,
        perProfileConcurrency: settings.profileConcurrency,
        leaseMs: settings.leaseMs,
        onError: (error) =>
          output.err(`dispatcher: ${error instanceof Error ? error.message : String(error)}`),
      })
    : null;
  await dispatcher?.start();
  const port = options.port ?? env.port;
  try {
    const fetch = withOperationalRoutes(
      api ? (request) => api.fetch(request) : null,
      handle,
      dispatcher,
    );
    return { server: startApiServer({ fetch, host: env.host, port }), dispatcher, transport };
  } catch (cause) {
    await dispatcher?.shutdown();
    await transport.close();
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new CliError(`cannot listen on ${env.host}:${port}: ${reason}`, 1, { cause });
  }
}

/** Stops accepting requests, drains the dispatcher (leases of unfinished work are released), closes. */
async function stop(running: Running, handle: DbHandle): Promise<void> {
  await running.server.shutdown();
  await running.dispatcher?.shutdown({ deadlineMs: 10_000 });
  await running.transport.close();
  await handle.close();
}

/**
 * `rebound start`: opens and migrates the database, creates the demo account on the first
 * embedded start, runs the API and/or the dispatcher, and resolves with the exit code after
 * SIGTERM/SIGINT.
 */
export async function runStart(
  env: ReboundEnv,
  options: StartOptions,
  output: CliOutput,
): Promise<number> {
  const handle = await openMigratedDatabase(env);
  let running: Running;
  let demo: CreateAccountResult | null = null;
  try {
    if (env.database.driver === "pglite" && runsApi(options.role)) {
      demo = await createDemoAccountIfNone(handle.db);
    }
    running = await launch(env, options, handle, output);
  } catch (error) {
    await handle.close();
    throw error;
  }
  const { url } = running.server;
  if (demo !== null) for (const line of firstStartLines(url, demo)) output.out(line);
  if (runsApi(options.role)) output.out(`Rebound API listening on ${url}`);
  if (running.dispatcher) {
    output.out(`Rebound dispatcher running (metrics on ${url}/metrics)`);
  }

  return new Promise<number>((resolve) => {
    onShutdownSignals({
      warn: output.err,
      onSignal: (signal) => {
        output.err(`${signal}: shutting down (a second signal exits at once)`);
        stop(running, handle).then(
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
