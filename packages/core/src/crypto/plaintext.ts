/**
 * Text that gets encrypted for a template variable value of any JSON type: strings as is,
 * numbers and booleans via `String()`, `null` (and `undefined`) as "", objects and arrays as JSON.
 * @example plaintextOf({ a: 1 }) // '{"a":1}'
 */
export function plaintextOf(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === null || value === undefined) return "";
  if (typeof value === "object") return JSON.stringify(value) ?? "";
  return String(value);
}
