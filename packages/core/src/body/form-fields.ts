import type { JsonValue } from "../profile/profile.ts";
import { textOf } from "../replacers/render-template.ts";

/** One flattened form field. */
export type FormField = readonly [name: string, value: string];

/**
 * Flattens a JSON object into form fields with bracket names, the convention of PHP, Rails and
 * Stripe: `{a: {b: 1}, c: [x, y]}` → `a[b]=1`, `c[0]=x`, `c[1]=y`. Null becomes "".
 */
export function flattenFormFields(value: JsonValue, prefix = ""): FormField[] {
  if (value !== null && typeof value === "object") {
    const entries = Array.isArray(value)
      ? value.map((item, index) => [String(index), item] as const)
      : Object.entries(value);
    if (entries.length === 0 && prefix !== "") return [[prefix, ""]];
    return entries.flatMap(([key, item]) =>
      flattenFormFields(item, prefix === "" ? key : `${prefix}[${key}]`),
    );
  }
  return prefix === "" ? [] : [[prefix, textOf(value)]];
}

/** `application/x-www-form-urlencoded` serialisation of the fields. */
export function encodeUrlencoded(fields: readonly FormField[]): string {
  return new URLSearchParams(
    fields.map(([name, value]): [string, string] => [name, value]),
  ).toString();
}
