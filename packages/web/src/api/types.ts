// Wire types of the Rebound API as the console uses them (see /openapi.json). The console talks
// to the API over HTTP only, so these are declared here rather than imported from the server.

export const HTTP_METHODS = ["GET", "POST", "PUT", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export const BODY_TYPES = ["json", "xml", "html", "text", "form"] as const;
export type BodyType = (typeof BODY_TYPES)[number];

export const CHANNELS = ["default", "sms", "whatsapp", "email", "voice"] as const;
export type Channel = (typeof CHANNELS)[number];

export const ENCRYPTION_ALGORITHMS = [
  "AES-128-CFB",
  "AES-128-GCM",
  "AES-192-CFB",
  "AES-192-GCM",
  "AES-256-CFB",
  "AES-256-GCM",
] as const;
export type EncryptionAlgorithm = (typeof ENCRYPTION_ALGORITHMS)[number];

export type IvMode = "fixed" | "random";

/** 1 active, 2 auto-disabled (by Rebound), 3 disabled (by the user). */
export type ProfileStatus = 1 | 2 | 3;

export interface MaskedEncryption {
  algo: EncryptionAlgorithm;
  /** Masked: `12xxxxxxxxxxxx34`; sending it back unchanged keeps the stored key. */
  key: string;
  IV: string;
  params: string[] | null;
  iv_mode: IvMode;
}

export interface ProfileView {
  profile_id: string;
  title: string;
  http_method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  body: Record<string, unknown> | string | null;
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
  disabled_reason: string | null;
  disabled_at: string | null;
}

export interface CreatedProfile extends ProfileView {
  signing_secret: string;
  warnings: string[];
}

export interface UpdatedProfile extends ProfileView {
  warnings: string[];
}

export interface ProfileList {
  profiles: ProfileView[];
  total: number;
  limit: number;
  offset: number;
}

export const DELIVERY_STATUSES = [
  "pending",
  "delivering",
  "delivered",
  "failed",
  "held",
  "cancelled",
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface CallbackView {
  id: string;
  profile_id: string;
  event: string;
  data: unknown;
  idempotency_key: string | null;
  status: DeliveryStatus;
  attempt_count: number;
  next_attempt_at: string;
  last_status_code: number | null;
  last_error: string | null;
  response_message: string | null;
  completed_at: string | null;
  created_at: string;
  modified_at: string;
}

export interface AttemptView {
  attempt_number: number;
  started_at: string;
  duration_ms: number;
  status_code: number | null;
  error_class: string | null;
  error_message: string | null;
  response_body: string | null;
  response_headers: Record<string, string> | null;
  request_headers: Record<string, string> | null;
  missing_variables: string[];
}

export interface CallbackDetail extends CallbackView {
  attempts: AttemptView[];
}

/** A row of the callbacks list: the callback plus its latest attempt's duration. */
export interface CallbackListItem extends CallbackView {
  last_attempt_duration_ms: number | null;
}

export interface CallbackList {
  callbacks: CallbackListItem[];
  total: number;
  limit: number;
  offset: number;
}

export type TestSendOutcome =
  | {
      kind: "response";
      statusCode: number;
      headers: Record<string, string>;
      body: string;
      durationMs: number;
    }
  | { kind: "error"; errorClass: string; message: string; durationMs: number }
  | { kind: "render-error"; message: string };

export interface TestCallbackView {
  event: string;
  data: unknown;
  request: { method: string; url: string; headers: Record<string, string> };
  result: TestSendOutcome;
  success: boolean;
}

export interface PreviewRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | null;
}

export interface ProfilePreview {
  event: string;
  data: unknown;
  request: PreviewRequest | null;
  missing_variables: string[];
  render_error: { code: string; message: string } | null;
  warnings: string[];
}

export const REPORT_FREQUENCIES = ["daily", "weekly", "monthly"] as const;
export type ReportFrequency = (typeof REPORT_FREQUENCIES)[number];

export interface ReportSettings {
  enabled: boolean;
  frequencies: ReportFrequency[];
  /** Comma-separated, e.g. `a@x.com, b@y.com`. */
  emails: string;
}

export interface AccountView {
  sid: string;
  name: string;
  timezone: string;
  created_at: string;
}

export interface SigningSecretView {
  signing_secret: string;
  previous_signing_secret?: string;
  previous_expires_at?: string;
}
