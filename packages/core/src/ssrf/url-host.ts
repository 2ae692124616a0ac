import type { IpAddress } from "./ip-address.ts";
import { parseIpAddress } from "./ip-address.ts";

export type UrlHost =
  | { kind: "ip"; address: IpAddress }
  | { kind: "hostname"; hostname: string }
  | { kind: "invalid"; reason: string };

/**
 * Splits a target URL's host into an IP literal (checked directly) or a hostname (to resolve and
 * check each address). WHATWG `URL` already turns `http://0x7f.1/` into 127.0.0.1; hosts of
 * non-special schemes are not normalised, so the host is always re-parsed here as well.
 *
 * @example
 * classifyUrlHost("http://2130706433/") // { kind: "ip", address: 127.0.0.1 }
 */
export function classifyUrlHost(url: string): UrlHost {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // The URL itself is left out: it may carry credentials.
    return { kind: "invalid", reason: "not a valid URL" };
  }
  const host = parsed.hostname;
  if (host === "") return { kind: "invalid", reason: "URL has no host" };
  const address = parseIpAddress(host);
  if (address !== null) return { kind: "ip", address };
  return { kind: "hostname", hostname: host };
}

/**
 * True for `localhost` and `*.localhost` (with or without a trailing dot), which RFC 6761 reserves
 * for loopback, so callers can refuse them without asking DNS.
 */
export function isLocalhostName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, "");
  return name === "localhost" || name.endsWith(".localhost");
}
