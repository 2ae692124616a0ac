import { describe, expect, it } from "vitest";
import { isEmailAddress, MAX_EMAIL_LENGTH, normaliseEmailAddress } from "./email-address.ts";

describe("isEmailAddress", () => {
  it.each([
    "a@x.co",
    "ops.team+reports@example.co.uk",
    "O'Brien@Example.COM",
    "first_last-1@sub-domain.example.io",
    "user@xn--80ak6aa92e.com",
    "user@example.xn--p1ai",
    "x!#$%&*/=?^`{|}~@example.org",
    `${"l".repeat(64)}@example.com`,
  ])("accepts %s", (address) => {
    expect(isEmailAddress(address)).toBe(true);
  });

  it.each([
    ["empty", ""],
    ["no @", "ops.example.com"],
    ["nothing before @", "@example.com"],
    ["two @", "a@b@example.com"],
    ["no domain", "ops@"],
    ["a single label", "ops@localhost"],
    ["a numeric top-level domain", "ops@10.0.0.1"],
    ["an IP literal", "ops@[127.0.0.1]"],
    ["a one-letter top-level domain", "ops@example.c"],
    ["a leading dot", ".ops@example.com"],
    ["a trailing dot in the local part", "ops.@example.com"],
    ["two dots in a row", "o..ps@example.com"],
    ["a space", "o ps@example.com"],
    ["a quoted local part", '"ops"@example.com'],
    ["a display name", "Ops <ops@example.com>"],
    ["a label starting with a hyphen", "ops@-example.com"],
    ["a label ending with a hyphen", "ops@example-.com"],
    ["an empty label", "ops@example..com"],
    ["a trailing dot in the domain", "ops@example.com."],
    ["an underscore in the domain", "ops@ex_ample.com"],
    ["non-ASCII characters", "jörg@example.com"],
    ["CR/LF (header injection)", "ops@example.com\r\nBcc: x@evil.com"],
    ["a local part over 64 characters", `${"l".repeat(65)}@example.com`],
    ["a domain label over 63 characters", `ops@${"d".repeat(64)}.com`],
  ])("refuses %s", (_name, address) => {
    expect(isEmailAddress(address)).toBe(false);
  });

  it("refuses addresses over 254 characters", () => {
    const domain = `${Array.from({ length: 4 }, () => "d".repeat(60)).join(".")}.com`;
    const fits = `${"l".repeat(MAX_EMAIL_LENGTH - domain.length - 1)}@${domain}`;
    expect(fits.length).toBe(MAX_EMAIL_LENGTH);
    expect(isEmailAddress(fits)).toBe(true);
    expect(isEmailAddress(`l${fits}`)).toBe(false);
  });
});

describe("normaliseEmailAddress", () => {
  it("lower-cases the domain and keeps the local part", () => {
    expect(normaliseEmailAddress("Ops.Team@Example.COM")).toBe("Ops.Team@example.com");
  });
});
