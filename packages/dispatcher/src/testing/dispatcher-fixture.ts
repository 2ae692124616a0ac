import { parseCidrList } from "@rebound/core";
import type { DbHandle, SecretBox } from "@rebound/db";
import { createTestDatabase, type TestDriver } from "@rebound/db/testing";
import { createDispatcher, type Dispatcher, type DispatcherOptions } from "../dispatcher.ts";
import { createHttpTransport, type Transport } from "../transport/index.ts";
import { seedAccount, testSecretBox } from "./seed.ts";
import { createTestClock, type TestClock } from "./test-clock.ts";

/** A transport allowed to call local receivers on 127.0.0.0/8. */
export function localTransport(totalTimeoutMs = 15_000): Transport {
  const allow = parseCidrList("127.0.0.0/8");
  if (!allow.ok) throw new Error("bad test CIDR");
  return createHttpTransport({ allowPrivate: allow.cidrs, totalTimeoutMs });
}

export interface DispatcherFixture {
  handle: DbHandle;
  secretBox: SecretBox;
  accountId: string;
  clock: TestClock;
  errors: unknown[];
  /** A dispatcher with fast polling and the test clock; shut down by `close`. */
  startDispatcher(overrides?: Partial<DispatcherOptions>): Promise<Dispatcher>;
  close(): Promise<void>;
}

export async function createDispatcherFixture(driver: TestDriver): Promise<DispatcherFixture> {
  const handle = await createTestDatabase(driver);
  const secretBox = testSecretBox();
  const accountId = await seedAccount(handle);
  const clock = createTestClock();
  const errors: unknown[] = [];
  const started: Dispatcher[] = [];
  let workers = 0;
  return {
    handle,
    secretBox,
    accountId,
    clock,
    errors,
    async startDispatcher(overrides = {}) {
      workers += 1;
      const dispatcher = createDispatcher({
        handle,
        secretBox,
        transport: localTransport(),
        workerId: `test-worker-${workers}`,
        pollIntervalMs: 20,
        reclaimIntervalMs: 50,
        random: () => 0.5,
        now: clock.now,
        onError: (error) => errors.push(error),
        ...overrides,
      });
      started.push(dispatcher);
      await dispatcher.start();
      return dispatcher;
    },
    async close() {
      await Promise.all(started.map((dispatcher) => dispatcher.shutdown({ deadlineMs: 1000 })));
      await handle.close();
    },
  };
}
