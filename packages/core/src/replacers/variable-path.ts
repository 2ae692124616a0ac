import type { JsonValue } from "../profile/profile.ts";

/** One step of a variable path: an object member name or an array index. */
export type PathSegment = string | number;

const SEGMENT_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*/;
const INDEX_PATTERN = /^\[(\d{1,6})\]/;
const MEMBER_PATTERN = /^\.([A-Za-z_][A-Za-z0-9_]*)/;

/** The textual pattern of a variable path, shared with the placeholder pattern. */
export const VARIABLE_PATH_SOURCE =
  "[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*|\\[\\d{1,6}\\])*";

/**
 * Splits a variable path into segments, or returns `null` when it is not a valid path.
 *
 * @example parseVariablePath("parts[0].name") // ["parts", 0, "name"]
 */
// Paths come from templates, so few distinct ones recur for every event: parse each once.
const parsedPaths = new Map<string, readonly PathSegment[] | null>();
const MAX_PARSED_PATHS = 10_000;

export function parseVariablePath(path: string): readonly PathSegment[] | null {
  const cached = parsedPaths.get(path);
  if (cached !== undefined) return cached;
  const parsed = parsePath(path);
  if (parsed !== null) Object.freeze(parsed);
  if (parsedPaths.size >= MAX_PARSED_PATHS) parsedPaths.clear();
  parsedPaths.set(path, parsed);
  return parsed;
}

function parsePath(path: string): PathSegment[] | null {
  const head = SEGMENT_PATTERN.exec(path);
  if (!head) return null;
  const segments: PathSegment[] = [head[0]];
  let rest = path.slice(head[0].length);
  while (rest.length > 0) {
    const index = INDEX_PATTERN.exec(rest);
    const member = index ? null : MEMBER_PATTERN.exec(rest);
    if (index?.[1] !== undefined) segments.push(Number(index[1]));
    else if (member?.[1] !== undefined) segments.push(member[1]);
    else return null;
    rest = rest.slice((index ?? member)?.[0].length ?? rest.length);
  }
  return segments;
}

export type LookupResult = { found: true; value: JsonValue } | { found: false };

/**
 * Reads a variable from event data. Only own members are followed, so `constructor` or
 * `__proto__` never reach into prototypes; `undefined` counts as missing.
 */
export function lookupVariable(data: unknown, segments: readonly PathSegment[]): LookupResult {
  let current: unknown = data;
  for (const segment of segments) {
    if (typeof segment === "number") {
      if (!Array.isArray(current) || segment >= current.length) return { found: false };
      current = current[segment];
    } else {
      if (current === null || typeof current !== "object" || Array.isArray(current)) {
        return { found: false };
      }
      if (!Object.hasOwn(current, segment)) return { found: false };
      current = (current as Record<string, unknown>)[segment];
    }
  }
  if (current === undefined) return { found: false };
  return { found: true, value: current as JsonValue };
}

/** True when `path` is `param` itself or a member/element below it (`address` covers `address.city`). */
export function isPathWithin(path: string, param: string): boolean {
  if (path === param) return true;
  if (!path.startsWith(param)) return false;
  const next = path.charAt(param.length);
  return next === "." || next === "[";
}
