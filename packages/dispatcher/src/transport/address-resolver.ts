import { lookup as dnsLookup } from "node:dns/promises";
import type { AddressPolicy } from "@rebound/core";
import { checkAddress } from "@rebound/core";
import { TransportError } from "./transport-error.ts";

/** Resolves a hostname to its addresses (A and AAAA, in resolver order). */
export type LookupFunction = (hostname: string) => Promise<string[]>;

export interface AddressResolverOptions {
  policy: AddressPolicy;
  lookup?: LookupFunction;
  /** How long a lookup that passed (or failed) the address check is reused. */
  cacheTtlMs: number;
  /** A lookup that takes longer fails as "dns". */
  timeoutMs: number;
  nowMs?: () => number;
}

export interface AddressResolver {
  /**
   * One address of `hostname` to connect to, after every address it resolves to passed the check.
   * Rejects with a `TransportError` of class "ssrf" or "dns".
   */
  resolve(hostname: string): Promise<string>;
  /** Forgets expired lookups. */
  sweep(): void;
}

type CacheEntry = { address: Promise<string>; expiresAtMs: number };

export async function defaultLookup(hostname: string): Promise<string[]> {
  const records = await dnsLookup(hostname, { all: true, verbatim: true });
  return records.map((record) => record.address);
}

/**
 * Resolves and checks target hostnames, caching each answer (and each SSRF refusal) for
 * `cacheTtlMs`, and sharing one lookup between concurrent connects. DNS failures are not cached.
 */
export function createAddressResolver(options: AddressResolverOptions): AddressResolver {
  const lookup = options.lookup ?? defaultLookup;
  const nowMs = options.nowMs ?? (() => performance.now());
  const cache = new Map<string, CacheEntry>();

  async function lookupChecked(hostname: string): Promise<string> {
    const addresses = await lookupWithTimeout(lookup, hostname, options.timeoutMs);
    for (const address of addresses) {
      const decision = checkAddress(address, options.policy);
      if (!decision.allowed) {
        throw new TransportError("ssrf", `${hostname}: ${decision.reason}`);
      }
    }
    const [first] = addresses;
    if (first === undefined) throw new TransportError("dns", `${hostname} has no addresses`);
    return first;
  }

  return {
    resolve(hostname) {
      const now = nowMs();
      const cached = cache.get(hostname);
      if (cached !== undefined && cached.expiresAtMs > now) return cached.address;
      const entry: CacheEntry = {
        address: lookupChecked(hostname),
        expiresAtMs: now + options.cacheTtlMs,
      };
      cache.set(hostname, entry);
      entry.address.catch((error: unknown) => {
        const refused = error instanceof TransportError && error.errorClass === "ssrf";
        if (!refused && cache.get(hostname) === entry) cache.delete(hostname);
      });
      return entry.address;
    },
    sweep() {
      const now = nowMs();
      for (const [hostname, entry] of cache) {
        if (entry.expiresAtMs <= now) cache.delete(hostname);
      }
    },
  };
}

async function lookupWithTimeout(
  lookup: LookupFunction,
  hostname: string,
  timeoutMs: number,
): Promise<string[]> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new TransportError("dns", `DNS lookup of ${hostname} timed out`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([lookup(hostname), timeout]);
  } catch (error) {
    if (error instanceof TransportError) throw error;
    const code = (error as { code?: unknown }).code;
    const reason = typeof code === "string" ? code : String(error);
    throw new TransportError("dns", `DNS lookup of ${hostname} failed: ${reason}`, {
      cause: error,
    });
  } finally {
    clearTimeout(timer);
  }
}
