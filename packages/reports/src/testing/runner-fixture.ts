import type { DbHandle } from "@rebound/db";
import { createTestDatabase, type TestDriver } from "@rebound/db/testing";
import { afterAll, afterEach, beforeAll, beforeEach, expect } from "vitest";
import { createMemoryTransport, type MemoryTransport } from "../mail/testing/memory-transport.ts";
import {
  createReportRunner,
  type ReportRunner,
  type ReportRunnerOptions,
} from "../report-runner.ts";

export interface RunnerFixture {
  readonly handle: DbHandle;
  /** A fresh memory transport per test. */
  readonly mail: MemoryTransport;
  /** What the runners reported through `onError` during the current test. */
  readonly errors: unknown[];
  /** A runner on this database and mail: quiet, no waits between mail retries. */
  runner(overrides?: Partial<ReportRunnerOptions>): ReportRunner;
}

/**
 * Registers a suite's hooks for report runner tests: one test database for the suite, emptied
 * (every account and what hangs off it) before each test, since a runner looks at every account;
 * and, after each test, a check that no runner reported an error.
 */
export function useRunnerFixture(
  driver: TestDriver,
  defaults: Partial<ReportRunnerOptions> = {},
): RunnerFixture {
  let handle: DbHandle | undefined;
  let mail = createMemoryTransport();
  let errors: unknown[] = [];
  const fixture: RunnerFixture = {
    get handle() {
      if (handle === undefined) throw new Error("the test database is opened in beforeAll");
      return handle;
    },
    get mail() {
      return mail;
    },
    get errors() {
      return errors;
    },
    runner: (overrides = {}) =>
      createReportRunner({
        handle: fixture.handle,
        mail,
        from: "Rebound <reports@rebound.example>",
        logger: { info: () => {}, warn: () => {} },
        onError: (error) => errors.push(error),
        mailRetry: { sleep: async () => {} },
        ...defaults,
        ...overrides,
      }),
  };
  beforeAll(async () => {
    handle = await createTestDatabase(driver);
  });
  afterAll(() => handle?.close());
  beforeEach(async () => {
    await fixture.handle.query("truncate accounts cascade");
    mail = createMemoryTransport();
    errors = [];
  });
  afterEach(() => {
    expect(errors).toEqual([]);
  });
  return fixture;
}
