import type { ValidationIssue } from "@rebound/core";
import { Type } from "@sinclair/typebox";

const DATE_OR_DATE_TIME =
  "^\\d{4}-\\d{2}-\\d{2}(?:T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?(?:Z|[+-]\\d{2}:\\d{2}))?$";

/** A date-range filter value in a query: a day or a date-time with a time zone. */
export const DateFilterSchema = Type.String({
  pattern: DATE_OR_DATE_TIME,
  "x-messages": {
    pattern: "must be a date (2026-01-31) or a date-time with a time zone (2026-01-31T10:00:00Z)",
  },
});

/** A bound of a time range; `inclusive` false means "before `at`". */
export interface DateBound {
  at: Date;
  inclusive: boolean;
}

/**
 * A bound of a range filter: a day (`2026-01-31`) covers the whole UTC day, so as an end it is
 * exclusive at the next midnight; a date-time is taken as given, inclusive. Problems are pushed
 * to `issues` as `query/<name> …`.
 */
export function parseDateBound(
  text: string | undefined,
  name: string,
  side: "start" | "end",
  issues: ValidationIssue[],
): DateBound | undefined {
  if (text === undefined) return undefined;
  const day = text.slice(0, 10);
  const midnight = new Date(`${day}T00:00:00.000Z`);
  // Date rolls 2026-02-30 over to March; a real day formats back to itself.
  if (Number.isNaN(midnight.getTime()) || midnight.toISOString().slice(0, 10) !== day) {
    issues.push({ location: "query", message: `query/${name} must be a valid date` });
    return undefined;
  }
  if (text.length === 10) {
    if (side === "start") return { at: midnight, inclusive: true };
    return { at: new Date(midnight.getTime() + 86_400_000), inclusive: false };
  }
  const at = new Date(text);
  if (Number.isNaN(at.getTime())) {
    issues.push({ location: "query", message: `query/${name} must be a valid date-time` });
    return undefined;
  }
  return { at, inclusive: true };
}
