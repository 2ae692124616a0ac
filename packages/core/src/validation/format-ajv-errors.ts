import type { ErrorObject } from "ajv";
import { COMPUTED_KEYWORD, MESSAGES_KEYWORD } from "./ajv-instance.ts";
import type { IssueLocation, ValidationIssue } from "./issues.ts";

/**
 * Turns Ajv errors into issues formatted like Fastify's (`body/title must NOT have fewer than 3
 * characters`), with union noise removed, property names added to "additional properties", allowed
 * values listed for enums, and schema-provided texts (`x-messages`) instead of regexes.
 *
 * @param basePath JSON pointer prefixed to every `instancePath` (validating a part of a document).
 */
export function formatAjvErrors(
  errors: readonly ErrorObject[],
  location: IssueLocation,
  basePath = "",
): ValidationIssue[] {
  return pruneUnionErrors(errors)
    .filter((error) => error.keyword !== "if")
    .map((error) => ({
      location,
      message: `${location}${basePath}${error.instancePath} ${messageOf(error)}`,
    }));
}

function messageOf(error: ErrorObject): string {
  const custom = customMessage(error);
  if (custom !== undefined) return custom;
  const message = error.message ?? "is invalid";
  switch (error.keyword) {
    case "additionalProperties": {
      const name = String(error.params.additionalProperty);
      return `${message}: '${name}'${isComputed(error, name) ? " (computed by Rebound, do not send it)" : ""}`;
    }
    case "enum":
      return `${message}: ${(error.params.allowedValues as unknown[]).map(String).join(", ")}`;
    case "pattern":
      return "has an invalid format";
    default:
      return message;
  }
}

function customMessage(error: ErrorObject): string | undefined {
  const messages: unknown = error.parentSchema?.[MESSAGES_KEYWORD];
  if (typeof messages !== "object" || messages === null) return undefined;
  const message: unknown = (messages as Record<string, unknown>)[error.keyword];
  return typeof message === "string" ? message : undefined;
}

function isComputed(error: ErrorObject, name: string): boolean {
  const computed: unknown = error.parentSchema?.[COMPUTED_KEYWORD];
  return Array.isArray(computed) && computed.includes(name);
}

/**
 * For each failed `anyOf`/`oneOf`, keeps only the errors of the branch whose type fits the data
 * (`headers: {"x-a": 1}` → `body/headers/x-a must be string`), or, when no branch's type fits,
 * one `must be object or string` error. Outer unions are resolved first.
 */
export function pruneUnionErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  let result = [...errors];
  const unions = errors
    .filter((error) => error.keyword === "anyOf" || error.keyword === "oneOf")
    .sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  for (const union of unions) {
    if (!result.includes(union)) continue;
    const prefix = `${union.schemaPath}/`;
    const inBranches = new Set(result.filter((error) => isInBranch(error, union, prefix)));
    const replacement = branchToKeep(union, [...inBranches], prefix);
    result = result.flatMap((error) => {
      if (error === union) return replacement;
      return inBranches.has(error) ? [] : [error];
    });
  }
  return result;
}

// Unions inside arrays share one schemaPath: branch errors belong to the union at their data.
function isInBranch(error: ErrorObject, union: ErrorObject, prefix: string): boolean {
  if (!error.schemaPath.startsWith(prefix)) return false;
  const path = union.instancePath;
  return error.instancePath === path || error.instancePath.startsWith(`${path}/`);
}

function branchToKeep(
  union: ErrorObject,
  branchErrors: ErrorObject[],
  prefix: string,
): ErrorObject[] {
  const byBranch = new Map<string, ErrorObject[]>();
  for (const error of branchErrors) {
    const branch = error.schemaPath.slice(prefix.length).split("/")[0] ?? "";
    byBranch.set(branch, [...(byBranch.get(branch) ?? []), error]);
  }
  const types: string[] = [];
  for (const [branch, errors] of byBranch) {
    const typeMiss = errors.find(
      (error) =>
        error.keyword === "type" &&
        error.instancePath === union.instancePath &&
        error.schemaPath === `${prefix}${branch}/type`,
    );
    if (typeMiss === undefined) return errors;
    types.push(String(typeMiss.params.type));
  }
  return [{ ...union, keyword: "type", message: `must be ${types.join(" or ")}` }];
}
