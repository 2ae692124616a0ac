import { RESPONSE_CODES, type ResponseKind } from "./response-codes.ts";

/** Where a bad value was found, as in the original API's error list. */
export type IssueLocation = "body" | "params" | "query" | "headers";

export interface ValidationIssue {
  location: IssueLocation;
  message: string;
}

/** One item of the envelope's `error` list, e.g. `{ body: "body must have required property 'title'" }`. */
export type EnvelopeErrorItem = Partial<Record<IssueLocation, string>>;

/**
 * Lists issues the way the original API's `error` field does, one object per issue keyed by location.
 *
 * @example
 * toEnvelopeErrors([{ location: "body", message: "body must have required property 'title'" }])
 * // [{ body: "body must have required property 'title'" }]
 */
export function toEnvelopeErrors(issues: readonly ValidationIssue[]): EnvelopeErrorItem[] {
  return issues.map((issue) => ({ [issue.location]: issue.message }));
}

/** The response body of every API call: `{code, message, data, error, status}` (the seed's shape). */
export interface Envelope<T = unknown> {
  code: string;
  message: string;
  data: T | Record<string, never>;
  error: EnvelopeErrorItem[] | Record<string, never>;
  status: number;
}

/**
 * A success envelope.
 *
 * @example successEnvelope("created", "Profile created successfully", profile)
 */
export function successEnvelope<T>(
  kind: Extract<ResponseKind, "ok" | "created" | "accepted">,
  message: string,
  data: T,
): Envelope<T> {
  const { code, status } = RESPONSE_CODES[kind];
  return { code, message, data, error: {}, status };
}

/** An error envelope; the message is the first issue's, and each issue is listed by location. */
export function errorEnvelope(
  kind: ResponseKind,
  issues: readonly ValidationIssue[],
): Envelope<never> {
  const { code, status } = RESPONSE_CODES[kind];
  return {
    code,
    message: issues[0]?.message ?? "request failed",
    data: {},
    error: toEnvelopeErrors(issues),
    status,
  };
}
