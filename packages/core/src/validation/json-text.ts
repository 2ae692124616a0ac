import type { JsonObject } from "../profile/profile.ts";

/** Parses JSON text, or returns `undefined` when it is not valid JSON. */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** True for a plain object (not an array, not null, not a class instance). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Why a value is not a JSON object Rebound can store and render, or `undefined` when it is.
 * Input may come from code rather than `JSON.parse`, so `undefined`, functions, `NaN` or class
 * instances are refused here instead of vanishing or breaking the renderer.
 */
export function jsonObjectProblem(
  value: Record<string, unknown>,
  maxDepth: number,
): string | undefined {
  return jsonProblem(value, 1, maxDepth);
}

function jsonProblem(value: unknown, depth: number, maxDepth: number): string | undefined {
  if (value === null || typeof value === "string" || typeof value === "boolean") return undefined;
  if (typeof value === "number") {
    return Number.isFinite(value) ? undefined : "must contain only finite numbers";
  }
  const children = Array.isArray(value)
    ? value
    : isPlainObject(value)
      ? Object.values(value)
      : null;
  if (children === null) return `must contain only JSON values (found ${typeof value})`;
  if (depth > maxDepth) return `must not be nested more than ${maxDepth} levels deep`;
  for (const child of children) {
    const problem = jsonProblem(child, depth + 1, maxDepth);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

/** Narrows a value checked by `jsonObjectProblem`. */
export function asJsonObject(value: Record<string, unknown>): JsonObject {
  return value as JsonObject;
}

/** Number of UTF-8 bytes of a string. */
export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}
