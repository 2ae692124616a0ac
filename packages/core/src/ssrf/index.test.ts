import { describe, expect, it } from "vitest";
import { checkAddress, classifyUrlHost, isLocalhostName, parseCidrList } from "./index.ts";

/** The dispatcher's flow: allow-list from the operator, URL host, then each address. */
function decide(url: string, allow: string): boolean {
  const list = parseCidrList(allow);
  if (!list.ok) throw new Error(list.error);
  const host = classifyUrlHost(url);
  switch (host.kind) {
    case "ip":
      return checkAddress(host.address, { allow: list.cidrs }).allowed;
    case "hostname":
      return !isLocalhostName(host.hostname);
    case "invalid":
      return false;
  }
}

describe("ssrf public API", () => {
  it.each([
    ["http://0x7f.1:8080/x", "", false],
    ["http://0x7f.1:8080/x", "127.0.0.0/8", true],
    ["http://[::ffff:127.0.0.1]/", "", false],
    ["http://[::ffff:127.0.0.1]/", "127.0.0.1", true],
    ["http://2130706433/", "::1", false],
    ["http://localhost./", "", false],
    ["https://8.8.8.8/", "", true],
    ["https://example.com/", "", true],
    ["nonsense", "0.0.0.0/0", false],
  ])("%s with allow-list %j is allowed: %s", (url, allow, allowed) => {
    expect(decide(url, allow)).toBe(allowed);
  });
});
