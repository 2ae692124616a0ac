import type { IssueLocation, ResponseKind, ValidationIssue } from "@rebound/core";

/** Response kinds that are errors; core's `RESPONSE_CODES` maps each to its code and status. */
export type ApiErrorKind = Exclude<ResponseKind, "ok" | "created" | "accepted">;

/**
 * An expected failure of a request, turned into the envelope by the one `onError`. The issues
 * become the envelope's message (first issue) and `error` list.
 */
export class ApiError extends Error {
  override name = "ApiError";
  readonly kind: ApiErrorKind;
  readonly issues: ValidationIssue[];
  /** Extra response headers, e.g. `Retry-After`. */
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    kind: ApiErrorKind,
    issues: ValidationIssue[],
    headers: Readonly<Record<string, string>> = {},
  ) {
    super(issues[0]?.message ?? kind);
    this.kind = kind;
    this.issues = issues;
    this.headers = headers;
  }
}

/** An error with one issue. */
export function apiError(
  kind: ApiErrorKind,
  location: IssueLocation,
  message: string,
  headers: Readonly<Record<string, string>> = {},
): ApiError {
  return new ApiError(kind, [{ location, message }], headers);
}

export function profileNotFound(id: string): ApiError {
  return apiError("notFound", "params", `params/id profile ${id} not found`);
}

export function accountNotFound(sid: string): ApiError {
  return apiError("notFound", "params", `account ${sid} not found`);
}

export function invalidJson(): ApiError {
  return apiError("invalid", "body", "body must be valid JSON");
}
