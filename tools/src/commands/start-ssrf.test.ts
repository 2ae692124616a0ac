// End to end under Bun (embedded PGlite): the dispatcher's SSRF guard refuses loopback targets
// the operator's allow-list (REBOUND_ALLOW_PRIVATE_TARGETS) does not cover, whether named
// (`localhost`, a hostname that resolves to loopback) or literal (127.0.0.1, [::1]). The API
// accepts such URLs when a profile is saved (the allow-list is the dispatcher's setting, and what
// a name resolves to can change), so the refusal happens when connecting: the attempt records
// it, the callback fails without retries, and the receiver never sees a connection.
import { lookup } from "node:dns/promises";
import { hostname } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type EmbeddedRebound,
  removeDataDir,
  startEmbedded,
  tempDataDir,
} from "../testing/embedded-rebound.ts";
import { type Receiver, startReceiver } from "../testing/receiver.ts";

/**
 * This machine's name when it resolves to loopback only (commonly via /etc/hosts), else null.
 * `localhost` names are refused by name, without DNS, so they do not count.
 */
async function loopbackHostname(): Promise<string | null> {
  const name = hostname().toLowerCase();
  if (!/^[a-z0-9.-]+$/.test(name) || /(^|\.)localhost\.?$/.test(name)) return null;
  try {
    const addresses = await lookup(name, { all: true, verbatim: true });
    const loopback = addresses.every(
      ({ address }) => address === "::1" || address.startsWith("127."),
    );
    return addresses.length > 0 && loopback ? name : null;
  } catch {
    return null;
  }
}
const resolvedName = await loopbackHostname();
if (resolvedName === null) {
  console.warn("the host name does not resolve to loopback: its SSRF case is SKIPPED");
}

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver?.close();
});

/** One embedded Rebound per describe block, started in `beforeAll` and killed in `afterAll`. */
function useRebound(name: string, env: Record<string, string>): () => EmbeddedRebound {
  const dataDir = tempDataDir(name);
  let running: EmbeddedRebound | undefined;
  beforeAll(async () => {
    running = await startEmbedded(dataDir, env);
  });
  afterAll(() => {
    running?.rebound.kill();
    removeDataDir(dataDir);
  });
  return () => {
    if (running === undefined) throw new Error("Rebound did not start");
    return running;
  };
}

async function deliver(running: EmbeddedRebound, title: string, url: string) {
  const profileId = await running.api.createProfile({
    title,
    http_method: "POST",
    url,
    body: { n: "<n>" },
    retry_schedule: [1, 1],
  });
  const { id } = await running.api.trigger(profileId, { n: 1 });
  const callback = await running.api.waitForCallback(
    id,
    (current) => current.status === "delivered" || current.status === "failed",
    "delivered or failed",
  );
  return { profileId, callback };
}

describe("without REBOUND_ALLOW_PRIVATE_TARGETS", () => {
  const rebound = useRebound("ssrf-none", {});

  it.each([
    ["localhost", "localhost", /^localhost is a loopback name; targets must be public/],
    ["127.0.0.1", "127.0.0.1", /^127\.0\.0\.1 is a loopback address; targets must be public/],
    ["[::1]", "[::1]", /^::1 is a loopback address; targets must be public/],
  ])("refuses %s at connect time, records why and sends nothing", async (name, host, reason) => {
    const connections = receiver.connectionCount();

    const { callback } = await deliver(
      rebound(),
      `Loopback ${name.replace(/\W/g, "")}`,
      `http://${host}:${receiver.port}/never`,
    );

    expect(callback).toMatchObject({ status: "failed", attempt_count: 1, last_status_code: null });
    expect(callback.last_error).toBe("ssrf; not retryable");
    expect(callback.attempts).toEqual([
      expect.objectContaining({
        error_class: "ssrf",
        error_message: expect.stringMatching(reason),
      }),
    ]);
    expect(receiver.connectionCount()).toBe(connections);
    expect(receiver.to("/never")).toEqual([]);
  });

  it.runIf(resolvedName !== null)(
    "refuses a host name that resolves to loopback, after resolving it",
    async () => {
      const connections = receiver.connectionCount();

      const { callback } = await deliver(
        rebound(),
        "Resolved host name",
        `http://${resolvedName}:${receiver.port}/never`,
      );

      expect(callback).toMatchObject({ status: "failed", attempt_count: 1 });
      expect(callback.attempts).toEqual([
        expect.objectContaining({
          error_class: "ssrf",
          error_message: expect.stringMatching(
            new RegExp(`^${resolvedName?.replaceAll(".", "\\.")}: \\S+ is a loopback address`),
          ),
        }),
      ]);
      expect(receiver.connectionCount()).toBe(connections);
    },
  );

  it("refuses the profile test callback too", async () => {
    const running = rebound();
    const profileId = await running.api.createProfile({
      title: "Loopback test send",
      http_method: "GET",
      url: `http://localhost:${receiver.port}/never`,
    });
    const connections = receiver.connectionCount();

    const response = await fetch(`${running.api.base}/callback/profiles/${profileId}/test`, {
      method: "POST",
      headers: { "api-key": running.credentials.apiKey },
      signal: AbortSignal.timeout(10_000),
    });

    expect(response.status).toBe(200);
    const { data } = (await response.json()) as { data: Record<string, unknown> };
    expect(data).toMatchObject({ success: false, result: { kind: "error", errorClass: "ssrf" } });
    expect(receiver.connectionCount()).toBe(connections);
  });
});

describe("with REBOUND_ALLOW_PRIVATE_TARGETS=127.0.0.1/32", () => {
  const rebound = useRebound("ssrf-one", { REBOUND_ALLOW_PRIVATE_TARGETS: "127.0.0.1/32" });

  it("delivers to the allowed 127.0.0.1, by address and as localhost", async () => {
    for (const host of ["127.0.0.1", "localhost"]) {
      const path = `/allowed-${host.replace(/\W/g, "")}`;
      const { callback } = await deliver(
        rebound(),
        `Allowed ${host.replace(/\W/g, "")}`,
        `http://${host}:${receiver.port}${path}`,
      );
      expect(callback.status).toBe("delivered");
      expect(receiver.to(path)).toHaveLength(1);
    }
  });

  it("still refuses the loopback address the list does not cover ([::1])", async () => {
    const connections = receiver.connectionCount();

    const { callback } = await deliver(
      rebound(),
      "Uncovered loopback",
      `http://[::1]:${receiver.port}/never`,
    );

    expect(callback).toMatchObject({ status: "failed", attempt_count: 1 });
    expect(callback.attempts).toEqual([
      expect.objectContaining({
        error_class: "ssrf",
        error_message: expect.stringMatching(/^::1 is a loopback address/),
      }),
    ]);
    expect(receiver.connectionCount()).toBe(connections);
  });
});
