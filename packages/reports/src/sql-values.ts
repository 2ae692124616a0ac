/** A jsonb array of strings, parsed by the driver or still text. */
export function toStringArray(value: unknown): string[] {
  const parsed: unknown = typeof value === "string" ? JSON.parse(value) : value;
  if (!Array.isArray(parsed)) throw new TypeError(`not a JSON array: ${String(value)}`);
  return parsed.filter((item): item is string => typeof item === "string");
}
