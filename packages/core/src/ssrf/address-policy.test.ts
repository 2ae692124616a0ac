import { describe, expect, it } from "vitest";
import type { AddressPolicy } from "./address-policy.ts";
import { checkAddress } from "./address-policy.ts";
import { parseCidrList } from "./cidr-list.ts";
import { parseIpAddress } from "./ip-address.ts";

function policy(allow: string): AddressPolicy {
  const result = parseCidrList(allow);
  if (!result.ok) throw new Error(result.error);
  return { allow: result.cidrs };
}

const HINT = "targets must be public (set REBOUND_ALLOW_PRIVATE_TARGETS to allow)";

describe("checkAddress with no allow-list", () => {
  it.each(["8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808"])(
    "allows public %s",
    (text) => {
      const decision = checkAddress(text, policy(""));
      expect(decision.allowed).toBe(true);
      expect(decision.classification?.kind).toBe("public");
    },
  );

  it.each([
    ["127.0.0.1", `127.0.0.1 is a loopback address; ${HINT}`],
    ["0x7f.1", `127.0.0.1 is a loopback address; ${HINT}`],
    ["0.0.0.0", `0.0.0.0 is an unspecified address; ${HINT}`],
    ["::", `:: is an unspecified address; ${HINT}`],
    ["10.0.0.1", `10.0.0.1 is a private address; ${HINT}`],
    ["169.254.169.254", `169.254.169.254 is a cloud metadata address; ${HINT}`],
    ["169.254.0.1", `169.254.0.1 is a link-local address; ${HINT}`],
    ["100.64.0.1", `100.64.0.1 is a carrier-grade NAT address; ${HINT}`],
    ["224.0.0.1", `224.0.0.1 is a multicast address; ${HINT}`],
    ["255.255.255.255", `255.255.255.255 is a broadcast address; ${HINT}`],
    ["192.0.2.1", `192.0.2.1 is a documentation address; ${HINT}`],
    ["198.18.0.1", `198.18.0.1 is a benchmarking address; ${HINT}`],
    ["240.0.0.1", `240.0.0.1 is a reserved address; ${HINT}`],
    ["fd00:ec2::254", `fd00:ec2::254 is a cloud metadata address; ${HINT}`],
    ["::ffff:127.0.0.1", `::ffff:7f00:1 (IPv4-mapped 127.0.0.1) is a loopback address; ${HINT}`],
    ["::127.0.0.1", `::7f00:1 (IPv4-compatible 127.0.0.1) is a loopback address; ${HINT}`],
    [
      "64:ff9b::a9fe:a9fe",
      `64:ff9b::a9fe:a9fe (NAT64 169.254.169.254) is a cloud metadata address; ${HINT}`,
    ],
    ["2002:7f00:1::", `2002:7f00:1:: (6to4 127.0.0.1) is a loopback address; ${HINT}`],
    [
      "2001:0:4136:e378:8000:63bf:f5ff:fffe",
      `2001:0:4136:e378:8000:63bf:f5ff:fffe (Teredo 10.0.0.1) is a private address; ${HINT}`,
    ],
  ])("refuses %s", (text, reason) => {
    const decision = checkAddress(text, policy(""));
    expect(decision).toMatchObject({ allowed: false, reason });
  });

  it.each(["", "localhost", "example.com", "999.1.1.1", ":::", "1.2.3.4/32"])(
    "refuses unparsable %j without a classification",
    (text) => {
      expect(checkAddress(text, policy("0.0.0.0/0 ::/0"))).toEqual({
        allowed: false,
        classification: null,
        reason: `${JSON.stringify(text)} is not an IP address`,
      });
    },
  );

  it("accepts a parsed address object", () => {
    const address = parseIpAddress("10.0.0.1");
    expect(address).not.toBeNull();
    if (address === null) return;
    expect(checkAddress(address, policy("")).allowed).toBe(false);
    expect(checkAddress(address, policy("10.0.0.0/8")).allowed).toBe(true);
  });
});

describe("checkAddress with an allow-list", () => {
  it.each<[string, string, boolean]>([
    ["127.0.0.0/8", "127.0.0.1", true],
    ["127.0.0.0/8", "127.1", true],
    ["127.0.0.0/8", "::ffff:127.0.0.1", true],
    ["127.0.0.0/8", "10.0.0.1", false],
    ["127.0.0.0/8", "::1", false],
    ["::1", "::1", true],
    ["::1", "127.0.0.1", false],
    ["10.1.2.3", "10.1.2.3", true],
    ["10.1.2.3", "10.1.2.4", false],
    ["10.0.0.0/8, 192.168.0.0/16", "192.168.7.7", true],
    ["fd00::/8", "fd00::1", true],
    ["fd00::/8", "fd00:ec2::254", true],
    ["fd00::/8", "fe80::1", false],
    ["169.254.169.254", "169.254.169.254", true],
    ["169.254.169.254", "169.254.170.2", false],
    // An allowed IPv4 does not extend to NAT64 or 6to4 forms of it.
    ["127.0.0.0/8", "64:ff9b::7f00:1", false],
    ["127.0.0.0/8", "2002:7f00:1::", false],
  ])("allow %j decides %s allowed: %s", (allow, text, allowed) => {
    const decision = checkAddress(text, policy(allow));
    expect(decision.allowed).toBe(allowed);
    expect(decision.classification?.kind).not.toBe("public");
  });
});
