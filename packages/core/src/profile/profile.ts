import type { EncryptionAlgorithm, IvMode } from "../crypto/index.ts";

/** HTTP methods a callback profile may use; input of any case is stored upper case. */
export const HTTP_METHODS = ["GET", "POST", "PUT", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** How the body template is interpreted and encoded. */
export const BODY_TYPES = ["json", "xml", "html", "text", "form"] as const;
export type BodyType = (typeof BODY_TYPES)[number];

/** Channels a profile can be created for; immutable after create. */
export const CHANNELS = ["sms", "whatsapp", "email", "voice", "default"] as const;
export type Channel = (typeof CHANNELS)[number];

/** The UI seed's label for the `default` channel, accepted on input. */
export const DEFAULT_CHANNEL_LABEL = "Default - No Channel Selected";

/** Events a channel allows; `null` means any event name is accepted. */
export const CHANNEL_EVENTS: Readonly<Record<Channel, readonly string[] | null>> = {
  sms: ["SMS-sent"],
  whatsapp: null,
  email: null,
  voice: null,
  default: null,
};

/** 1 active, 2 auto-disabled (by Rebound), 3 disabled (by the user). */
export const PROFILE_STATUS = { active: 1, autoDisabled: 2, disabled: 3 } as const;
export type ProfileStatus = (typeof PROFILE_STATUS)[keyof typeof PROFILE_STATUS];

/** Encryption settings of a profile, with the seed's wire names (`IV`). */
export interface ProfileEncryption {
  algo: EncryptionAlgorithm;
  key: string;
  IV: string;
  /** Variable paths whose values are encrypted; `null` = every variable the templates reference. */
  params: string[] | null;
  iv_mode: IvMode;
}

/** A JSON value as found in bodies and event data. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * A validated, normalised callback profile: what is stored and what the request builder renders.
 * Wire names are kept (snake_case) because this is also the API contract.
 */
export interface CallbackProfileSpec {
  title: string;
  http_method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  /** Object for json/form bodies, string for xml/html/text, `null` for GET/DELETE. */
  body: JsonObject | string | null;
  body_type: BodyType;
  response_message: string | null;
  enc: ProfileEncryption | null;
  channel: Channel;
  /** Allowed event names; empty = any event. */
  events: string[];
  /** Variables replaced in xml/html/text bodies (declared), plus those found elsewhere (computed). */
  dynamic_variables: string[];
  /** Each placeholder found mapped to its variable path, e.g. `{"<phone>": "phone"}`. */
  replacers: Record<string, string>;
  /** Waits between tries in seconds; `null` = the default ladder. */
  retry_schedule: number[] | null;
  status: ProfileStatus;
}
