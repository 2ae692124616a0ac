import type { AddressKind } from "./address-ranges.ts";
import type { Cidr } from "./cidr.ts";
import { cidrContains } from "./cidr.ts";
import type { AddressClassification } from "./classify-address.ts";
import { classifyAddress } from "./classify-address.ts";
import type { IpAddress } from "./ip-address.ts";
import { parseIpAddress } from "./ip-address.ts";

/** Which non-public addresses the operator allows (`REBOUND_ALLOW_PRIVATE_TARGETS`). */
export type AddressPolicy = { readonly allow: readonly Cidr[] };

export type AddressDecision =
  | { allowed: true; classification: AddressClassification }
  | {
      allowed: false;
      /** Null when the input was text that is not an IP address. */
      classification: AddressClassification | null;
      reason: string;
    };

const KIND_LABELS: Record<Exclude<AddressKind, "public">, string> = {
  unspecified: "an unspecified",
  loopback: "a loopback",
  private: "a private",
  "link-local": "a link-local",
  cgnat: "a carrier-grade NAT",
  metadata: "a cloud metadata",
  multicast: "a multicast",
  broadcast: "a broadcast",
  documentation: "a documentation",
  benchmarking: "a benchmarking",
  reserved: "a reserved",
};

const VIA_LABELS: Record<NonNullable<AddressClassification["via"]>, string> = {
  "ipv4-mapped": "IPv4-mapped",
  "ipv4-compatible": "IPv4-compatible",
  nat64: "NAT64",
  "6to4": "6to4",
  teredo: "Teredo",
};

function refusalReason(
  classification: AddressClassification,
  kind: Exclude<AddressKind, "public">,
) {
  const { address, via, embeddedIpv4 } = classification;
  const carried = via === undefined ? "" : ` (${VIA_LABELS[via]} ${embeddedIpv4 ?? ""})`;
  return (
    `${address}${carried} is ${KIND_LABELS[kind]} address; ` +
    "targets must be public (set REBOUND_ALLOW_PRIVATE_TARGETS to allow)"
  );
}

/**
 * Decides whether the dispatcher may connect to one resolved address. Public addresses are allowed;
 * every other kind only when an allow-list CIDR contains it. Text that is not an IP address is
 * refused, never allowed.
 *
 * @example
 * checkAddress("127.0.0.1", { allow: [] }).allowed // false
 * checkAddress("8.8.8.8", { allow: [] }).allowed // true
 */
export function checkAddress(address: IpAddress | string, policy: AddressPolicy): AddressDecision {
  const parsed = typeof address === "string" ? parseIpAddress(address) : address;
  if (parsed === null) {
    return {
      allowed: false,
      classification: null,
      reason: `${JSON.stringify(address)} is not an IP address`,
    };
  }
  const classification = classifyAddress(parsed);
  const { kind } = classification;
  if (kind === "public" || policy.allow.some((cidr) => cidrContains(cidr, parsed))) {
    return { allowed: true, classification };
  }
  return { allowed: false, classification, reason: refusalReason(classification, kind) };
}
