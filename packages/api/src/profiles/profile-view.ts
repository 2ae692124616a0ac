import type {
  BodyType,
  CallbackProfileSpec,
  Channel,
  EncryptionAlgorithm,
  HttpMethod,
  IvMode,
  JsonObject,
  ProfileStatus,
} from "@rebound/core";
import type { CallbackProfileRow } from "@rebound/db";
import { maskSecret } from "./mask-secret.ts";

/** Encryption settings as shown: key and IV masked. */
export interface MaskedEncryption {
  algo: EncryptionAlgorithm;
  key: string;
  IV: string;
  params: string[] | null;
  iv_mode: IvMode;
}

/** A profile as the API returns it; never carries a secret in clear. */
export interface ProfileView {
  profile_id: string;
  title: string;
  http_method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  body: JsonObject | string | null;
  body_type: BodyType;
  response_message: string | null;
  enc: MaskedEncryption | null;
  channel: Channel;
  events: string[];
  dynamic_variables: string[];
  replacers: Record<string, string>;
  retry_schedule: number[] | null;
  status: ProfileStatus;
  created_at: string;
  modified_at: string;
}

/** The response view of a stored profile and its (unsealed) spec. */
export function profileView(row: CallbackProfileRow, spec: CallbackProfileSpec): ProfileView {
  return {
    profile_id: row.profileId,
    title: spec.title,
    http_method: spec.http_method,
    url: spec.url,
    headers: spec.headers,
    body: spec.body,
    body_type: spec.body_type,
    response_message: spec.response_message,
    enc:
      spec.enc === null
        ? null
        : {
            algo: spec.enc.algo,
            key: maskSecret(spec.enc.key),
            IV: maskSecret(spec.enc.IV),
            params: spec.enc.params,
            iv_mode: spec.enc.iv_mode,
          },
    channel: spec.channel,
    events: spec.events,
    dynamic_variables: spec.dynamic_variables,
    replacers: spec.replacers,
    retry_schedule: spec.retry_schedule,
    status: spec.status,
    created_at: row.createdAt.toISOString(),
    modified_at: row.modifiedAt.toISOString(),
  };
}
