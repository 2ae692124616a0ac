import { createValidator, type ValidationIssue, type Validator } from "@rebound/core";
import { type Static, Type } from "@sinclair/typebox";
import { queryObject } from "../http/query-object.ts";

export const MAX_WAIT_MS = 30_000;

/** Query of `POST /callbacks`: how long to wait for the outcome. */
export const TriggerQuerySchema = Type.Object(
  {
    wait: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: MAX_WAIT_MS,
        description:
          "Milliseconds to wait for the outcome (delivered, failed or cancelled); 0 = answer at once",
      }),
    ),
  },
  { additionalProperties: false },
);
type TriggerQuery = Static<typeof TriggerQuerySchema>;

let validateQuery: Validator<TriggerQuery> | undefined;

export type ParseWaitResult =
  | { ok: true; waitMs: number }
  | { ok: false; issues: ValidationIssue[] };

export function parseTriggerQuery(queries: Record<string, string[]>): ParseWaitResult {
  validateQuery ??= createValidator(TriggerQuerySchema, "query");
  const result = validateQuery(queryObject(queries, new Set(["wait"])));
  if (!result.ok) return result;
  return { ok: true, waitMs: result.value.wait ?? 0 };
}
