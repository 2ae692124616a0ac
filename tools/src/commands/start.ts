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
import type { ReportRunner } from "@rebound/reports";
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
import { createWebAssets, webConsoleDir, withWebConsole } from "../web-assets.ts";

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
  reports: { runner: ReportRunner; mail: string } | null;
}

const runsApi = (role: StartRole) => role === "api" || role === "all";
const runsDispatcher = (role: StartRole) => role === "dispatcher" || role === "all";
const runsReports = (role: StartRole) => role === "reports" || role === "all";

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The reports role: the auto-disable notices and callback reports, on a one-minute tick. Loaded
 * only for this role: the email templates and mail clients add ~50 MB and ~0.5 s to a process.
 */
async function createReports(
  env: ReboundEnv,
  handle: DbHandle,
  output: CliOutput,
): Promise<Running["reports"]> {
  const [{ createReportRunner }, { createMailTransport, describeMailTransport }] =
    await Promise.all([import("@rebound/reports"), import("../mail-transport.ts")]);
  const mail = createMailTransport(env);
  const runner = createReportRunner({
    handle,
    mail,
    from: env.mail.from,
    onError: (error) => output.err(`reports: ${errorText(error)}`),
    logger: {
      info: (line) => output.out(`reports: ${line}`),
      warn: (line) => output.err(`reports: ${line}`),
    },
  });
  return { runner, mail: describeMailTransport(mail) };
}

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
        autoDisable: settings.autoDisable,
        onError: (error) =>
          output.err(`dispatcher: ${error instanceof Error ? error.message : String(error)}`),
      })
    : null;
  await dispatcher?.start();
  const port = options.port ?? env.port;
  let reports: Running["reports"] = null;
  try {
    reports = runsReports(options.role) ? await createReports(env, handle, output) : null;
    const fetch = withOperationalRoutes(
      // The web console shares the API's origin: same-origin calls, no CORS.
      api
        ? withWebConsole((request) => api.fetch(request), createWebAssets(webConsoleDir()))
        : null,
      handle,
      dispatcher,
    );
    const server = startApiServer({ fetch, host: env.host, port });
    // The first tick sends what was missed while no reports process ran; not awaited, so a
    // slow mail server does not hold up the start (its failures are recorded and logged).
    void reports?.runner.start();
    return { server, dispatcher, transport, reports };
  } catch (cause) {
    await reports?.runner.shutdown();
    await dispatcher?.shutdown();
    await transport.close();
    if (cause instanceof CliError) throw cause;
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new CliError(`cannot listen on ${env.host}:${port}: ${reason}`, 1, { cause });
  }
}

/**
 * Stops accepting requests, drains the dispatcher (leases of unfinished work are released), lets
 * the reports tick in progress finish (an email cut off stays claimed until its lease expires),
 * closes.
 */
async function stop(running: Running, handle: DbHandle): Promise<void> {
  await running.server.shutdown();
  await Promise.all([
    running.dispatcher?.shutdown({ deadlineMs: 10_000 }),
    running.reports?.runner.shutdown({ deadlineMs: 10_000 }),
  ]);
  await running.transport.close();
  await handle.close();
}

/**
 * `rebound start`: opens and migrates the database, creates the demo account on the first
 * embedded start, runs the API, the dispatcher and/or the reports runner, and resolves with the
 * exit code after SIGTERM/SIGINT.
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
  const lines: string[] = demo === null ? [] : firstStartLines(url, demo);
  if (runsApi(options.role)) {
    lines.push(`Rebound API listening on ${url}`);
    lines.push(`Web console on ${url}/ (sign in with the account SID and an API key)`);
  }
  if (running.dispatcher) {
    lines.push(`Rebound dispatcher running (metrics on ${url}/metrics)`);
  }
  if (running.reports) {
    // A reports-only process serves just /healthz and /metrics; its line names the URL.
    const health = options.role === "reports" ? `; health on ${url}/healthz` : "";
    lines.push(`Rebound reports running (mail via ${running.reports.mail}${health})`);
  }
  // One write: whoever waits for the "listening" line then has every start-up line with it.
  output.out(lines.join("\n"));

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
