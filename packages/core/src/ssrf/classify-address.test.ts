import { describe, expect, it } from "vitest";
import type { AddressKind } from "./address-ranges.ts";
import { classifyAddress } from "./classify-address.ts";
import { InvalidIpAddressError, parseIpAddress } from "./ip-address.ts";

describe("classifyAddress with IPv4", () => {
  it.each<[string, AddressKind]>([
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "unspecified"],
    ["10.0.0.1", "private"],
    ["100.64.0.1", "cgnat"],
    ["100.127.255.255", "cgnat"],
    ["100.128.0.0", "public"],
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["169.254.169.254", "metadata"],
    ["169.254.170.2", "metadata"],
    ["100.100.100.200", "metadata"],
    ["168.63.129.16", "metadata"],
    ["192.0.0.192", "metadata"],
    ["169.254.1.1", "link-local"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["172.32.0.0", "public"],
    ["192.0.0.8", "reserved"],
    ["192.0.2.1", "documentation"],
    ["198.51.100.7", "documentation"],
    ["203.0.113.9", "documentation"],
    ["192.88.99.1", "reserved"],
    ["192.168.1.1", "private"],
    ["198.18.0.1", "benchmarking"],
    ["198.19.255.255", "benchmarking"],
    ["198.20.0.0", "public"],
    ["224.0.0.1", "multicast"],
    ["239.255.255.250", "multicast"],
    ["240.0.0.1", "reserved"],
    ["255.255.255.254", "reserved"],
    ["255.255.255.255", "broadcast"],
    ["8.8.8.8", "public"],
    ["1.1.1.1", "public"],
    // Legacy spellings classify like their dotted form.
    ["0x7f.1", "loopback"],
    ["0177.0.0.1", "loopback"],
    ["2130706433", "loopback"],
    ["127.1", "loopback"],
    ["0xa9fea9fe", "metadata"],
  ])("%s is %s", (text, kind) => {
    const classification = classifyAddress(text);
    expect(classification.kind).toBe(kind);
    expect(classification.family).toBe(4);
    expect(classification.via).toBeUndefined();
  });

  it("reports the canonical address text", () => {
    expect(classifyAddress("0x7f.1").address).toBe("127.0.0.1");
  });
});

describe("classifyAddress with IPv6", () => {
  it.each<[string, AddressKind, string]>([
    ["::", "unspecified", "::"],
    ["[::]", "unspecified", "::"],
    ["::1", "loopback", "::1"],
    ["[::1]", "loopback", "::1"],
    ["64:ff9b:1::1", "private", "64:ff9b:1::1"],
    ["100::1", "reserved", "100::1"],
    ["100:0:0:1::", "reserved", "100:0:0:1::"],
    ["2001:db8::1", "documentation", "2001:db8::1"],
    ["3fff::1", "documentation", "3fff::1"],
    ["3fff:fff::1", "documentation", "3fff:fff::1"],
    ["3fff:1000::1", "public", "3fff:1000::1"],
    ["2001:1::1", "reserved", "2001:1::1"],
    ["2001:1ff::1", "reserved", "2001:1ff::1"],
    ["2001:200::1", "public", "2001:200::1"],
    ["fc00::1", "private", "fc00::1"],
    ["fd12:3456::1", "private", "fd12:3456::1"],
    ["fd00:ec2::254", "metadata", "fd00:ec2::254"],
    ["fd00:ec2::253", "private", "fd00:ec2::253"],
    ["FE80::1%eth0", "link-local", "fe80::1"],
    ["febf::1", "link-local", "febf::1"],
    ["fec0::1", "private", "fec0::1"],
    ["ff02::1", "multicast", "ff02::1"],
    ["ff0e::1", "multicast", "ff0e::1"],
    ["2606:4700:4700::1111", "public", "2606:4700:4700::1111"],
    ["2a00:1450:4001::200e", "public", "2a00:1450:4001::200e"],
    ["1::", "reserved", "1::"],
    ["4000::1", "reserved", "4000::1"],
    ["e000::1", "reserved", "e000::1"],
  ])("%s is %s", (text, kind, address) => {
    const classification = classifyAddress(text);
    expect(classification).toEqual({ address, family: 6, kind });
  });

  it.each<[string, AddressKind, string, string]>([
    ["::ffff:127.0.0.1", "loopback", "ipv4-mapped", "127.0.0.1"],
    ["::ffff:7f00:1", "loopback", "ipv4-mapped", "127.0.0.1"],
    ["::ffff:a9fe:a9fe", "metadata", "ipv4-mapped", "169.254.169.254"],
    ["::ffff:8.8.8.8", "public", "ipv4-mapped", "8.8.8.8"],
    ["::ffff:0.0.0.0", "unspecified", "ipv4-mapped", "0.0.0.0"],
    ["::127.0.0.1", "loopback", "ipv4-compatible", "127.0.0.1"],
    ["::10.0.0.1", "private", "ipv4-compatible", "10.0.0.1"],
    ["::2", "unspecified", "ipv4-compatible", "0.0.0.2"],
    // Deprecated and unroutable, so not public even with a public IPv4 inside.
    ["::8.8.8.8", "reserved", "ipv4-compatible", "8.8.8.8"],
    ["64:ff9b::a9fe:a9fe", "metadata", "nat64", "169.254.169.254"],
    ["64:ff9b::10.0.0.1", "private", "nat64", "10.0.0.1"],
    ["64:ff9b::808:808", "public", "nat64", "8.8.8.8"],
    ["2002:7f00:1::", "loopback", "6to4", "127.0.0.1"],
    ["2002:a9fe:a9fe:1::1", "metadata", "6to4", "169.254.169.254"],
    ["2002:c000:204::1", "documentation", "6to4", "192.0.2.4"],
    ["2002:808:808::1", "public", "6to4", "8.8.8.8"],
    // Teredo client 10.0.0.1 inverted: 0a.00.00.01 ^ ff.ff.ff.ff = f5.ff.ff.fe.
    ["2001:0:4136:e378:8000:63bf:f5ff:fffe", "private", "teredo", "10.0.0.1"],
    // Client 127.0.0.1 inverted: 80.ff.ff.fe.
    ["2001::80ff:fffe", "loopback", "teredo", "127.0.0.1"],
    // Client 8.8.8.8 inverted: f7.f7.f7.f7.
    ["2001:0:4136:e378:8000:63bf:f7f7:f7f7", "public", "teredo", "8.8.8.8"],
  ])("%s is %s via %s of %s", (text, kind, via, embeddedIpv4) => {
    const classification = classifyAddress(text);
    expect(classification).toMatchObject({ family: 6, kind, via, embeddedIpv4 });
  });

  it("accepts a parsed address object", () => {
    const address = parseIpAddress("::ffff:10.1.2.3");
    expect(address).not.toBeNull();
    if (address === null) return;
    expect(classifyAddress(address)).toEqual({
      address: "::ffff:a01:203",
      family: 6,
      kind: "private",
      via: "ipv4-mapped",
      embeddedIpv4: "10.1.2.3",
    });
  });
});

describe("classifyAddress with text that is not an address", () => {
  it.each(["", "localhost", ":::", "1.2.3.4.5", "256.1.1.1"])("throws for %j", (text) => {
    expect(() => classifyAddress(text)).toThrow(InvalidIpAddressError);
  });
});
