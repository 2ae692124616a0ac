import { createValidator, type ValidationIssue, type Validator } from "@rebound/core";
import type { EnqueueCallbackItem } from "@rebound/db";
import { MAX_ENQUEUE_ITEMS } from "@rebound/db";
import { type Static, Type } from "@sinclair/typebox";

/** An event name as a profile lists it. */
export const TriggerEventNameSchema = Type.String({
  minLength: 1,
  maxLength: 100,
  pattern: "^[A-Za-z0-9][A-Za-z0-9_.:-]*$",
  description: "Event name; must be allowed by the profile's `events` (empty list = any)",
  "x-messages": {
    pattern: "must start with a letter or digit and contain only letters, digits and _ . : -",
  },
});

/** Event data: any JSON object; the profile's replacers read their variables from it. */
export const EventDataSchema = Type.Unsafe<Record<string, unknown>>({
  type: "object",
  description: "Event data (a JSON object) the profile's replacers read",
});

/** One event to deliver. Validates `POST /callbacks` (single form) and each batch item. */
export const TriggerEventSchema = Type.Object(
  {
    profile_id: Type.String({
      minLength: 1,
      maxLength: 200,
      description: "Public profile id `<prefix>_<uuid>`",
    }),
    event: TriggerEventNameSchema,
    data: EventDataSchema,
    idempotency_key: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 255,
        description: "A repeated key (per account) returns the first callback, never a second one",
      }),
    ),
  },
  { additionalProperties: false },
);
export type TriggerEvent = Static<typeof TriggerEventSchema>;

/** Several events at once, all accepted or none. */
export const TriggerBatchSchema = Type.Object(
  {
    events: Type.Array(TriggerEventSchema, { minItems: 1, maxItems: MAX_ENQUEUE_ITEMS }),
  },
  { additionalProperties: false },
);

export type ParseTriggerBodyResult =
  | { ok: true; batch: boolean; items: EnqueueCallbackItem[] }
  | { ok: false; issues: ValidationIssue[] };

let validateEvent: Validator<TriggerEvent> | undefined;
let validateBatch: Validator<Static<typeof TriggerBatchSchema>> | undefined;

function itemOf(event: TriggerEvent): EnqueueCallbackItem {
  return {
    profileId: event.profile_id,
    event: event.event,
    data: event.data,
    idempotencyKey: event.idempotency_key ?? null,
  };
}

/**
 * Validates a trigger body: a body with `events` is a batch, anything else one event. (One schema
 * per form: a union of two objects would report both forms' errors for every mistake.)
 */
export function parseTriggerBody(input: unknown): ParseTriggerBodyResult {
  const isBatch = typeof input === "object" && input !== null && "events" in input;
  if (isBatch) {
    validateBatch ??= createValidator(TriggerBatchSchema, "body");
    const result = validateBatch(input);
    if (!result.ok) return result;
    return { ok: true, batch: true, items: result.value.events.map(itemOf) };
  }
  validateEvent ??= createValidator(TriggerEventSchema, "body");
  const result = validateEvent(input);
  if (!result.ok) return result;
  return { ok: true, batch: false, items: [itemOf(result.value)] };
}
