import type { DbHandle } from "@rebound/db";
import cron, { type ScheduledTask } from "node-cron";
import { type NoticeSendResult, sendAutoDisableNotice } from "./auto-disable-email.ts";
import { claimAutoDisableNotices, reclaimAutoDisableNotices } from "./auto-disable-notices.ts";
import { findDueReportRuns } from "./due-report-runs.ts";
import type { MailTransport } from "./mail/mail-transport.ts";
import type { SendWithRetryOptions } from "./mail/send-with-retry.ts";
import {
  DEFAULT_MAIL_LEASE_MS,
  DEFAULT_MAIL_RETRY_FOR_MS,
  DEFAULT_MAIL_RETRY_INTERVAL_MS,
  type MailRunContext,
} from "./mail-run-context.ts";
import { type ReportSendResult, sendReportRun } from "./report-email.ts";
import { claimReportRun, reclaimReportRuns } from "./report-runs.ts";
import { describeNoticeResult, describeReportResult } from "./runner-log.ts";

export interface ReportRunnerLogger {
  info(line: string): void;
  warn(line: string): void;
}

export interface ReportRunnerOptions {
  handle: DbHandle;
  mail: MailTransport;
  /** `Rebound <reports@example.com>`. */
  from: string;
  now?: () => Date;
  /** When ticks run (node-cron, seconds optional); default every minute. */
  tickCron?: string;
  /** A claim's lease: after this a crashed sender's email is sent again; default 10 min. */
  leaseMs?: number;
  /** A window is reported this long after it ends, so late-committed outcomes count; 30 s. */
  settleMs?: number;
  /** Retryable send failures are tried again after this (default 10 min)… */
  retryIntervalMs?: number;
  /** …until this long after the window's end or the disable (default 24 h). */
  retryForMs?: number;
  /** Emails sent at once; default 4. */
  concurrency?: number;
  /** Auto-disables older than this are not notified any more; default 7 days. */
  noticeMaxAgeMs?: number;
  /** Tries per claim (`sendWithRetry`); default 3 with 2 s backoff. */
  mailRetry?: SendWithRetryOptions;
  /** Shown in the auto-disable email's re-enable instructions. */
  apiBaseUrl?: string;
  /** Unexpected failures (database down, bugs); the runner keeps ticking. */
  onError?: (error: unknown) => void;
  /** One line per email sent, failed or skipped. */
  logger?: ReportRunnerLogger;
}

export interface ReportTickResult {
  notices: NoticeSendResult[];
  reports: ReportSendResult[];
}

export interface ReportRunnerShutdownOptions {
  /** How long to wait for the tick in progress; default 30 s. */
  deadlineMs?: number;
}

export interface ReportRunner {
  /**
   * Starts the schedule and runs one tick at once, so a window missed while no runner was up is
   * sent now; resolves when that first tick is done (the schedule runs whether or not it is
   * awaited).
   */
  start(): Promise<void>;
  /** Stops ticking, waits for the tick in progress (up to the deadline), closes the transport. */
  shutdown(options?: ReportRunnerShutdownOptions): Promise<void>;
  /** One tick as if the clock read `now` (tests); waits for a tick in progress first. */
  runDue(now: Date): Promise<ReportTickResult>;
}

export const DEFAULT_REPORT_TICK_CRON = "* * * * *";
export const DEFAULT_REPORT_SETTLE_MS = 30_000;
export const DEFAULT_NOTICE_MAX_AGE_MS = 7 * 24 * 60 * 60_000;
// Bounds one tick's notices and taken-over runs; the rest wait for the next tick.
const MAX_EMAILS_PER_TICK = 200;

/**
 * The reports process: each tick (every minute, and once at start) first emails the report
 * recipients about profiles the dispatcher auto-disabled, then sends every due callback report.
 * Each email is claimed in its own short statement before it is sent (a unique report window,
 * a unique (profile, disabled_at) notice), so any number of runners send each email once;
 * a claim whose sender crashed is sent again, with the same idempotency key, once its lease
 * expires.
 *
 * @example
 * const runner = createReportRunner({ handle, mail: mailTransportFromConfig(config), from });
 * void runner.start();
 * process.once("SIGTERM", () => runner.shutdown());
 */
export function createReportRunner(options: ReportRunnerOptions): ReportRunner {
  const tickCron = options.tickCron ?? DEFAULT_REPORT_TICK_CRON;
  if (!cron.validate(tickCron)) throw new RangeError(`not a cron expression: ${tickCron}`);
  const clock = options.now ?? (() => new Date());
  const concurrency = options.concurrency ?? 4;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency must be a whole number >= 1, got ${concurrency}`);
  }
  const settleMs = options.settleMs ?? DEFAULT_REPORT_SETTLE_MS;
  const noticeMaxAgeMs = options.noticeMaxAgeMs ?? DEFAULT_NOTICE_MAX_AGE_MS;
  const onError = options.onError ?? ((error: unknown) => console.error("reports:", error));
  const logger = options.logger ?? { info: console.log, warn: console.error };
  const { handle } = options;
  const contextAt = (now: () => Date): MailRunContext => ({
    handle,
    mail: options.mail,
    from: options.from,
    now,
    leaseMs: options.leaseMs ?? DEFAULT_MAIL_LEASE_MS,
    retryIntervalMs: options.retryIntervalMs ?? DEFAULT_MAIL_RETRY_INTERVAL_MS,
    retryForMs: options.retryForMs ?? DEFAULT_MAIL_RETRY_FOR_MS,
    ...(options.mailRetry === undefined ? {} : { mailRetry: options.mailRetry }),
    ...(options.apiBaseUrl === undefined ? {} : { apiBaseUrl: options.apiBaseUrl }),
  });

  let state: "new" | "running" | "stopping" = "new";
  let task: ScheduledTask | null = null;
  let ticking: Promise<ReportTickResult> | null = null;
  let stopping: Promise<void> | null = null;

  /** Runs `work` for each item, `concurrency` at a time; stops taking items on shutdown. */
  async function eachLimited<T>(items: readonly T[], work: (item: T) => Promise<void>) {
    let next = 0;
    const worker = async () => {
      while (next < items.length && state !== "stopping") {
        const item = items[next] as T;
        next += 1;
        try {
          await work(item);
        } catch (error) {
          onError(error);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  }

  /**
   * Claims `concurrency` emails at a time with `claim` and sends them, until nothing is left
   * or a tick's bound is reached: a shutdown then leaves at most one batch of claims behind.
   */
  async function drain<T>(claim: () => Promise<T[]>, send: (item: T) => Promise<void>) {
    for (let claimed = 0; claimed < MAX_EMAILS_PER_TICK && state !== "stopping"; ) {
      const batch = await claim();
      if (batch.length === 0) return;
      claimed += batch.length;
      await eachLimited(batch, send);
    }
  }

  async function runNotices(now: Date, context: MailRunContext): Promise<NoticeSendResult[]> {
    const results: NoticeSendResult[] = [];
    const lease = {
      now,
      leaseMs: context.leaseMs,
      limit: concurrency,
      resendStarted: context.mail.dropsRepeats,
    };
    const since = new Date(now.getTime() - noticeMaxAgeMs);
    await drain(
      async () => [
        ...(await reclaimAutoDisableNotices(handle, lease)),
        ...(await claimAutoDisableNotices(handle, { ...lease, since })),
      ],
      async (notice) => {
        const result = await sendAutoDisableNotice(context, notice);
        results.push(result);
        log(describeNoticeResult(result), result.outcome === "failed");
      },
    );
    return results;
  }

  async function runReports(now: Date, context: MailRunContext): Promise<ReportSendResult[]> {
    const results: ReportSendResult[] = [];
    const record = (result: ReportSendResult) => {
      results.push(result);
      log(describeReportResult(result), result.outcome === "failed");
    };
    const lease = { now, leaseMs: context.leaseMs };
    await drain(
      () =>
        reclaimReportRuns(handle, {
          ...lease,
          limit: concurrency,
          resendStarted: context.mail.dropsRepeats,
        }),
      async (run) => record(await sendReportRun(context, run)),
    );
    // A window is due `settleMs` after its end: outcomes computed just before the end but
    // committed just after it are counted in it, not lost between two windows.
    const due = await findDueReportRuns(handle, new Date(now.getTime() - settleMs), onError);
    await eachLimited(due, async (item) => {
      const run = await claimReportRun(handle, { ...item, ...lease });
      if (run !== null) record(await sendReportRun(context, run));
    });
    return results;
  }

  function log(line: string, failed: boolean): void {
    if (failed) logger.warn(line);
    else logger.info(line);
  }

  async function tick(now: Date, clockForSends: () => Date): Promise<ReportTickResult> {
    const context = contextAt(clockForSends);
    const result: ReportTickResult = { notices: [], reports: [] };
    try {
      result.notices = await runNotices(now, context);
    } catch (error) {
      onError(error);
    }
    try {
      result.reports = await runReports(now, context);
    } catch (error) {
      onError(error);
    }
    return result;
  }

  function scheduledTick(): Promise<unknown> {
    if (state !== "running" || ticking !== null) return ticking ?? Promise.resolve();
    const current = tick(clock(), clock);
    ticking = current;
    void current.finally(() => {
      if (ticking === current) ticking = null;
    });
    return current;
  }

  async function runDue(now: Date): Promise<ReportTickResult> {
    while (ticking !== null) await ticking;
    const current = tick(now, () => now);
    ticking = current;
    try {
      return await current;
    } finally {
      if (ticking === current) ticking = null;
    }
  }

  async function shutdown(deadlineMs: number): Promise<void> {
    state = "stopping";
    await task?.destroy();
    task = null;
    if (ticking !== null) await settleWithin(ticking, deadlineMs);
    await options.mail.close();
  }

  return {
    async start() {
      if (state !== "new") return;
      state = "running";
      task = cron.schedule(tickCron, () => void scheduledTick(), {
        name: "rebound-reports",
        logger: {
          info: () => {},
          debug: () => {},
          warn: (message) => logger.warn(`reports schedule: ${message}`),
          error: (message) => onError(message),
        },
      });
      await scheduledTick();
    },
    shutdown(shutdownOptions = {}) {
      stopping ??= shutdown(shutdownOptions.deadlineMs ?? 30_000);
      return stopping;
    },
    runDue,
  };
}

async function settleWithin(work: Promise<unknown>, deadlineMs: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, deadlineMs);
  });
  try {
    await Promise.race([work.then(() => undefined), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
