import type {
  AttemptRow,
  CallbackRecord,
  CallbackWithAttempts,
  EnqueuedCallback,
  ListedCallback,
} from "@rebound/db";
import { DELIVERY_STATUSES } from "@rebound/db";
import { type Static, type TSchema, Type } from "@sinclair/typebox";

// Response shapes of the callback routes; the types are derived from the schemas the OpenAPI
// document lists, so the two cannot drift apart.

function nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}
const StatusSchema = Type.Unsafe<(typeof DELIVERY_STATUSES)[number]>({
  type: "string",
  enum: [...DELIVERY_STATUSES],
});
const DateTime = Type.String({ format: "date-time" });
const StringMap = Type.Record(Type.String(), Type.String());

/** What a trigger returns per event (plus, after `?wait`, the rendered response message). */
export const AcceptedCallbackSchema = Type.Object({
  id: Type.String({ format: "uuid", description: "Callback id for `GET /callbacks/{id}`" }),
  profile_id: Type.String(),
  event: Type.String(),
  status: StatusSchema,
  response_message: Type.Optional(nullable(Type.String())),
});
export type AcceptedCallbackView = Static<typeof AcceptedCallbackSchema>;

export const AttemptViewSchema = Type.Object({
  attempt_number: Type.Integer(),
  started_at: DateTime,
  duration_ms: Type.Integer(),
  status_code: nullable(Type.Integer()),
  error_class: nullable(Type.String()),
  error_message: nullable(Type.String()),
  response_body: nullable(Type.String({ description: "First 4 KB" })),
  response_headers: nullable(StringMap),
  request_headers: nullable(StringMap),
  missing_variables: Type.Array(Type.String()),
});
export type AttemptView = Static<typeof AttemptViewSchema>;

export const CallbackViewSchema = Type.Object({
  id: Type.String({ format: "uuid" }),
  profile_id: Type.String(),
  event: Type.String(),
  data: Type.Unknown({ description: "The event data as sent" }),
  idempotency_key: nullable(Type.String()),
  status: StatusSchema,
  attempt_count: Type.Integer(),
  next_attempt_at: DateTime,
  last_status_code: nullable(Type.Integer()),
  last_error: nullable(Type.String()),
  response_message: nullable(Type.String({ description: "Rendered after a delivery" })),
  completed_at: nullable(DateTime),
  created_at: DateTime,
  modified_at: DateTime,
});
export type CallbackView = Static<typeof CallbackViewSchema>;

export const CallbackListItemSchema = Type.Composite([
  CallbackViewSchema,
  Type.Object({
    last_attempt_duration_ms: nullable(
      Type.Integer({ description: "How long the latest attempt took; null before the first" }),
    ),
  }),
]);
export type CallbackListItemView = Static<typeof CallbackListItemSchema>;

export const CallbackDetailSchema = Type.Composite([
  CallbackViewSchema,
  Type.Object({ attempts: Type.Array(AttemptViewSchema) }),
]);
export type CallbackDetailView = Static<typeof CallbackDetailSchema>;

export function acceptedView(callback: EnqueuedCallback): AcceptedCallbackView {
  return {
    id: callback.id,
    profile_id: callback.profile_id,
    event: callback.event,
    status: callback.status,
  };
}

export function callbackView({ delivery, profileId }: CallbackRecord): CallbackView {
  return {
    id: delivery.id,
    profile_id: profileId,
    event: delivery.event,
    data: delivery.data,
    idempotency_key: delivery.idempotencyKey,
    status: delivery.status,
    attempt_count: delivery.attemptCount,
    next_attempt_at: delivery.nextAttemptAt.toISOString(),
    last_status_code: delivery.lastStatusCode,
    last_error: delivery.lastError,
    response_message: delivery.responseMessage,
    completed_at: delivery.completedAt?.toISOString() ?? null,
    created_at: delivery.createdAt.toISOString(),
    modified_at: delivery.modifiedAt.toISOString(),
  };
}

export function callbackListItemView(listed: ListedCallback): CallbackListItemView {
  return { ...callbackView(listed), last_attempt_duration_ms: listed.lastAttemptDurationMs };
}

export function attemptView(row: AttemptRow): AttemptView {
  return {
    attempt_number: row.attemptNumber,
    started_at: row.startedAt.toISOString(),
    duration_ms: row.durationMs,
    status_code: row.statusCode,
    error_class: row.errorClass,
    error_message: row.errorMessage,
    response_body: row.responseBody,
    response_headers: row.responseHeaders,
    request_headers: row.requestHeaders,
    missing_variables: row.missingVariables,
  };
}

export function callbackDetailView(callback: CallbackWithAttempts): CallbackDetailView {
  return { ...callbackView(callback), attempts: callback.attempts.map(attemptView) };
}
