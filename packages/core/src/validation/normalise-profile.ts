import { encryptionWarnings } from "../crypto/index.ts";
import type {
  BodyType,
  CallbackProfileSpec,
  HttpMethod,
  ProfileStatus,
} from "../profile/profile.ts";
import { collectTemplateVariables } from "../replacers/index.ts";
import { normaliseBody } from "./check-body.ts";
import { encParamsIssues, normaliseEncryption } from "./check-encryption.ts";
import { normaliseChannel, normaliseEvents } from "./check-events.ts";
import { normaliseHeaders } from "./check-headers.ts";
import { urlProblems } from "./check-url.ts";
import { capIssues, issueAt, type ValidationIssue } from "./issues.ts";
import type { ProfileCreateBody } from "./profile-schema.ts";

export type ProfileValidationResult =
  | { ok: true; profile: CallbackProfileSpec; warnings: string[] }
  | { ok: false; issues: ValidationIssue[] };

/** A profile that passed the structural schema; `status` is passed separately. */
export type ProfileFields = Omit<ProfileCreateBody, "status">;

/**
 * The semantic half of validation, shared by create and update: cross-field rules, parsing of
 * JSON-string fields, canonical case, and the computed `replacers` and `dynamic_variables`.
 */
export function normaliseProfile(
  input: ProfileFields,
  status: ProfileStatus,
): ProfileValidationResult {
  const issues: ValidationIssue[] = [];
  const http_method = input.http_method.toUpperCase() as HttpMethod;
  for (const problem of urlProblems(input.url)) issues.push(issueAt("body", ["url"], problem));
  const headers = normaliseHeaders(input.headers, issues);
  const declaredType = input.body_type?.toLowerCase() as BodyType | undefined;
  const { body, body_type } = normaliseBody(
    { http_method, body: input.body, body_type: declaredType, headers },
    issues,
  );
  const channel = normaliseChannel(input.channel);
  const events = normaliseEvents(input.events, channel, issues);
  const enc = normaliseEncryption(input.enc, issues);
  const response_message = input.response_message ?? null;
  const variables = collectTemplateVariables({
    url: input.url,
    headers,
    body,
    body_type,
    response_message,
    dynamic_variables: [...new Set(input.dynamic_variables ?? [])],
  });
  if (enc !== null) issues.push(...encParamsIssues(enc.params, variables.dynamicVariables));
  if (issues.length > 0) return { ok: false, issues: capIssues(issues) };
  const profile: CallbackProfileSpec = {
    title: input.title,
    http_method,
    url: input.url,
    headers,
    body,
    body_type,
    response_message,
    enc,
    channel,
    events,
    dynamic_variables: variables.dynamicVariables,
    replacers: variables.replacers,
    retry_schedule: input.retry_schedule ?? null,
    status,
  };
  const warnings = enc === null ? [] : encryptionWarnings({ algo: enc.algo, ivMode: enc.iv_mode });
  return { ok: true, profile, warnings };
}
