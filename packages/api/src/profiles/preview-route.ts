import {
  buildCallbackRequest,
  type CallbackProfileSpec,
  createValidator,
  type ProfileValidationResult,
  redactHeaders,
  successEnvelope,
  type ValidationIssue,
  type Validator,
  validateProfileCreate,
  validateProfileUpdate,
} from "@rebound/core";
import { specFromRow } from "@rebound/db";
import type { Hono } from "hono";
import type { ResolvedApiOptions } from "../api-options.ts";
import type { AppEnv } from "../app-env.ts";
import { ApiError, profileNotFound } from "../errors/api-error.ts";
import { readJsonBody } from "../http/json-body.ts";
import { restoreEchoedSecrets } from "./echoed-secrets.ts";
import {
  type ProfilePreviewBody,
  ProfilePreviewBodySchema,
  type ProfilePreviewView,
} from "./preview-schemas.ts";
import { profileEvent } from "./profile-event.ts";
import { PROFILES_PATH } from "./profile-routes.ts";
import { findProfile } from "./profile-store.ts";
import { sampleEventData } from "./sample-event-data.ts";

// The title is not part of the request; a form being typed must still preview without one.
const PREVIEW_TITLE = "Preview";

let validateBody: Validator<ProfilePreviewBody> | undefined;

/** The profile's issues point into `body/profile`, where the client sent it. */
function underProfile(issues: readonly ValidationIssue[]): ValidationIssue[] {
  return issues.map((issue) => ({
    ...issue,
    message: issue.message.replace(/^body(?=[/ ])/, "body/profile"),
  }));
}

function previewProfile(
  fields: Record<string, unknown>,
  stored: CallbackProfileSpec | null,
): ProfileValidationResult {
  const { title: _ignored, ...rest } = fields;
  if (stored === null) return validateProfileCreate({ ...rest, title: PREVIEW_TITLE });
  if (Object.keys(rest).length === 0) return { ok: true, profile: stored, warnings: [] };
  return validateProfileUpdate(stored, restoreEchoedSecrets(rest, stored.enc));
}

/**
 * `POST /callback/profiles/preview`: renders the request an unsaved profile (or a stored one
 * with unsaved changes) would send for one event, with core's request builder, so the preview
 * shows exactly what the dispatcher sends, encryption included. Nothing is sent or stored;
 * secret-looking headers are redacted and no signature is added.
 */
export function registerPreviewRoute(app: Hono<AppEnv>, options: ResolvedApiOptions): void {
  app.post(`${PROFILES_PATH}/preview`, async (c) => {
    validateBody ??= createValidator(ProfilePreviewBodySchema, "body");
    const parsed = validateBody(await readJsonBody(c.req, options.maxBodyBytes));
    if (!parsed.ok) throw new ApiError("invalid", parsed.issues);
    const body = parsed.value;
    let stored: CallbackProfileSpec | null = null;
    if (body.profile_id !== undefined) {
      const row = await findProfile(options.db, c.get("auth").accountId, body.profile_id);
      if (row === null) throw profileNotFound(body.profile_id);
      stored = specFromRow(row, options.secretBox);
    }
    const validation = previewProfile(body.profile, stored);
    if (!validation.ok) throw new ApiError("invalid", underProfile(validation.issues));
    const spec = validation.profile;
    const event = profileEvent(body.event, spec, "the profile");
    const data = body.data ?? sampleEventData(spec.dynamic_variables);
    const built = buildCallbackRequest(spec, { event, data });
    const view: ProfilePreviewView = built.ok
      ? {
          event,
          data,
          request: {
            method: built.request.method,
            url: built.request.url,
            headers: redactHeaders(built.request.headers),
            body: built.request.body === null ? null : new TextDecoder().decode(built.request.body),
          },
          missing_variables: built.request.missingVariables,
          render_error: null,
          warnings: validation.warnings,
        }
      : {
          event,
          data,
          request: null,
          missing_variables: built.missingVariables,
          render_error: built.error,
          warnings: validation.warnings,
        };
    return c.json(successEnvelope("ok", "Preview rendered", view), 200);
  });
}
