import type { CallbackProfileRow } from "../schema/index.ts";

/** Why an item cannot be enqueued; the API maps these to 404, 403 and 400. */
export type EnqueueIssueKind =
  | "profile-not-found"
  | "profile-disabled"
  | "event-not-allowed"
  | "invalid-data";

export interface EnqueueIssue {
  /** Index of the item in the request. */
  index: number;
  /** The item field at fault, as the API names it. */
  field: "profile_id" | "event" | "data";
  kind: EnqueueIssueKind;
  /** Human text without a path, e.g. `profile IN_… is disabled`. */
  message: string;
}

/** The parts of an item the checks read. */
export interface CheckedItem {
  profileId: string;
  event: string;
  data: unknown;
}

function isJsonObject(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Checks one item against its profile (undefined = no live profile of the account): the profile
 * exists and is not disabled by the user, allows the event (an empty list allows any), and the
 * data is a JSON object.
 */
export function checkEnqueueItem(
  item: CheckedItem,
  index: number,
  profile: CallbackProfileRow | undefined,
): EnqueueIssue[] {
  const issues: EnqueueIssue[] = [];
  if (profile === undefined) {
    issues.push({
      index,
      field: "profile_id",
      kind: "profile-not-found",
      message: `profile ${item.profileId} not found`,
    });
  } else if (profile.status === 3) {
    issues.push({
      index,
      field: "profile_id",
      kind: "profile-disabled",
      message: `profile ${item.profileId} is disabled; enable it (status 1) to send callbacks`,
    });
  } else if (profile.events.length > 0 && !profile.events.includes(item.event)) {
    issues.push({
      index,
      field: "event",
      kind: "event-not-allowed",
      message: `event '${item.event}' is not allowed by profile ${item.profileId} (allowed: ${profile.events.join(", ")})`,
    });
  }
  if (!isJsonObject(item.data)) {
    issues.push({ index, field: "data", kind: "invalid-data", message: "must be object" });
  }
  return issues;
}
