import { describe, expect, it } from "vitest";
import { formatIpAddress } from "./ip-address.ts";
import { classifyUrlHost, isLocalhostName } from "./url-host.ts";

describe("classifyUrlHost", () => {
  it.each([
    ["http://127.0.0.1/", 4, "127.0.0.1"],
    ["http://2130706433/", 4, "127.0.0.1"],
    ["http://0x7f.1:8080/x", 4, "127.0.0.1"],
    ["http://0177.0.0.1/", 4, "127.0.0.1"],
    ["http://127.1/", 4, "127.0.0.1"],
    ["http://127.0.0.1./", 4, "127.0.0.1"],
    ["http://%31%32%37.1/", 4, "127.0.0.1"],
    ["https://169.254.169.254/latest/meta-data/", 4, "169.254.169.254"],
    ["http://[::1]/", 6, "::1"],
    ["http://[::]:80/", 6, "::"],
    ["http://[::ffff:127.0.0.1]/", 6, "::ffff:7f00:1"],
    ["http://user:secret@[FD00:EC2::254]:8080/", 6, "fd00:ec2::254"],
    // Non-special schemes keep the host as written; it is still read as an address.
    ["foo://0x7f.1/", 4, "127.0.0.1"],
  ])("reads %s as IPv%s %s", (url, family, address) => {
    const host = classifyUrlHost(url);
    expect(host.kind).toBe("ip");
    if (host.kind !== "ip") return;
    expect(host.address.family).toBe(family);
    expect(formatIpAddress(host.address)).toBe(address);
  });

  it.each([
    ["https://example.com/hook", "example.com"],
    ["https://EXAMPLE.com./hook", "example.com."],
    ["http://localhost:3000/", "localhost"],
    ["http://api.localhost/", "api.localhost"],
    ["http://1.2.3.4.example/", "1.2.3.4.example"],
  ])("reads %s as hostname %s", (url, hostname) => {
    expect(classifyUrlHost(url)).toEqual({ kind: "hostname", hostname });
  });

  it.each([
    ["not a url", "not a valid URL"],
    ["", "not a valid URL"],
    ["http://", "not a valid URL"],
    ["http://256.0.0.1/", "not a valid URL"],
    ["http://08.1/", "not a valid URL"],
    ["http://[::1/", "not a valid URL"],
    ["http://[fe80::1%25eth0]/", "not a valid URL"],
    ["mailto:someone@example.com", "URL has no host"],
    ["file:///etc/passwd", "URL has no host"],
  ])("refuses %j: %s", (url, reason) => {
    expect(classifyUrlHost(url)).toEqual({ kind: "invalid", reason });
  });

  it("leaves credentials out of the reason", () => {
    const host = classifyUrlHost("http://user:hunter2@exa mple.com/");
    expect(host.kind).toBe("invalid");
    expect(JSON.stringify(host)).not.toContain("hunter2");
  });
});

describe("isLocalhostName", () => {
  it.each([
    ["localhost", true],
    ["localhost.", true],
    ["LOCALHOST", true],
    ["api.localhost", true],
    ["a.b.localhost.", true],
    ["localhost.example.com", false],
    ["mylocalhost", false],
    ["localhostx", false],
    ["example.com", false],
    ["", false],
  ])("%j is localhost: %s", (hostname, expected) => {
    expect(isLocalhostName(hostname)).toBe(expected);
  });
});
