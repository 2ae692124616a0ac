import { describe, expect, it } from "vitest";
import { canonicalTimeZone } from "./time-zone.ts";

describe("canonicalTimeZone", () => {
  it.each([
    ["UTC", "UTC"],
    ["utc", "UTC"],
    ["Asia/Tokyo", "Asia/Tokyo"],
    ["asia/tokyo", "Asia/Tokyo"],
    ["EUROPE/PARIS", "Europe/Paris"],
    ["America/Argentina/Salta", "America/Argentina/Salta"],
    ["etc/gmt+5", "Etc/GMT+5"],
    // Links keep the chosen name on every engine (Node 20 would resolve them differently).
    ["Asia/Kolkata", "Asia/Kolkata"],
    ["Asia/Calcutta", "Asia/Calcutta"],
    ["US/Eastern", "US/Eastern"],
    ["Etc/UTC", "Etc/UTC"],
  ])("accepts %s as %s", (name, canonical) => {
    expect(canonicalTimeZone(name)).toBe(canonical);
  });

  it.each([
    ["an unknown zone", "Mars/Olympus_Mons"],
    ["an empty name", ""],
    ["an offset (not a zone)", "+05:30"],
    ["a compact offset", "-0800"],
    ["surrounding spaces", " Asia/Tokyo"],
    ["a trailing newline", "Asia/Tokyo\n"],
    ["a leading slash", "/Asia/Tokyo"],
    ["a trailing slash", "Asia/Tokyo/"],
    ["a path traversal", "../../etc/passwd"],
    ["an overlong name", `Asia/${"A".repeat(60)}`],
  ])("refuses %s", (_name, name) => {
    expect(canonicalTimeZone(name)).toBeNull();
  });
});
