import { type Static, Type } from "@sinclair/typebox";
import { ENCRYPTION_ALGORITHMS, IV_MODES } from "../crypto/index.ts";
import { BODY_TYPES, CHANNELS, DEFAULT_CHANNEL_LABEL, HTTP_METHODS } from "../profile/profile.ts";
import { VARIABLE_PATH_SOURCE } from "../replacers/index.ts";
import { COMPUTED_KEYWORD } from "./ajv-instance.ts";
import {
  anyCaseEnum,
  anyCasePattern,
  literalEnum,
  nullable,
  withMessages,
} from "./schema-helpers.ts";

// Structural request schemas (types, sizes, formats). Rules that span fields or need parsing
// (URL, header names, JSON strings, events per channel, encryption lengths) live in code.

export const MAX_HEADERS = 50;
export const MAX_HEADER_VALUE_LENGTH = 8192;
export const MAX_EVENTS = 50;
export const MAX_ENC_PARAMS = 50;
export const MAX_DYNAMIC_VARIABLES = 100;
export const MAX_RETRY_STEPS = 20;
export const MAX_RETRY_DELAY_SECONDS = 172_800;
export const MAX_URL_LENGTH = 2048;
export const MAX_RESPONSE_MESSAGE_LENGTH = 4096;

export const TitleSchema = Type.String(
  withMessages(
    {
      pattern:
        "must contain only ASCII letters, digits, spaces, hyphens and underscores, and not only spaces",
    },
    { minLength: 3, maxLength: 100, pattern: "^[A-Za-z0-9 _-]*[A-Za-z0-9_-][A-Za-z0-9 _-]*$" },
  ),
);
export const HttpMethodSchema = anyCaseEnum(HTTP_METHODS);
export const UrlSchema = Type.String({ maxLength: MAX_URL_LENGTH });

export const HeaderValueSchema = Type.String(
  withMessages(
    { pattern: "must not contain CR, LF or NUL characters" },
    { maxLength: MAX_HEADER_VALUE_LENGTH, pattern: "^[^\\r\\n\\u0000]*$" },
  ),
);
export const HeadersObjectSchema = Type.Record(Type.String(), HeaderValueSchema, {
  maxProperties: MAX_HEADERS,
});
/** An object of header names to values, or the seed's JSON string of one. */
export const HeadersSchema = Type.Union([HeadersObjectSchema, Type.String({ maxLength: 524_288 })]);

/** Object for json/form bodies (or a JSON string of one), markup/text string otherwise. */
export const BodySchema = Type.Union([
  Type.Record(Type.String(), Type.Unknown()),
  Type.String(),
  Type.Null(),
]);
export const BodyTypeSchema = anyCaseEnum(BODY_TYPES);
export const ResponseMessageSchema = nullable(
  Type.String({ maxLength: MAX_RESPONSE_MESSAGE_LENGTH }),
);

export const VariablePathSchema = Type.String(
  withMessages(
    { pattern: "must be a variable path such as name, address.city or parts[0] (without < >)" },
    { maxLength: 256, pattern: `^${VARIABLE_PATH_SOURCE}$` },
  ),
);
export const EncParamsListSchema = Type.Array(VariablePathSchema, { maxItems: MAX_ENC_PARAMS });
export const EncryptionSchema = Type.Object(
  {
    algo: anyCaseEnum(ENCRYPTION_ALGORITHMS),
    key: Type.String(),
    IV: Type.String(),
    /** Variable paths to encrypt, or a comma-separated string of them; omitted/null = all. */
    params: Type.Optional(
      Type.Union([EncParamsListSchema, Type.String({ maxLength: 16_384 }), Type.Null()]),
    ),
    iv_mode: Type.Optional(anyCaseEnum(IV_MODES)),
  },
  { additionalProperties: false },
);

export const ChannelSchema = anyCaseEnum([...CHANNELS, DEFAULT_CHANNEL_LABEL]);
/** An event name; `""` is accepted and dropped (the seed stores `[""]` for "no events"). */
export const EventNameSchema = Type.String(
  withMessages(
    { pattern: "must start with a letter or digit and contain only letters, digits and _ . : -" },
    { maxLength: 100, pattern: "^(?:[A-Za-z0-9][A-Za-z0-9_.:-]*)?$" },
  ),
);
export const EventListSchema = Type.Array(EventNameSchema, { maxItems: MAX_EVENTS });
/** A list, a JSON string of a list (`"[\"SMS-sent\"]"`), one event name, or null. */
export const EventsSchema = Type.Union([
  EventListSchema,
  Type.String({ maxLength: 8192 }),
  Type.Null(),
]);

export const DynamicVariablesSchema = Type.Array(VariablePathSchema, {
  maxItems: MAX_DYNAMIC_VARIABLES,
});
/** Seconds to wait before each retry; `[]` = no retries, `null` = the default ladder. */
export const RetryScheduleSchema = nullable(
  Type.Array(Type.Integer({ minimum: 1, maximum: MAX_RETRY_DELAY_SECONDS }), {
    maxItems: MAX_RETRY_STEPS,
  }),
);
export const ProfileStatusInputSchema = literalEnum(
  [1, 3] as const,
  withMessages({
    enum: "must be 1 (active) or 3 (disabled); 2 (auto-disabled) is set only by Rebound",
  }),
);

const optionalFields = {
  headers: Type.Optional(HeadersSchema),
  body: Type.Optional(BodySchema),
  body_type: Type.Optional(BodyTypeSchema),
  response_message: Type.Optional(ResponseMessageSchema),
  enc: Type.Optional(nullable(EncryptionSchema)),
  channel: Type.Optional(ChannelSchema),
  events: Type.Optional(EventsSchema),
  dynamic_variables: Type.Optional(DynamicVariablesSchema),
  retry_schedule: Type.Optional(RetryScheduleSchema),
  status: Type.Optional(ProfileStatusInputSchema),
};

/** Fields Rebound computes; a client echoing a response is told so. */
const COMPUTED_FIELDS = [
  "replacers",
  "profile_id",
  "created_at",
  "modified_at",
  "disabled_reason",
  "disabled_at",
];

const bodyWriteMethod = `^(?:${anyCasePattern("POST")}|${anyCasePattern("PUT")})$`;

/** Body of `POST /callback/profiles`. */
export const ProfileCreateBodySchema = Type.Object(
  {
    title: TitleSchema,
    http_method: HttpMethodSchema,
    url: UrlSchema,
    ...optionalFields,
  },
  {
    additionalProperties: false,
    [COMPUTED_KEYWORD]: COMPUTED_FIELDS,
    if: {
      type: "object",
      properties: { http_method: { type: "string", pattern: bodyWriteMethod } },
      required: ["http_method"],
    },
    // biome-ignore lint/suspicious/noThenProperty: the JSON Schema `then` keyword, never awaited
    then: {
      type: "object",
      properties: { body: {} },
      required: ["body"],
      ...withMessages({
        required: "must have required property 'body' when http_method is POST or PUT",
      }),
    },
  },
);
export type ProfileCreateBody = Static<typeof ProfileCreateBodySchema>;

/** Body of `PATCH /callback/profiles/{id}`: the same fields, all optional, at least one. */
export const ProfileUpdateBodySchema = Type.Object(
  {
    title: Type.Optional(TitleSchema),
    http_method: Type.Optional(HttpMethodSchema),
    url: Type.Optional(UrlSchema),
    ...optionalFields,
  },
  withMessages(
    { minProperties: "must contain at least one field to update" },
    { additionalProperties: false, minProperties: 1, [COMPUTED_KEYWORD]: COMPUTED_FIELDS },
  ),
);
export type ProfileUpdateBody = Static<typeof ProfileUpdateBodySchema>;
