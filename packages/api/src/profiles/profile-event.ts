import type { CallbackProfileSpec } from "@rebound/core";
import { apiError } from "../errors/api-error.ts";

/**
 * The event a test or preview renders: the requested one if the profile allows it, else the
 * profile's first event, else `test`.
 *
 * @param profileName how the error names the profile, e.g. `profile IN_…`
 */
export function profileEvent(
  requested: string | undefined,
  spec: CallbackProfileSpec,
  profileName: string,
): string {
  if (requested === undefined) return spec.events[0] ?? "test";
  if (spec.events.length > 0 && !spec.events.includes(requested)) {
    throw apiError(
      "invalid",
      "body",
      `body/event event '${requested}' is not allowed by ${profileName} (allowed: ${spec.events.join(", ")})`,
    );
  }
  return requested;
}
