/**
 * Rows of a drizzle `execute()` result: postgres.js returns an array, PGlite `{ rows }`.
 * Callers name the row shape their SQL returns.
 */
export function rowsOf<Row>(result: unknown): Row[] {
  if (Array.isArray(result)) return result as Row[];
  if (typeof result === "object" && result !== null && "rows" in result) {
    const { rows } = result as { rows: unknown };
    if (Array.isArray(rows)) return rows as Row[];
  }
  throw new TypeError("unexpected result shape from the database driver");
}

/** A timestamp column as a Date whether the driver parsed it or not. */
export function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === "string" || typeof value === "number") return new Date(value);
  throw new TypeError(`not a timestamp: ${String(value)}`);
}

export function toDateOrNull(value: unknown): Date | null {
  return value === null || value === undefined ? null : toDate(value);
}

/**
 * A `uuid[]` parameter as PostgreSQL array text (`{a,b}`), for SQL built with drizzle's `sql`,
 * which would expand a JS array into a list of parameters. Uuids need no quoting.
 */
export function uuidArray(ids: readonly string[]): string {
  return `{${ids.join(",")}}`;
}
