import { classifyUrlHost } from "@rebound/core";
import { describe, expect, it } from "vitest";
import { planTarget } from "./target-plan.ts";
import { cidrs } from "./testing/requests.ts";

function plan(url: string, allow = "") {
  return planTarget(classifyUrlHost(url), { allow: cidrs(allow) });
}

describe("planTarget", () => {
  it.each([
    ["http://8.8.8.8/", "8.8.8.8"],
    ["https://[2606:4700:4700::1111]/", "2606:4700:4700::1111"],
  ])("connects to the public literal %s", (url, address) => {
    expect(plan(url)).toEqual({ kind: "connect", address });
  });

  it.each([
    "http://127.0.0.1/",
    "http://2130706433/",
    "http://0x7f.1/",
    "http://[::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://169.254.169.254/",
    "http://10.1.2.3/",
    "http://localhost/",
    "http://a.b.localhost/",
  ])("refuses %s by default", (url) => {
    expect(plan(url).kind).toBe("refuse");
  });

  it.each([
    ["http://2130706433/", "127.0.0.0/8", "127.0.0.1"],
    ["http://[::1]:8080/", "::1/128", "::1"],
    ["http://localhost/", "127.0.0.0/8", "127.0.0.1"],
    ["http://localhost/", "::1", "::1"],
    ["http://x.localhost/", "127.0.0.1 ::1", "127.0.0.1"],
  ])("connects %s allowed by %s to %s", (url, allow, address) => {
    expect(plan(url, allow)).toEqual({ kind: "connect", address });
  });

  it("resolves other hostnames", () => {
    expect(plan("https://Hooks.Example.com/x")).toEqual({
      kind: "resolve",
      hostname: "hooks.example.com",
    });
  });

  it("refuses an invalid URL", () => {
    expect(plan("not a url")).toEqual({ kind: "refuse", reason: "not a valid URL" });
  });
});
