import { STATUS_CODES } from "node:http";
import type { FailureReason } from "../report-aggregate.ts";

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dateTimeFormats.get(timeZone);
  if (!format) {
    // Parts, not the formatted string: Node's and Bun's ICU differ in spacing and punctuation.
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      weekday: "short",
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    dateTimeFormats.set(timeZone, format);
  }
  return format;
}

/**
 * `instant` on the wall clock of `timeZone`, the same text on every runtime.
 *
 * @example formatDateTime(new Date("2026-11-17T11:30:00Z"), "Asia/Kolkata") // "Tue 17 Nov 2026, 17:00"
 */
export function formatDateTime(instant: Date, timeZone: string): string {
  const part: Record<string, string> = {};
  for (const { type, value } of dateTimeFormat(timeZone).formatToParts(instant)) {
    part[type] = value;
  }
  return `${part.weekday} ${part.day} ${part.month} ${part.year}, ${part.hour}:${part.minute}`;
}

/**
 * A report window in the company's time zone, the zone named once at the end.
 *
 * @example
 * formatTimeframe({ start, end }, "Asia/Kolkata")
 * // "Mon 16 Nov 2026, 17:00 – Tue 17 Nov 2026, 17:00 (Asia/Kolkata)"
 */
export function formatTimeframe(window: { start: Date; end: Date }, timeZone: string): string {
  const start = formatDateTime(window.start, timeZone);
  return `${start} – ${formatDateTime(window.end, timeZone)} (${timeZone})`;
}

const countFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** `1234567` → `"1,234,567"`. */
export function formatCount(count: number): string {
  return countFormat.format(count);
}

/**
 * A 0–1 success rate as a percentage with one decimal, rounded down so that a single failure
 * never shows as 100% (and a single success never as 0%); `null` (nothing finished) is "n/a".
 *
 * @example formatSuccessRate(0.99996) // "99.9%"
 */
export function formatSuccessRate(rate: number | null): string {
  if (rate === null || !Number.isFinite(rate)) return "n/a";
  if (rate >= 1) return "100%";
  if (rate <= 0) return "0%";
  // The epsilon keeps float noise (0.57 * 1000 = 569.999…) from costing a tenth.
  const tenths = Math.floor(rate * 1000 + 1e-9);
  return tenths === 0 ? "<0.1%" : `${(tenths / 10).toFixed(1)}%`;
}

/** A user-controlled string made one header line: control characters and runs of space collapse. */
export function singleLine(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point.
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029\s]+/g, " ").trim();
}

const ERROR_CLASS_TEXT: Record<string, string> = {
  timeout: "timed out waiting for the endpoint",
  connect: "could not connect to the endpoint",
  dns: "the host name did not resolve",
  ssrf: "refused: the host resolves to a private or reserved address",
  tls: "TLS handshake failed",
  network: "network error during the request",
  render: "the request could not be rendered from the profile",
};

/**
 * A failure reason for people: `HTTP 503 Service Unavailable`, `timeout: timed out waiting for
 * the endpoint`.
 */
export function describeFailureReason(reason: FailureReason): string {
  if (reason.statusCode !== null) {
    const phrase = STATUS_CODES[reason.statusCode];
    return phrase ? `HTTP ${reason.statusCode} ${phrase}` : `HTTP ${reason.statusCode}`;
  }
  const text = reason.errorClass === null ? undefined : ERROR_CLASS_TEXT[reason.errorClass];
  return text ? `${reason.label}: ${text}` : reason.label;
}
