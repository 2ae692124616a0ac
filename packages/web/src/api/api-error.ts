import { type FieldIssue, issuesOf } from "./envelope-errors.ts";

/** A request the API refused (4xx/5xx envelope) or that never reached it (`status` 0). */
export class ApiRequestError extends Error {
  override name = "ApiRequestError";
  readonly status: number;
  /** The envelope's code (`RBC302` …), or `network` / `bad-response`. */
  readonly code: string;
  readonly issues: FieldIssue[];

  constructor(status: number, code: string, message: string, issues: FieldIssue[] = []) {
    super(message);
    this.status = status;
    this.code = code;
    this.issues = issues;
  }

  /** From an error envelope `{code, message, error, status}`. */
  static fromEnvelope(status: number, envelope: Record<string, unknown>): ApiRequestError {
    const code = typeof envelope.code === "string" ? envelope.code : `HTTP ${status}`;
    const message =
      typeof envelope.message === "string" ? envelope.message : `request failed (${status})`;
    return new ApiRequestError(status, code, message, issuesOf(envelope.error));
  }
}

/** A message for people: the API's own first message, or what went wrong on the way. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiRequestError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
