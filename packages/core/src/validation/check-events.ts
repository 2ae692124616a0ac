import { CHANNEL_EVENTS, type Channel, DEFAULT_CHANNEL_LABEL } from "../profile/profile.ts";
import { createValidator, type Validator } from "./create-validator.ts";
import { issueAt, quoteName, type ValidationIssue } from "./issues.ts";
import { parseJsonText } from "./json-text.ts";
import { EventListSchema, EventNameSchema } from "./profile-schema.ts";

let validateList: Validator<string[]> | undefined;
let validateName: Validator<string> | undefined;

/** Channel in canonical form: lower case, the UI's "Default - No Channel Selected" as `default`. */
export function normaliseChannel(channel: string | undefined): Channel {
  if (channel === undefined || channel.toLowerCase() === DEFAULT_CHANNEL_LABEL.toLowerCase()) {
    return "default";
  }
  return channel.toLowerCase() as Channel;
}

/**
 * Normalises `events` from a list, the seed's JSON string of a list (`"[\"\"]"`), or one event
 * name (the seed's sample sends `"SMS-sent"`): empty names dropped, duplicates removed, and for
 * channels with a catalogue (sms) at least one event, spelled as in the catalogue.
 */
export function normaliseEvents(
  events: string[] | string | null | undefined,
  channel: Channel,
  issues: ValidationIssue[],
): string[] {
  const names = eventNames(events, issues);
  if (names === null) return [];
  const present = [...new Set(names.filter((name) => name !== ""))];
  const catalogue = CHANNEL_EVENTS[channel];
  if (catalogue === null) return present;
  return catalogueEvents(present, channel, catalogue, issues);
}

function eventNames(
  events: string[] | string | null | undefined,
  issues: ValidationIssue[],
): string[] | null {
  if (events === undefined || events === null) return [];
  if (Array.isArray(events)) return events;
  const text = events.trim();
  if (!text.startsWith("[")) {
    validateName ??= createValidator(EventNameSchema, "body", { basePath: "/events" });
    return collect(validateName(text), issues, (name) => [name]);
  }
  const parsed = parseJsonText(text);
  if (!Array.isArray(parsed)) {
    issues.push(
      issueAt(
        "body",
        ["events"],
        "must be an array of event names, a JSON string of one, or one event name",
      ),
    );
    return null;
  }
  validateList ??= createValidator(EventListSchema, "body", { basePath: "/events" });
  return collect(validateList(parsed), issues, (list) => list);
}

function collect<T>(
  result: { ok: true; value: T } | { ok: false; issues: ValidationIssue[] },
  issues: ValidationIssue[],
  toNames: (value: T) => string[],
): string[] | null {
  if (result.ok) return toNames(result.value);
  issues.push(...result.issues);
  return null;
}

function catalogueEvents(
  names: readonly string[],
  channel: Channel,
  catalogue: readonly string[],
  issues: ValidationIssue[],
): string[] {
  const allowed = catalogue.join(", ");
  if (names.length === 0) {
    issues.push(
      issueAt(
        "body",
        ["events"],
        `must list at least one event for channel ${channel} (allowed: ${allowed})`,
      ),
    );
    return [];
  }
  const canonical = new Set<string>();
  for (const name of names) {
    const known = catalogue.find((event) => event.toLowerCase() === name.toLowerCase());
    if (known === undefined) {
      issues.push(
        issueAt(
          "body",
          ["events"],
          `has ${quoteName(name)}, which is not an event of channel ${channel} (allowed: ${allowed})`,
        ),
      );
    } else canonical.add(known);
  }
  return [...canonical];
}
