import type { CallbackProfileSpec, ProfileEncryption } from "@rebound/core";
import type { CallbackProfileRow, NewCallbackProfileRow } from "../schema/index.ts";
import type { SecretBox } from "../secret-box.ts";

/** The columns a profile spec is stored in (everything but ids, secrets of signing and times). */
export type ProfileColumns = Pick<
  NewCallbackProfileRow,
  | "title"
  | "httpMethod"
  | "url"
  | "headers"
  | "body"
  | "bodyType"
  | "responseMessage"
  | "encSealed"
  | "channel"
  | "events"
  | "dynamicVariables"
  | "replacers"
  | "retrySchedule"
  | "status"
>;

/** Spec → columns; the whole `enc` object is sealed (key and IV are secrets). */
export function columnsFromSpec(spec: CallbackProfileSpec, secretBox: SecretBox): ProfileColumns {
  return {
    title: spec.title,
    httpMethod: spec.http_method,
    url: spec.url,
    headers: spec.headers,
    body: spec.body,
    bodyType: spec.body_type,
    responseMessage: spec.response_message,
    encSealed: spec.enc === null ? null : secretBox.seal(JSON.stringify(spec.enc)),
    channel: spec.channel,
    events: spec.events,
    dynamicVariables: spec.dynamic_variables,
    replacers: spec.replacers,
    retrySchedule: spec.retry_schedule,
    status: spec.status,
  };
}

/** Row → spec, with the encryption settings unsealed. */
export function specFromRow(row: CallbackProfileRow, secretBox: SecretBox): CallbackProfileSpec {
  return {
    title: row.title,
    http_method: row.httpMethod,
    url: row.url,
    headers: row.headers,
    body: row.body ?? null,
    body_type: row.bodyType,
    response_message: row.responseMessage,
    enc: openEncryption(row.encSealed, secretBox),
    channel: row.channel,
    events: row.events,
    dynamic_variables: row.dynamicVariables,
    replacers: row.replacers,
    retry_schedule: row.retrySchedule ?? null,
    status: row.status,
  };
}

function openEncryption(sealed: string | null, secretBox: SecretBox): ProfileEncryption | null {
  if (sealed === null) return null;
  // Sealed by columnsFromSpec from a validated spec; the authenticated seal vouches for the shape.
  return JSON.parse(secretBox.open(sealed)) as ProfileEncryption;
}
