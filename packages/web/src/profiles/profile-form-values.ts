import type {
  BodyType,
  Channel,
  EncryptionAlgorithm,
  HttpMethod,
  IvMode,
  ProfileStatus,
  ProfileView,
} from "../api/types.ts";
import { type HeaderRow, headersFromRows, newHeaderRow, rowsFromHeaders } from "./header-rows.ts";
import { splitList } from "./placeholders.ts";

/** What the profile form edits; text fields stay text until the request is built. */
export interface ProfileFormValues {
  title: string;
  http_method: HttpMethod;
  url: string;
  headers: HeaderRow[];
  body_type: BodyType;
  body: string;
  /** Comma-separated; only for xml/html/text bodies. */
  dynamic_variables: string;
  channel: Channel;
  /** Comma-separated event names. */
  events: string;
  response_message: string;
  enc_enabled: boolean;
  enc_algo: EncryptionAlgorithm;
  enc_key: string;
  enc_iv: string;
  /** Comma-separated variable paths; empty = every variable. */
  enc_params: string;
  enc_iv_mode: IvMode;
  status: ProfileStatus;
}

export function emptyProfileValues(): ProfileFormValues {
  return {
    title: "",
    http_method: "POST",
    url: "",
    headers: [newHeaderRow()],
    body_type: "json",
    body: "",
    dynamic_variables: "",
    channel: "default",
    events: "",
    response_message: "",
    enc_enabled: false,
    enc_algo: "AES-256-GCM",
    enc_key: "",
    enc_iv: "",
    enc_params: "",
    enc_iv_mode: "fixed",
    status: 1,
  };
}

export const hasBody = (method: HttpMethod) => method === "POST" || method === "PUT";
export const isMarkupType = (type: BodyType) =>
  type === "xml" || type === "html" || type === "text";

function bodyText(body: ProfileView["body"]): string {
  if (body === null) return "";
  return typeof body === "string" ? body : JSON.stringify(body, null, 2);
}

/** The form values of a stored profile; its masked key and IV are kept (= unchanged). */
export function valuesFromProfile(profile: ProfileView): ProfileFormValues {
  const rows = rowsFromHeaders(profile.headers);
  return {
    title: profile.title,
    http_method: profile.http_method,
    url: profile.url,
    headers: rows.length === 0 ? [newHeaderRow()] : rows,
    body_type: profile.body_type,
    body: bodyText(profile.body),
    dynamic_variables: isMarkupType(profile.body_type) ? profile.dynamic_variables.join(", ") : "",
    channel: profile.channel,
    events: profile.events.join(", "),
    response_message: profile.response_message ?? "",
    enc_enabled: profile.enc !== null,
    enc_algo: profile.enc?.algo ?? "AES-256-GCM",
    enc_key: profile.enc?.key ?? "",
    enc_iv: profile.enc?.IV ?? "",
    enc_params: profile.enc?.params?.join(", ") ?? "",
    enc_iv_mode: profile.enc?.iv_mode ?? "fixed",
    status: profile.status,
  };
}

export type ProfileBodyResult =
  | { ok: true; body: Record<string, unknown> }
  | { ok: false; field: "headers"; message: string };

function encryptionOf(values: ProfileFormValues) {
  const params = splitList(values.enc_params);
  return {
    algo: values.enc_algo,
    key: values.enc_key,
    IV: values.enc_iv,
    params: params.length === 0 ? null : params,
    iv_mode: values.enc_iv_mode,
  };
}

/** Fields shared by create and update; bodies are sent as typed text (the API parses JSON). */
function commonFields(values: ProfileFormValues, headers: Record<string, string>) {
  const fields: Record<string, unknown> = {
    title: values.title.trim(),
    http_method: values.http_method,
    url: values.url.trim(),
    headers,
    response_message: values.response_message === "" ? null : values.response_message,
    events: splitList(values.events),
  };
  if (hasBody(values.http_method)) {
    fields.body = values.body;
    fields.body_type = values.body_type;
    if (isMarkupType(values.body_type)) {
      fields.dynamic_variables = splitList(values.dynamic_variables);
    }
  }
  return fields;
}

/** The body of `POST /callback/profiles`. */
export function createRequestBody(values: ProfileFormValues): ProfileBodyResult {
  const headers = headersFromRows(values.headers);
  if (!headers.ok) return { ok: false, field: "headers", message: headers.message };
  const body = { ...commonFields(values, headers.headers), channel: values.channel };
  return { ok: true, body: values.enc_enabled ? { ...body, enc: encryptionOf(values) } : body };
}

/**
 * The body of `PATCH /callback/profiles/{id}`: every editable field (the channel is fixed
 * after create), `null` to clear encryption or a GET/DELETE body, and the status only when it
 * was changed (an auto-disabled profile keeps status 2 unless re-enabled).
 */
export function updateRequestBody(
  values: ProfileFormValues,
  stored: ProfileView,
): ProfileBodyResult {
  const headers = headersFromRows(values.headers);
  if (!headers.ok) return { ok: false, field: "headers", message: headers.message };
  const body: Record<string, unknown> = {
    ...commonFields(values, headers.headers),
    enc: values.enc_enabled ? encryptionOf(values) : null,
  };
  if (!hasBody(values.http_method)) body.body = null;
  if (values.status !== stored.status) body.status = values.status;
  return { ok: true, body };
}
