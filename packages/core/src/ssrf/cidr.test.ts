import { describe, expect, it } from "vitest";
import type { Cidr } from "./cidr.ts";
import { cidrContains, formatCidr, parseCidr } from "./cidr.ts";
import { parseCidrList } from "./cidr-list.ts";
import type { IpAddress } from "./ip-address.ts";
import { parseIpAddress } from "./ip-address.ts";

function cidr(text: string): Cidr {
  const result = parseCidr(text);
  if (!result.ok) throw new Error(result.error);
  return result.cidr;
}

function address(text: string): IpAddress {
  const parsed = parseIpAddress(text);
  if (parsed === null) throw new Error(`test address ${text} does not parse`);
  return parsed;
}

describe("parseCidr", () => {
  it.each([
    ["10.0.0.0/8", "10.0.0.0/8"],
    ["10.1.2.3/8", "10.0.0.0/8"],
    ["10.1.2.3", "10.1.2.3/32"],
    ["172.31.255.255/12", "172.16.0.0/12"],
    ["0.0.0.0/0", "0.0.0.0/0"],
    ["1.2.3.4/0", "0.0.0.0/0"],
    ["192.168.1.255/23", "192.168.0.0/23"],
    ["127.1/8", "127.0.0.0/8"],
    ["::1", "::1/128"],
    ["[::1]/128", "::1/128"],
    ["fd00::1/8", "fd00::/8"],
    ["fe80::1:2/10", "fe80::/10"],
    ["2001:db8:ffff::/33", "2001:db8:8000::/33"],
    ["::/0", "::/0"],
    ["::ffff:10.0.0.0/104", "::ffff:a00:0/104"],
  ])("reads %s as %s", (text, expected) => {
    expect(formatCidr(cidr(text))).toBe(expected);
  });

  it.each([
    ["10.0.0.0/33", 'invalid CIDR "10.0.0.0/33": prefix length must be 0-32 for IPv4'],
    ["::/129", 'invalid CIDR "::/129": prefix length must be 0-128 for IPv6'],
    ["10.0.0.0/", 'invalid CIDR "10.0.0.0/": prefix length must be 0-32 for IPv4'],
    ["10.0.0.0/-1", 'invalid CIDR "10.0.0.0/-1": prefix length must be 0-32 for IPv4'],
    ["10.0.0.0/8.5", 'invalid CIDR "10.0.0.0/8.5": prefix length must be 0-32 for IPv4'],
    ["10.0.0.0/1000", 'invalid CIDR "10.0.0.0/1000": prefix length must be 0-32 for IPv4'],
    ["10.0.0.0/ 8", 'invalid CIDR "10.0.0.0/ 8": prefix length must be 0-32 for IPv4'],
    ["300.0.0.0/8", 'invalid CIDR "300.0.0.0/8": "300.0.0.0" is not an IP address'],
    ["localhost", 'invalid CIDR "localhost": "localhost" is not an IP address'],
    ["/8", 'invalid CIDR "/8": "" is not an IP address'],
    ["1::2::3/64", 'invalid CIDR "1::2::3/64": "1::2::3" is not an IP address'],
  ])("rejects %s", (text, error) => {
    expect(parseCidr(text)).toEqual({ ok: false, error });
  });
});

describe("cidrContains", () => {
  it.each<[string, string, boolean]>([
    ["10.0.0.0/8", "10.255.255.255", true],
    ["10.0.0.0/8", "11.0.0.0", false],
    ["10.0.0.0/8", "9.255.255.255", false],
    ["192.168.0.0/23", "192.168.1.200", true],
    ["192.168.0.0/23", "192.168.2.0", false],
    ["10.1.2.3", "10.1.2.3", true],
    ["10.1.2.3", "10.1.2.4", false],
    ["0.0.0.0/0", "203.0.113.1", true],
    ["127.0.0.0/8", "0x7f.1", true],
    ["fd00::/8", "fd12::1", true],
    ["fd00::/8", "fc00::1", false],
    ["2001:db8::/33", "2001:db8:7fff::1", true],
    ["2001:db8::/33", "2001:db8:8000::1", false],
    ["::1", "::1", true],
    ["::1", "::2", false],
    ["::/0", "2606:4700::1", true],
    // IPv4-mapped addresses are the IPv4 they carry.
    ["127.0.0.0/8", "::ffff:127.0.0.1", true],
    ["127.0.0.0/8", "::ffff:7f00:1", true],
    ["10.0.0.0/8", "::ffff:127.0.0.1", false],
    ["::ffff:10.0.0.0/104", "10.9.9.9", true],
    ["::ffff:10.0.0.0/104", "11.0.0.1", false],
    ["::ffff:10.0.0.0/104", "::ffff:10.9.9.9", true],
    // Families never mix otherwise.
    ["0.0.0.0/0", "::1", false],
    ["0.0.0.0/0", "::127.0.0.1", false],
    ["0.0.0.0/0", "64:ff9b::7f00:1", false],
    ["::/0", "127.0.0.1", false],
    ["::/96", "127.0.0.1", false],
  ])("%s contains %s: %s", (network, candidate, expected) => {
    expect(cidrContains(cidr(network), address(candidate))).toBe(expected);
  });
});

describe("parseCidrList", () => {
  it.each(["", "   ", ",", " , \n\t,"])("reads %j as an empty list", (text) => {
    expect(parseCidrList(text)).toEqual({ ok: true, cidrs: [] });
  });

  it.each([
    ["127.0.0.0/8, ::1, 10.1.2.3", ["127.0.0.0/8", "::1/128", "10.1.2.3/32"]],
    ["127.0.0.0/8 ::1\n10.1.2.3", ["127.0.0.0/8", "::1/128", "10.1.2.3/32"]],
    [" 10.0.0.0/8,,192.168.0.0/16 ,", ["10.0.0.0/8", "192.168.0.0/16"]],
    ["fd00::/8\tfe80::/10", ["fd00::/8", "fe80::/10"]],
  ])("reads %j", (text, expected) => {
    const result = parseCidrList(text);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.cidrs.map(formatCidr)).toEqual(expected);
  });

  it.each([
    ["127.0.0.0/8, localhost", 'invalid CIDR "localhost": "localhost" is not an IP address'],
    ["10.0.0.0/33 ::1", 'invalid CIDR "10.0.0.0/33": prefix length must be 0-32 for IPv4'],
    ["::1, fd00::/200", 'invalid CIDR "fd00::/200": prefix length must be 0-128 for IPv6'],
    ["10.0.0.0;8", 'invalid CIDR "10.0.0.0;8": "10.0.0.0;8" is not an IP address'],
  ])("fails %j naming the bad entry", (text, error) => {
    expect(parseCidrList(text)).toEqual({ ok: false, error });
  });
});
