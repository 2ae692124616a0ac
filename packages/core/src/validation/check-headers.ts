import { createValidator, type Validator } from "./create-validator.ts";
import { issueAt, quoteName, type ValidationIssue } from "./issues.ts";
import { isPlainObject, parseJsonText } from "./json-text.ts";
import { HeadersObjectSchema } from "./profile-schema.ts";

/** RFC 9110 `token`: the characters a header field name may contain. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
export const MAX_HEADER_NAME_LENGTH = 256;

/**
 * Headers Rebound sets itself: framing and connection headers (a wrong value corrupts the request
 * or smuggles another) and the Standard Webhooks signature headers receivers verify.
 */
export const MANAGED_HEADERS: readonly string[] = [
  "host",
  "content-length",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "upgrade",
  "te",
  "trailer",
  "proxy-connection",
  "webhook-id",
  "webhook-timestamp",
  "webhook-signature",
];

let validateParsed: Validator<Record<string, string>> | undefined;

/**
 * Normalises profile headers given as an object or as the seed's JSON string of one, pushing
 * problems to `issues` and returning `{}` for what could not be read.
 */
export function normaliseHeaders(
  input: Record<string, string> | string | undefined,
  issues: ValidationIssue[],
): Record<string, string> {
  const headers = typeof input === "string" ? parseHeadersText(input, issues) : (input ?? {});
  issues.push(...headerNameIssues(headers));
  return headers;
}

function parseHeadersText(text: string, issues: ValidationIssue[]): Record<string, string> {
  if (text.trim() === "") return {};
  const parsed = parseJsonText(text);
  if (!isPlainObject(parsed)) {
    issues.push(issueAt("body", ["headers"], "must be an object or a JSON string of an object"));
    return {};
  }
  validateParsed ??= createValidator(HeadersObjectSchema, "body", { basePath: "/headers" });
  const result = validateParsed(parsed);
  if (result.ok) return result.value;
  issues.push(...result.issues);
  // Keep the readable entries so header names are still checked in the same response.
  return Object.fromEntries(
    Object.entries(parsed).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string",
    ),
  );
}

function headerNameIssues(headers: Record<string, string>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = new Map<string, string>();
  for (const name of Object.keys(headers)) {
    const lower = name.toLowerCase();
    if (name.length > MAX_HEADER_NAME_LENGTH) {
      issues.push(
        issueAt(
          "body",
          ["headers"],
          `has a header name longer than ${MAX_HEADER_NAME_LENGTH} characters`,
        ),
      );
    } else if (!HEADER_NAME.test(name)) {
      issues.push(
        issueAt(
          "body",
          ["headers"],
          `has an invalid header name ${quoteName(name)}: use letters, digits and !#$%&'*+-.^_\`|~`,
        ),
      );
    } else if (MANAGED_HEADERS.includes(lower)) {
      issues.push(issueAt("body", ["headers", name], "is set by Rebound and cannot be configured"));
    }
    const previous = seen.get(lower);
    if (previous !== undefined) {
      issues.push(
        issueAt(
          "body",
          ["headers"],
          `has duplicate header names ${quoteName(previous)} and ${quoteName(name)} (names are case-insensitive)`,
        ),
      );
    }
    seen.set(lower, name);
  }
  return issues;
}
