import type { AddressPolicy, UrlHost } from "@rebound/core";
import { checkAddress, formatIpAddress, isLocalhostName } from "@rebound/core";

/** How to reach a target host, decided before any socket or DNS query. */
export type TargetPlan =
  /** An IP literal (or localhost) that passed the address check: connect to exactly this. */
  | { kind: "connect"; address: string }
  /** A hostname: resolve it and check every address at connect time. */
  | { kind: "resolve"; hostname: string }
  | { kind: "refuse"; reason: string };

const LOOPBACK_ADDRESSES = ["127.0.0.1", "::1"] as const;

/**
 * Plans the connection for a URL host. IP literals (any spelling: `2130706433`, `0x7f.1`, `[::1]`)
 * are checked here and never reach DNS. `localhost` and `*.localhost` are loopback by definition
 * (RFC 6761), so they map to the first loopback address the allow-list permits, or are refused.
 *
 * @example
 * planTarget(classifyUrlHost("http://127.0.0.1/"), { allow: [] }) // { kind: "refuse", … }
 */
export function planTarget(host: UrlHost, policy: AddressPolicy): TargetPlan {
  switch (host.kind) {
    case "ip": {
      const decision = checkAddress(host.address, policy);
      if (!decision.allowed) return { kind: "refuse", reason: decision.reason };
      return { kind: "connect", address: formatIpAddress(host.address) };
    }
    case "hostname": {
      if (!isLocalhostName(host.hostname)) return { kind: "resolve", hostname: host.hostname };
      const address = LOOPBACK_ADDRESSES.find((text) => checkAddress(text, policy).allowed);
      if (address !== undefined) return { kind: "connect", address };
      return {
        kind: "refuse",
        reason:
          `${host.hostname} is a loopback name; ` +
          "targets must be public (set REBOUND_ALLOW_PRIVATE_TARGETS to allow)",
      };
    }
    case "invalid":
      return { kind: "refuse", reason: host.reason };
    default: {
      const unexpected: never = host;
      return unexpected;
    }
  }
}
