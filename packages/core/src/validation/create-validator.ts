import type { Static, TSchema } from "@sinclair/typebox";
import { sharedAjv } from "./ajv-instance.ts";
import { formatAjvErrors } from "./format-ajv-errors.ts";
import { capIssues, type IssueLocation, type ValidationIssue } from "./issues.ts";

export type ValidatorResult<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

/** Checks untrusted input against one schema. */
export type Validator<T> = (input: unknown) => ValidatorResult<T>;

export interface ValidatorOptions {
  /** JSON pointer of the validated value inside the request part, e.g. `/headers`. */
  basePath?: string;
}

/**
 * Compiles a TypeBox schema with Rebound's Ajv settings into a validator whose issues read like
 * Fastify's (`query/limit must be <= 100`), so params, query and body errors look alike.
 * The input is not modified (no coercion, no defaults).
 *
 * @example
 * const validateQuery = createValidator(Type.Object({ limit: Type.Integer({ maximum: 100 }) }), "query");
 * validateQuery({ limit: 500 }) // { ok: false, issues: [{ location: "query", message: "query/limit must be <= 100" }] }
 */
export function createValidator<T extends TSchema>(
  schema: T,
  location: IssueLocation,
  options: ValidatorOptions = {},
): Validator<Static<T>> {
  const check = sharedAjv().compile(schema);
  return (input) => {
    if (check(input)) return { ok: true, value: input as Static<T> };
    const issues = formatAjvErrors(check.errors ?? [], location, options.basePath);
    return { ok: false, issues: capIssues(issues) };
  };
}
