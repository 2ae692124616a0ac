import type { IssueLocation, ValidationIssue } from "../envelope/envelope.ts";

export type { IssueLocation, ValidationIssue };

/** At most this many issues are returned: enough to fix a form, bounded for hostile input. */
export const MAX_ISSUES = 20;

/** Escapes one JSON-pointer segment as Ajv does in `instancePath` (`~` → `~0`, `/` → `~1`). */
export function pointerSegment(segment: string | number): string {
  return String(segment).replaceAll("~", "~0").replaceAll("/", "~1");
}

/** JSON pointer of a path below the validated value, e.g. `["headers", "x-a"]` → `/headers/x-a`. */
export function pointer(segments: readonly (string | number)[]): string {
  return segments.map((segment) => `/${pointerSegment(segment)}`).join("");
}

/** An issue in Fastify's format: `${location}${path} ${message}`. */
export function issueAt(
  location: IssueLocation,
  segments: readonly (string | number)[],
  message: string,
): ValidationIssue {
  return { location, message: `${location}${pointer(segments)} ${message}` };
}

/** Quotes a user-supplied name for a message, with control characters made visible. */
export function quoteName(name: string): string {
  const visible = name.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it escapes
    /[\u0000-\u001f\u007f]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return `'${visible}'`;
}

/** Keeps the first `MAX_ISSUES` distinct issues. */
export function capIssues(issues: readonly ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  const kept: ValidationIssue[] = [];
  for (const issue of issues) {
    const key = `${issue.location}\u0000${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(issue);
    if (kept.length === MAX_ISSUES) break;
  }
  return kept;
}
