// End to end under Bun (embedded PGlite): a failing receiver is retried along the profile's
// `retry_schedule` until it recovers or the ladder ends, Retry-After on 429/503 is honoured, and
// a receiver that never answers times out (REBOUND_REQUEST_TIMEOUT_MS) and is retried. Seen
// through the API's attempt log and the receiver's arrival times.
import type { CallbackDetailView } from "@rebound/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccountApi } from "../testing/account-api.ts";
import {
  type EmbeddedRebound,
  removeDataDir,
  startEmbedded,
  tempDataDir,
} from "../testing/embedded-rebound.ts";
import { type ReceivedRequest, type Receiver, startReceiver } from "../testing/receiver.ts";

const REQUEST_TIMEOUT_MS = 1500;
/** A 1 s ladder step with its ±20 % jitter waits at least 800 ms; 10 ms for clock rounding. */
const MIN_STEP_GAP_MS = 790;

const attemptSummary = (callback: CallbackDetailView) =>
  callback.attempts.map((attempt) => [
    attempt.attempt_number,
    attempt.status_code,
    attempt.error_class,
  ]);

/** Milliseconds between consecutive arrivals. */
const gaps = (requests: ReceivedRequest[]) =>
  requests
    .slice(1)
    .map((request, index) => request.receivedAtMs - (requests[index]?.receivedAtMs ?? 0));

const isFinished = (callback: CallbackDetailView) =>
  callback.status === "delivered" || callback.status === "failed";

describe("rebound start retries failed deliveries (embedded, under Bun)", () => {
  const dataDir = tempDataDir("retries");
  let receiver: Receiver;
  let running: EmbeddedRebound | undefined;
  let api: AccountApi;

  beforeAll(async () => {
    receiver = await startReceiver();
    running = await startEmbedded(dataDir, {
      REBOUND_ALLOW_PRIVATE_TARGETS: "127.0.0.0/8",
      REBOUND_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
    });
    api = running.api;
  });

  afterAll(async () => {
    running?.rebound.kill();
    await receiver?.close();
    removeDataDir(dataDir);
  });

  async function deliverOnce(path: string, retrySchedule: number[]) {
    const profileId = await api.createProfile({
      title: `Retries ${path.slice(1)}`,
      http_method: "POST",
      url: `${receiver.url}${path}`,
      body: { order: "<order>" },
      retry_schedule: retrySchedule,
    });
    const { id } = await api.trigger(profileId, { order: 7 });
    const callback = await api.waitForCallback(id, isFinished, "delivered or failed");
    return { callback, requests: receiver.to(path) };
  }

  it("retries a failing receiver along the profile's ladder and delivers once it recovers", async () => {
    receiver.script("/recovers", { status: 500, body: "down" }, { status: 502 });

    const { callback, requests } = await deliverOnce("/recovers", [1, 1, 1]);

    expect(callback).toMatchObject({
      status: "delivered",
      attempt_count: 3,
      last_status_code: 200,
    });
    expect(callback.completed_at).not.toBeNull();
    expect(attemptSummary(callback)).toEqual([
      [1, 500, null],
      [2, 502, null],
      [3, 200, null],
    ]);
    expect(callback.attempts[0]?.response_body).toBe("down");
    expect(requests).toHaveLength(3);
    // Every try carries the same webhook-id, so the receiver can deduplicate.
    expect(new Set(requests.map((request) => request.headers["webhook-id"])).size).toBe(1);
    for (const gap of gaps(requests)) expect(gap).toBeGreaterThanOrEqual(MIN_STEP_GAP_MS);
  });

  it("fails the callback after the last step of the ladder", async () => {
    receiver.script("/stays-down", { status: 500 }, { status: 503 });

    const { callback, requests } = await deliverOnce("/stays-down", [1]);

    expect(callback).toMatchObject({ status: "failed", attempt_count: 2, last_status_code: 503 });
    expect(callback.last_error).toBe("HTTP 503; gave up after 2 tries");
    expect(attemptSummary(callback)).toEqual([
      [1, 500, null],
      [2, 503, null],
    ]);
    expect(requests).toHaveLength(2);
  });

  it("waits as long as Retry-After asks on 429 and 503 (within one to two ladder steps)", async () => {
    receiver.script(
      "/busy",
      { status: 429, headers: { "retry-after": "2" } },
      { status: 503, headers: { "retry-after": "1" } },
    );

    const { callback, requests } = await deliverOnce("/busy", [1, 1]);

    expect(callback.status).toBe("delivered");
    expect(attemptSummary(callback)).toEqual([
      [1, 429, null],
      [2, 503, null],
      [3, 200, null],
    ]);
    expect(callback.attempts[0]?.response_headers).toMatchObject({ "retry-after": "2" });
    const [afterTooMany = 0, afterUnavailable = 0] = gaps(requests);
    // Without Retry-After a 1 s step waits at most 1.2 s; "2" makes it 2 s (the cap, 2 × step).
    expect(afterTooMany).toBeGreaterThanOrEqual(1990);
    expect(afterUnavailable).toBeGreaterThanOrEqual(990);
  });

  it("records a receiver that never answers as a timeout and retries it", async () => {
    receiver.script("/hangs", "hang");

    const { callback, requests } = await deliverOnce("/hangs", [1]);

    expect(callback).toMatchObject({ status: "delivered", attempt_count: 2 });
    expect(attemptSummary(callback)).toEqual([
      [1, null, "timeout"],
      [2, 200, null],
    ]);
    const [timedOut] = callback.attempts;
    expect(timedOut?.error_message).toEqual(expect.any(String));
    expect(timedOut?.duration_ms).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 10);
    expect(requests).toHaveLength(2);
    // The timed-out request was abandoned by the dispatcher, not left open.
    expect(requests[0]).toMatchObject({ abandoned: true, repliedAtMs: null });
    const [gap = 0] = gaps(requests);
    expect(gap).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 10 + MIN_STEP_GAP_MS);
  });
});
