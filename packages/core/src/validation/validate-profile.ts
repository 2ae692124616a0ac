import {
  type BodyType,
  type CallbackProfileSpec,
  PROFILE_STATUS,
  type ProfileStatus,
} from "../profile/profile.ts";
import { isMarkupBody } from "../replacers/index.ts";
import { normaliseChannel } from "./check-events.ts";
import { createValidator, type Validator } from "./create-validator.ts";
import { capIssues, issueAt, type ValidationIssue } from "./issues.ts";
import {
  normaliseProfile,
  type ProfileFields,
  type ProfileValidationResult,
} from "./normalise-profile.ts";
import {
  type ProfileCreateBody,
  ProfileCreateBodySchema,
  type ProfileUpdateBody,
  ProfileUpdateBodySchema,
} from "./profile-schema.ts";

let validateCreateBody: Validator<ProfileCreateBody> | undefined;
let validateUpdateBody: Validator<ProfileUpdateBody> | undefined;

/**
 * Validates and normalises a create-profile request body: structure first (types, sizes, unknown
 * fields, Ajv-style messages as the original API), then the rules that span fields. Issues are
 * capped at 20; warnings (weak but allowed settings) are for the caller to show.
 *
 * @example
 * const result = validateProfileCreate({});
 * // { ok: false, issues: [{ location: "body", message: "body must have required property 'title'" }, …] }
 */
export function validateProfileCreate(input: unknown): ProfileValidationResult {
  validateCreateBody ??= createValidator(ProfileCreateBodySchema, "body");
  const structural = validateCreateBody(input);
  if (!structural.ok) return structural;
  const { status, ...fields } = structural.value;
  return normaliseProfile(fields, status ?? PROFILE_STATUS.active);
}

/**
 * Validates a partial update against a stored profile: fields present in `patch` replace the
 * stored ones (`null` clears response_message, enc, retry_schedule and a GET/DELETE body), the
 * channel is immutable, and the merged profile gets every create rule with `replacers` and
 * `dynamic_variables` recomputed. Declared dynamic_variables are kept only for xml/html/text
 * bodies, where they matter; elsewhere they are recomputed from the templates. Changing the URL
 * of an auto-disabled profile (status 2) re-enables it, unless the patch sets a status.
 *
 * @example
 * validateProfileUpdate(stored, { channel: "email" })
 * // { ok: false, issues: [{ location: "body", message: "body/channel cannot be changed after create" }] }
 */
export function validateProfileUpdate(
  existing: CallbackProfileSpec,
  patch: unknown,
): ProfileValidationResult {
  validateUpdateBody ??= createValidator(ProfileUpdateBodySchema, "body");
  const structural = validateUpdateBody(patch);
  if (!structural.ok) return structural;
  const issues: ValidationIssue[] = [];
  const { status, ...changes } = structural.value;
  if (changes.channel !== undefined && normaliseChannel(changes.channel) !== existing.channel) {
    issues.push(issueAt("body", ["channel"], "cannot be changed after create"));
  }
  const result = normaliseProfile(
    mergeFields(existing, changes),
    nextStatus(existing, changes, status),
  );
  if (result.ok && issues.length === 0) return result;
  return { ok: false, issues: capIssues([...issues, ...(result.ok ? [] : result.issues)]) };
}

function mergeFields(
  existing: CallbackProfileSpec,
  changes: Omit<ProfileUpdateBody, "status">,
): ProfileFields {
  const { replacers: _replacers, status: _status, dynamic_variables, ...stored } = existing;
  const mergedType = changes.body_type?.toLowerCase() ?? existing.body_type;
  const keepDeclared = isMarkupBody(existing.body_type) && isMarkupBody(mergedType as BodyType);
  const base: ProfileFields = keepDeclared ? { ...stored, dynamic_variables } : stored;
  const defined = Object.fromEntries(
    Object.entries(changes).filter(([, value]) => value !== undefined),
  ) as Partial<ProfileFields>;
  return { ...base, ...defined };
}

function nextStatus(
  existing: CallbackProfileSpec,
  changes: Omit<ProfileUpdateBody, "status">,
  status: ProfileUpdateBody["status"],
): ProfileStatus {
  if (status !== undefined) return status;
  const urlChanged = changes.url !== undefined && changes.url !== existing.url;
  if (existing.status === PROFILE_STATUS.autoDisabled && urlChanged) return PROFILE_STATUS.active;
  return existing.status;
}
