import { describe, expect, it } from "vitest";
import {
  describeFailureReason,
  formatCount,
  formatDateTime,
  formatSuccessRate,
  formatTimeframe,
  singleLine,
} from "./email-format.ts";

describe("formatTimeframe", () => {
  it.each([
    [
      "a daily window in India",
      "2026-11-16T11:30:00Z",
      "2026-11-17T11:30:00Z",
      "Asia/Kolkata",
      "Mon 16 Nov 2026, 17:00 – Tue 17 Nov 2026, 17:00 (Asia/Kolkata)",
    ],
    [
      "New York's spring-forward day (23 h)",
      "2026-03-07T22:00:00Z",
      "2026-03-08T21:00:00Z",
      "America/New_York",
      "Sat 7 Mar 2026, 17:00 – Sun 8 Mar 2026, 17:00 (America/New_York)",
    ],
    [
      "London's fall-back day (25 h)",
      "2026-10-24T16:00:00Z",
      "2026-10-25T17:00:00Z",
      "Europe/London",
      "Sat 24 Oct 2026, 17:00 – Sun 25 Oct 2026, 17:00 (Europe/London)",
    ],
    [
      "a monthly window over the year end",
      "2025-12-25T06:00:00Z",
      "2026-01-25T06:00:00Z",
      "Australia/Lord_Howe",
      "Thu 25 Dec 2025, 17:00 – Sun 25 Jan 2026, 17:00 (Australia/Lord_Howe)",
    ],
  ])("shows %s on the company's wall clock", (_name, start, end, timeZone, expected) => {
    expect(formatTimeframe({ start: new Date(start), end: new Date(end) }, timeZone)).toBe(
      expected,
    );
  });

  it("shows midnight as 00:00, not 24:00", () => {
    expect(formatDateTime(new Date("2026-01-01T00:00:00Z"), "UTC")).toBe("Thu 1 Jan 2026, 00:00");
  });

  it("rejects an unknown time zone", () => {
    expect(() => formatDateTime(new Date(), "Mars/Olympus")).toThrow(RangeError);
  });
});

describe("formatSuccessRate", () => {
  it.each([
    [null, "n/a"],
    [Number.NaN, "n/a"],
    [1, "100%"],
    [0, "0%"],
    [0.57, "57.0%"],
    [12_840 / 12_877, "99.7%"],
    [0.99996, "99.9%"],
    [0.00001, "<0.1%"],
  ])("%s → %s", (rate, expected) => {
    expect(formatSuccessRate(rate)).toBe(expected);
  });
});

describe("small formatters", () => {
  it("groups thousands", () => {
    expect(formatCount(0)).toBe("0");
    expect(formatCount(1_234_567)).toBe("1,234,567");
  });

  it("turns control characters and line breaks into single spaces", () => {
    expect(singleLine(" Acme\r\nBcc: x\t\u0000y\u2028z ")).toBe("Acme Bcc: x y z");
  });

  it("describes failure reasons by status phrase or error class", () => {
    const reason = { label: "HTTP 503", statusCode: 503, errorClass: null, count: 1 };
    expect(describeFailureReason(reason)).toBe("HTTP 503 Service Unavailable");
    expect(describeFailureReason({ ...reason, label: "HTTP 599", statusCode: 599 })).toBe(
      "HTTP 599",
    );
    expect(
      describeFailureReason({ label: "dns", statusCode: null, errorClass: "dns", count: 1 }),
    ).toBe("dns: the host name did not resolve");
    expect(
      describeFailureReason({ label: "unknown", statusCode: null, errorClass: null, count: 1 }),
    ).toBe("unknown");
  });
});
