import type { CallbackRequest, Cidr } from "@rebound/core";
import { classifyUrlHost } from "@rebound/core";
import { createAddressResolver } from "./address-resolver.ts";
import { guardedConnector } from "./guarded-connector.ts";
import type { OriginEntry } from "./origin-pools.ts";
import { OriginPools } from "./origin-pools.ts";
import type { CaptureLimits } from "./response-capture.ts";
import { ResponseCapture } from "./response-capture.ts";
import { planTarget } from "./target-plan.ts";
import type { SendErrorClass, SendResult, Transport } from "./transport.ts";
import { buildConnector, Pool } from "./undici.ts";

export interface HttpTransportOptions {
  /** TCP (and TLS) connect deadline, also the DNS lookup deadline. Default 5000. */
  connectTimeoutMs?: number;
  /** Deadline for the whole exchange, body included. Default 15000. */
  totalTimeoutMs?: number;
  /** Non-public networks that may be called (`REBOUND_ALLOW_PRIVATE_TARGETS`); [] = none. */
  allowPrivate: readonly Cidr[];
  /** Keep-alive connections per origin. Default 64. */
  connectionsPerOrigin?: number;
  /** Bytes of the response body kept in the result. Default 4096. */
  maxResponseBodyBytes?: number;
  /** Resolves a hostname to its addresses. Default: `dns.promises.lookup` (all, verbatim). */
  lookup?: (hostname: string) => Promise<string[]>;
  /** How long a resolved and checked hostname is reused. Default 30000. */
  dnsCacheTtlMs?: number;
  /** A pool unused for this long is closed. Default 300000. */
  poolIdleTimeoutMs?: number;
  /** Bytes of a response read and discarded to keep its connection; beyond, it is dropped. Default 1 MiB. */
  maxDrainBytes?: number;
}

const DEFAULTS = {
  connectTimeoutMs: 5_000,
  totalTimeoutMs: 15_000,
  connectionsPerOrigin: 64,
  maxResponseBodyBytes: 4_096,
  dnsCacheTtlMs: 30_000,
  poolIdleTimeoutMs: 300_000,
  maxDrainBytes: 1_048_576,
};

/**
 * The dispatcher's HTTP client: one keep-alive undici `Pool` per origin, SSRF-checked connects
 * (every resolved address is checked, and the socket goes only to a checked address), a connect
 * and a total deadline, no redirects (a 3xx is returned as a response). `send` never throws.
 *
 * Error classes: "ssrf" refused target (no socket opened), "dns" lookup failed or took longer than
 * `connectTimeoutMs`, "connect" refused/unreachable/connect timeout, "tls" handshake or certificate,
 * "timeout" no complete response within `totalTimeoutMs`, "network" anything else (resets…).
 *
 * @example
 * const transport = createHttpTransport({ allowPrivate: [] });
 * const result = await transport.send(request); // { kind: "response", statusCode: 200, … }
 * await transport.close();
 */
export function createHttpTransport(options: HttpTransportOptions): Transport {
  const settings = {
    connectTimeoutMs: options.connectTimeoutMs ?? DEFAULTS.connectTimeoutMs,
    totalTimeoutMs: options.totalTimeoutMs ?? DEFAULTS.totalTimeoutMs,
    connectionsPerOrigin: options.connectionsPerOrigin ?? DEFAULTS.connectionsPerOrigin,
    maxResponseBodyBytes: options.maxResponseBodyBytes ?? DEFAULTS.maxResponseBodyBytes,
    dnsCacheTtlMs: options.dnsCacheTtlMs ?? DEFAULTS.dnsCacheTtlMs,
    poolIdleTimeoutMs: options.poolIdleTimeoutMs ?? DEFAULTS.poolIdleTimeoutMs,
    maxDrainBytes: options.maxDrainBytes ?? DEFAULTS.maxDrainBytes,
  };
  const policy = { allow: options.allowPrivate };
  const resolver = createAddressResolver({
    policy,
    lookup: options.lookup,
    cacheTtlMs: settings.dnsCacheTtlMs,
    timeoutMs: settings.connectTimeoutMs,
  });
  const connect = buildConnector({ timeout: settings.connectTimeoutMs });
  const limits: CaptureLimits = {
    maxBodyBytes: settings.maxResponseBodyBytes,
    maxDrainBytes: settings.maxDrainBytes,
    totalTimeoutMs: settings.totalTimeoutMs,
  };

  const pools = new OriginPools({
    idleTimeoutMs: settings.poolIdleTimeoutMs,
    open(origin): OriginEntry {
      const plan = planTarget(classifyUrlHost(origin), policy);
      if (plan.kind === "refuse") return { plan, pool: null, lastUsedMs: 0 };
      const pool = new Pool(origin, {
        connections: settings.connectionsPerOrigin,
        connect: guardedConnector(plan, resolver, connect),
        // The total deadline is enforced per request; these only back it up.
        headersTimeout: settings.totalTimeoutMs,
        bodyTimeout: settings.totalTimeoutMs,
      });
      return { plan, pool, lastUsedMs: 0 };
    },
  });
  const sweepIntervalMs = Math.max(10, Math.min(settings.poolIdleTimeoutMs / 2, 60_000));
  const sweepTimer = setInterval(() => {
    pools.sweep(performance.now());
    resolver.sweep();
  }, sweepIntervalMs);
  sweepTimer.unref();
  let closing: Promise<void> | null = null;

  function send(request: CallbackRequest): Promise<SendResult> {
    const startMs = performance.now();
    if (closing !== null) return failed("network", "the transport is closed", startMs);
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return failed("ssrf", "not a valid URL", startMs);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      return failed("ssrf", `${url.protocol} URLs are not supported`, startMs);
    }
    const entry = pools.get(url.origin, startMs);
    if (entry.pool === null) return failed("ssrf", entry.plan.reason, startMs);
    const { pool } = entry;
    return new Promise<SendResult>((resolve) => {
      const capture = new ResponseCapture(startMs, limits, resolve);
      // dispatch reports its own errors to the handler; it does not throw.
      pool.dispatch(
        {
          path: url.pathname + url.search,
          method: request.method,
          headers: request.headers,
          body: request.body,
        },
        capture,
      );
    });
  }

  return {
    send,
    close(closeOptions = {}) {
      if (closing === null) {
        clearInterval(sweepTimer);
        closing = pools.close(closeOptions.abortInFlight === true);
      }
      // The first call decides between graceful and aborting; later ones await it.
      return closing;
    },
  };
}

function failed(errorClass: SendErrorClass, message: string, startMs: number): Promise<SendResult> {
  const durationMs = Math.round(performance.now() - startMs);
  return Promise.resolve({ kind: "error", errorClass, message, durationMs });
}
