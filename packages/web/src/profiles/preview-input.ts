import type { ProfileView } from "../api/types.ts";
import {
  createRequestBody,
  type ProfileFormValues,
  updateRequestBody,
} from "./profile-form-values.ts";
import type { PreviewInput } from "./use-request-preview.ts";

/**
 * The body of `POST /callback/profiles/preview` for the form as it stands: the create body of a
 * new profile, or the stored profile's id with the changes as an update; the sample event data
 * when given.
 */
export function previewInput(
  values: ProfileFormValues,
  stored: ProfileView | null,
  sampleData: string,
): PreviewInput {
  if (values.url.trim() === "") return { ok: false, messages: ["Enter a URL to see the request."] };
  const built = stored === null ? createRequestBody(values) : updateRequestBody(values, stored);
  if (!built.ok) return { ok: false, messages: [`Headers ${built.message}`] };
  const body: Record<string, unknown> = { profile: built.body };
  if (stored !== null) body.profile_id = stored.profile_id;
  if (sampleData.trim() !== "") {
    let data: unknown;
    try {
      data = JSON.parse(sampleData);
    } catch {
      return { ok: false, messages: ["Sample event data is not valid JSON."] };
    }
    if (typeof data !== "object" || data === null || Array.isArray(data)) {
      return { ok: false, messages: ["Sample event data must be a JSON object."] };
    }
    body.data = data;
  }
  return { ok: true, body };
}
