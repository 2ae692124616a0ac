import { Ajv } from "ajv";

/**
 * Annotation keywords our schemas carry (extensions, valid in OpenAPI 3.1):
 * - `x-messages`: `{ [ajvKeyword]: message }` replacing Ajv's text for that keyword of that schema,
 *   for texts that help nobody (a regex, "must match a schema in anyOf").
 * - `x-computed`: property names the server computes; sending one names it as such.
 */
export const MESSAGES_KEYWORD = "x-messages";
export const COMPUTED_KEYWORD = "x-computed";

/**
 * The Ajv configuration used for every request schema: all errors (a form shows them together),
 * strict schemas, no type coercion (`"1"` is not `1`), and `verbose` so errors carry their schema.
 */
export function createAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: true, coerceTypes: false, verbose: true });
  ajv.addKeyword({ keyword: MESSAGES_KEYWORD, schemaType: "object" });
  ajv.addKeyword({ keyword: COMPUTED_KEYWORD, schemaType: "array" });
  return ajv;
}

let shared: Ajv | undefined;

/** One Ajv instance for the process, created on first use (compiling is the expensive part). */
export function sharedAjv(): Ajv {
  shared ??= createAjv();
  return shared;
}
