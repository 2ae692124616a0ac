import {
  BODY_TYPES,
  CHANNELS,
  ENCRYPTION_ALGORITHMS,
  HTTP_METHODS,
  IV_MODES,
  RESPONSE_CODES,
} from "@rebound/core";
import { Type } from "@sinclair/typebox";

// Schemas of what the API returns. They document responses only; requests are validated by
// core's schemas, which the document references directly.

const stringEnum = (values: readonly string[]) =>
  Type.Unsafe<string>({ type: "string", enum: [...values] });

export const EnvelopeSchema = Type.Object(
  {
    code: stringEnum([...new Set(Object.values(RESPONSE_CODES).map(({ code }) => code))]),
    message: Type.String(),
    data: Type.Unknown({ description: "The operation's result; `{}` on errors" }),
    error: Type.Union([Type.Array(Type.Record(Type.String(), Type.String())), Type.Object({})], {
      description: "`{}` on success; on errors one `{<location>: message}` per issue",
    }),
    status: Type.Integer({ description: "The HTTP status, repeated" }),
  },
  { description: "Every response except /openapi.json uses this envelope (the seed's)." },
);

export const MaskedEncryptionSchema = Type.Object({
  algo: stringEnum(ENCRYPTION_ALGORITHMS),
  key: Type.String({ description: "Masked: first 2 and last 2 characters, `x` between" }),
  IV: Type.String({ description: "Masked like key" }),
  params: Type.Union([Type.Array(Type.String()), Type.Null()]),
  iv_mode: stringEnum(IV_MODES),
});

export const ProfileViewSchema = Type.Object({
  profile_id: Type.String({ description: "`<prefix>_<uuid>`" }),
  title: Type.String(),
  http_method: stringEnum(HTTP_METHODS),
  url: Type.String(),
  headers: Type.Record(Type.String(), Type.String()),
  body: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.String(), Type.Null()]),
  body_type: stringEnum(BODY_TYPES),
  response_message: Type.Union([Type.String(), Type.Null()]),
  enc: Type.Union([MaskedEncryptionSchema, Type.Null()]),
  channel: stringEnum(CHANNELS),
  events: Type.Array(Type.String()),
  dynamic_variables: Type.Array(Type.String()),
  replacers: Type.Record(Type.String(), Type.String()),
  retry_schedule: Type.Union([Type.Array(Type.Integer()), Type.Null()]),
  status: Type.Unsafe<number>({ type: "integer", enum: [1, 2, 3] }),
  created_at: Type.String({ format: "date-time" }),
  modified_at: Type.String({ format: "date-time" }),
  disabled_reason: Type.Union([Type.String(), Type.Null()], {
    description: "Why Rebound auto-disabled the profile (status 2); null otherwise. Read-only",
  }),
  disabled_at: Type.Union([Type.String({ format: "date-time" }), Type.Null()], {
    description: "When Rebound auto-disabled the profile; null otherwise. Read-only",
  }),
});

export const WarningsSchema = Type.Array(Type.String(), {
  description: "Weak but allowed settings, e.g. a fixed GCM IV",
});
