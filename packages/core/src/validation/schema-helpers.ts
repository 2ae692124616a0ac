import { type SchemaOptions, type TSchema, type TUnsafe, Type } from "@sinclair/typebox";
import { MESSAGES_KEYWORD } from "./ajv-instance.ts";

const REGEX_SYNTAX = /[\\^$.*+?()[\]{}|/]/g;

/** A regex source matching `text` in any letter case (Ajv patterns take no flags). */
export function anyCasePattern(text: string): string {
  return [...text]
    .map((char) => {
      const lower = char.toLowerCase();
      const upper = char.toUpperCase();
      if (lower !== upper) return `[${upper}${lower}]`;
      return char.replace(REGEX_SYNTAX, "\\$&");
    })
    .join("");
}

/**
 * A string equal to one of `values` in any letter case (`post`, `Post`, `POST`); the error lists
 * the values as Ajv's enum message does. Callers normalise the case after validation.
 */
export function anyCaseEnum(
  values: readonly string[],
  options: SchemaOptions = {},
): TUnsafe<string> {
  return Type.Unsafe<string>({
    ...options,
    type: "string",
    pattern: `^(?:${values.map(anyCasePattern).join("|")})$`,
    [MESSAGES_KEYWORD]: {
      pattern: `must be equal to one of the allowed values: ${values.join(", ")}`,
    },
  });
}

/** A plain JSON Schema `enum` (TypeBox unions of literals give unreadable `anyOf` errors). */
export function literalEnum<const T extends readonly (string | number)[]>(
  values: T,
  options: SchemaOptions = {},
): TUnsafe<T[number]> {
  const type = values.every((value) => typeof value === "number") ? "integer" : "string";
  return Type.Unsafe<T[number]>({ ...options, type, enum: [...values] });
}

/** `schema` or `null`. */
export function nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}

/** Schema options with `x-messages`: replacement texts per Ajv keyword. */
export function withMessages(
  messages: Record<string, string>,
  options: SchemaOptions = {},
): SchemaOptions {
  return { ...options, [MESSAGES_KEYWORD]: messages };
}
