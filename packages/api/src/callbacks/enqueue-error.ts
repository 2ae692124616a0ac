import type { EnqueueIssue, EnqueueIssueKind } from "@rebound/db";
import { ApiError, type ApiErrorKind } from "../errors/api-error.ts";

function errorKindOf(kind: EnqueueIssueKind): ApiErrorKind {
  switch (kind) {
    case "profile-not-found":
      return "notFound";
    case "profile-disabled":
      return "forbidden";
    case "event-not-allowed":
    case "invalid-data":
      return "invalid";
    default: {
      const unknown: never = kind;
      throw new Error(`unknown enqueue issue ${String(unknown)}`);
    }
  }
}

/**
 * The refusal of a trigger: every issue listed with its body path (`body/events/3/profile_id …`
 * for a batch), the HTTP status that of the first issue, so status and message agree.
 */
export function enqueueError(issues: readonly EnqueueIssue[], batch: boolean): ApiError {
  const [first] = issues;
  const kind = first === undefined ? "invalid" : errorKindOf(first.kind);
  return new ApiError(
    kind,
    issues.map((issue) => ({
      location: "body",
      message: `body${batch ? `/events/${issue.index}` : ""}/${issue.field} ${issue.message}`,
    })),
  );
}
