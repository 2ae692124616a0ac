import { describe, expect, it } from "vitest";
import {
  formatIpAddress,
  InvalidIpAddressError,
  parseIpAddress,
  toIpAddress,
} from "./ip-address.ts";

function canonical(text: string): string | null {
  const address = parseIpAddress(text);
  return address === null ? null : formatIpAddress(address);
}

describe("parseIpAddress with IPv4", () => {
  it.each([
    ["127.0.0.1", "127.0.0.1"],
    ["0x7f.1", "127.0.0.1"],
    ["0X7F.0.0.1", "127.0.0.1"],
    ["0177.0.0.1", "127.0.0.1"],
    ["2130706433", "127.0.0.1"],
    ["0x7f000001", "127.0.0.1"],
    ["017700000001", "127.0.0.1"],
    ["127.1", "127.0.0.1"],
    ["127.0.1", "127.0.0.1"],
    ["0x7f.0.0x0.01", "127.0.0.1"],
    ["0xa9.0376.43518", "169.254.169.254"],
    ["127.0.0.1.", "127.0.0.1"],
    ["0", "0.0.0.0"],
    ["0x", "0.0.0.0"],
    ["00000000000000000000000000177.0.0.1", "127.0.0.1"],
    ["4294967295", "255.255.255.255"],
    ["1.16777215", "1.255.255.255"],
    ["1.2.65535", "1.2.255.255"],
  ])("reads %s as %s", (text, expected) => {
    const address = parseIpAddress(text);
    expect(address?.family).toBe(4);
    expect(address === null ? null : formatIpAddress(address)).toBe(expected);
  });

  it.each([
    ["4294967296", "single number above 2^32-1"],
    ["256.0.0.1", "first part above 255"],
    ["1.2.3.256", "last part above 255"],
    ["1.2.65536", "last of three parts above 65535"],
    ["1.16777216", "last of two parts above 2^24-1"],
    ["0x100.1", "hex part above 255"],
    ["1.2.3.4.5", "five parts"],
    ["08.0.0.1", "invalid octal digit"],
    ["0xg.1", "invalid hex digit"],
    ["1..2", "empty part"],
    [".1.2.3", "leading dot"],
    ["1.2.3.4..", "two trailing dots"],
    ["", "empty text"],
    [".", "lone dot"],
    [" 1.2.3.4", "leading space"],
    ["-1.2.3.4", "sign"],
    ["1e3", "exponent"],
    ["[127.0.0.1]", "IPv4 in brackets"],
    ["example.com", "hostname"],
  ])("rejects %s (%s)", (text) => {
    expect(parseIpAddress(text)).toBeNull();
  });
});

describe("parseIpAddress with IPv6", () => {
  it.each([
    ["::", "::"],
    ["[::]", "::"],
    ["::1", "::1"],
    ["[::1]", "::1"],
    ["0:0:0:0:0:0:0:1", "::1"],
    ["2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::1"],
    ["2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"],
    ["2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"],
    ["2001:0:0:1:0:0:0:1", "2001:0:0:1::1"],
    ["1::", "1::"],
    ["1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0"],
    ["::2:3:4:5:6:7:8", "0:2:3:4:5:6:7:8"],
    ["::ffff:127.0.0.1", "::ffff:7f00:1"],
    ["::ffff:7f00:1", "::ffff:7f00:1"],
    ["::127.0.0.1", "::7f00:1"],
    ["64:ff9b::10.0.0.1", "64:ff9b::a00:1"],
    ["0:0:0:0:0:ffff:1.2.3.4", "::ffff:102:304"],
    ["FE80::1%eth0", "fe80::1"],
    ["[fe80::1%eth0]", "fe80::1"],
    ["fe80::1%3", "fe80::1"],
    ["FD00:EC2::254", "fd00:ec2::254"],
  ])("reads %s as %s", (text, expected) => {
    expect(parseIpAddress(text)?.family).toBe(6);
    expect(canonical(text)).toBe(expected);
  });

  it.each([
    [":::", "triple colon"],
    ["1::2::3", "two ::"],
    ["1:2:3:4:5:6:7:8:9", "nine groups"],
    ["1:2:3:4:5:6:7:8::", "eight groups plus ::"],
    ["::1:2:3:4:5:6:7:8", ":: plus eight groups"],
    ["1:2:3:4:5:6:7", "seven groups without ::"],
    ["12345::", "group of five hex digits"],
    ["g::", "non-hex group"],
    [":1:2:3:4:5:6:7", "single leading colon"],
    ["1:2:3:4:5:6:7:", "single trailing colon"],
    ["::ffff:127.1", "short IPv4 tail"],
    ["::ffff:0x7f.0.0.1", "hex IPv4 tail"],
    ["::ffff:127.0.0.01", "IPv4 tail with leading zero"],
    ["::ffff:256.0.0.1", "IPv4 tail out of range"],
    ["1.2.3.4::", "IPv4 before ::"],
    ["::1.2.3.4:1", "IPv4 not last"],
    ["1:2:3:4:5:6:7:1.2.3.4", "IPv4 tail making nine groups"],
    ["fe80::1%", "empty zone"],
    ["fe80::1%eth 0", "zone with space"],
    ["[::1", "unclosed bracket"],
    ["::1]", "stray closing bracket"],
    ["[]", "empty brackets"],
  ])("rejects %s (%s)", (text) => {
    expect(parseIpAddress(text)).toBeNull();
  });
});

describe("toIpAddress", () => {
  it("returns an address object unchanged", () => {
    const address = { family: 4, bytes: Uint8Array.of(1, 2, 3, 4) } as const;
    expect(toIpAddress(address)).toBe(address);
  });

  it("throws InvalidIpAddressError naming the text", () => {
    expect(() => toIpAddress("example.com")).toThrow(InvalidIpAddressError);
    expect(() => toIpAddress("example.com")).toThrow('not an IP address: "example.com"');
  });
});
