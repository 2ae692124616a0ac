import type { Envelope } from "@rebound/core";
import { SEED_SAMPLE_PROFILE_REQUEST } from "@rebound/core";
import {
  callbackProfiles,
  type DbHandle,
  generateMasterKey,
  parseMasterKey,
  SecretBox,
} from "@rebound/db";
import { createTestDatabase, type TestDriver } from "@rebound/db/testing";
import { count } from "drizzle-orm";
import type { Hono } from "hono";
import { createAccount } from "../accounts/index.ts";
import type { ApiOptions } from "../api-options.ts";
import { createApp } from "../app.ts";

/** The seed's sample create request. */
export const SEED_CREATE_BODY = SEED_SAMPLE_PROFILE_REQUEST;

export interface TestAccount {
  sid: string;
  accountId: string;
  apiKey: string;
}

export interface CallOptions {
  apiKey?: string;
  /** Sent as JSON unless a string (sent as is). */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  body: Envelope<Record<string, unknown>>;
  headers: Headers;
}

/** A migrated database, an app over it, a settable clock and helpers for requests. */
export interface ApiFixture {
  handle: DbHandle;
  app: Hono;
  secretBox: SecretBox;
  clock: { nowMs: number };
  newAccount(name?: string): Promise<TestAccount>;
  call(method: string, path: string, options?: CallOptions): Promise<CallResult>;
  profileCount(): Promise<number>;
  close(): Promise<void>;
}

export function newSecretBox(): SecretBox {
  const key = parseMasterKey(generateMasterKey());
  if (key === null) throw new Error("generated master key does not parse");
  return new SecretBox(key);
}

export async function createApiFixture(
  driver: TestDriver,
  overrides: Partial<ApiOptions> = {},
): Promise<ApiFixture> {
  const handle = await createTestDatabase(driver);
  const secretBox = newSecretBox();
  const clock = { nowMs: Date.parse("2026-01-31T10:00:00.000Z") };
  const app = createApp({
    db: handle.db,
    secretBox,
    profileIdPrefix: "IN",
    rateLimitPerMinute: null,
    now: () => new Date(clock.nowMs),
    ...overrides,
  });
  let accounts = 0;
  return {
    handle,
    app,
    secretBox,
    clock,
    async newAccount(name) {
      accounts += 1;
      const { account, apiKey } = await createAccount(handle.db, {
        name: name ?? `Account ${accounts}`,
      });
      return { sid: account.sid, accountId: account.id, apiKey };
    },
    async call(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (options.apiKey !== undefined) headers["api-key"] = options.apiKey;
      let body: string | undefined;
      if (options.body !== undefined) {
        body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
        headers["content-type"] ??= "application/json";
      }
      const response = await app.request(path, { method, headers, body });
      const envelope = (await response.json()) as CallResult["body"];
      return { status: response.status, body: envelope, headers: response.headers };
    },
    async profileCount() {
      const [row] = await handle.db.select({ n: count() }).from(callbackProfiles);
      return row?.n ?? 0;
    },
    close: () => handle.close(),
  };
}
