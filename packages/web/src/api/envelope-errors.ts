/** Where the API found a bad value, as the envelope's `error` items name it. */
export type IssueLocation = "body" | "params" | "query" | "headers";

/** One envelope error item, reduced to what a form needs. */
export interface FieldIssue {
  /** Path below the location, e.g. `["enc", "key"]`; `[]` when the issue is about the whole. */
  path: string[];
  /** The message without its location prefix, e.g. `must be exactly 16 characters …`. */
  message: string;
  /** The original text, e.g. `body/enc/key must be exactly 16 characters …`. */
  text: string;
  location: string;
}

const PREFIX = /^(body|params|query|headers)((?:\/[^ ]*)?) ([\s\S]*)$/;
const REQUIRED = /^must have required property '([^']+)'([\s\S]*)$/;

function unescapeSegment(segment: string): string {
  return segment.replaceAll("~1", "/").replaceAll("~0", "~");
}

/**
 * Reads one envelope error message (`body/url must …`, `body must have required property
 * 'title'`) into the path of the field it concerns and the rest of the message. A missing
 * property becomes an issue on that property ("is required").
 *
 * @example parseIssue("body", "body must have required property 'title'")
 * // { path: ["title"], message: "is required", … }
 */
export function parseIssue(location: string, text: string): FieldIssue {
  const match = PREFIX.exec(text);
  if (match === null) return { path: [], message: text, text, location };
  const pointer = match[2] ?? "";
  const path = pointer === "" ? [] : pointer.slice(1).split("/").map(unescapeSegment);
  const rest = match[3] ?? "";
  const required = REQUIRED.exec(rest);
  if (required?.[1] !== undefined) {
    return {
      path: [...path, required[1]],
      message: `is required${required[2] ?? ""}`,
      text,
      location,
    };
  }
  return { path, message: rest, text, location };
}

/** The envelope's `error` field (`[{body: "…"}]`, or `{}` on success) as parsed issues. */
export function issuesOf(error: unknown): FieldIssue[] {
  if (!Array.isArray(error)) return [];
  const issues: FieldIssue[] = [];
  for (const item of error) {
    if (typeof item !== "object" || item === null) continue;
    for (const [location, message] of Object.entries(item)) {
      if (typeof message === "string") issues.push(parseIssue(location, message));
    }
  }
  return issues;
}

/** Field-keyed messages for inline display, plus what no known field takes. */
export interface FieldErrors {
  byField: Record<string, string[]>;
  other: string[];
}

/**
 * Groups issues by the form field they concern. `fieldOf` maps an issue's path to a field key
 * the form knows (or null); issues it does not place are kept in `other` with their full text.
 */
export function groupByField(
  issues: readonly FieldIssue[],
  fieldOf: (path: readonly string[]) => string | null,
): FieldErrors {
  const byField: Record<string, string[]> = {};
  const other: string[] = [];
  for (const issue of issues) {
    const field = fieldOf(issue.path);
    if (field === null) {
      other.push(issue.text);
      continue;
    }
    byField[field] = [...(byField[field] ?? []), issue.message];
  }
  return { byField, other };
}

/** Field keys of the profile form: top-level names, and `enc.<name>` inside encryption. */
export const PROFILE_FIELDS = [
  "title",
  "http_method",
  "url",
  "headers",
  "body",
  "body_type",
  "dynamic_variables",
  "response_message",
  "channel",
  "events",
  "enc",
  "enc.algo",
  "enc.key",
  "enc.IV",
  "enc.params",
  "enc.iv_mode",
  "status",
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

const PROFILE_FIELD_SET: ReadonlySet<string> = new Set(PROFILE_FIELDS);

/**
 * The profile form field an issue path points at: `["enc", "key"]` → `enc.key`,
 * `["headers", "x-a"]` → `headers`, `["events", "0"]` → `events`. A preview's issues sit under
 * `profile` (`body/profile/url`), which is skipped.
 */
export function profileFieldOf(path: readonly string[]): ProfileField | null {
  const segments = path[0] === "profile" ? path.slice(1) : path;
  const [first, second] = segments;
  if (first === undefined) return null;
  if (first === "enc" && second !== undefined && PROFILE_FIELD_SET.has(`enc.${second}`)) {
    return `enc.${second}` as ProfileField;
  }
  return PROFILE_FIELD_SET.has(first) ? (first as ProfileField) : null;
}
