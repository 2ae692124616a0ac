import { createValidator, type ValidationIssue, type Validator } from "@rebound/core";
import { DELIVERY_STATUSES, type DeliveryStatus, type ListCallbacksFilters } from "@rebound/db";
import { type Static, Type } from "@sinclair/typebox";
import { DateFilterSchema, parseDateBound } from "../http/date-bound.ts";
import { queryObject } from "../http/query-object.ts";

export const DEFAULT_CALLBACK_LIMIT = 25;
export const MAX_CALLBACK_LIMIT = 100;

/** Query of `GET /callbacks`. Validates and documents. */
export const CallbackListQuerySchema = Type.Object(
  {
    profile_id: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    status: Type.Optional(
      Type.Unsafe<DeliveryStatus>({ type: "string", enum: [...DELIVERY_STATUSES] }),
    ),
    from: Type.Optional(DateFilterSchema),
    to: Type.Optional(DateFilterSchema),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: MAX_CALLBACK_LIMIT, default: DEFAULT_CALLBACK_LIMIT }),
    ),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  },
  { additionalProperties: false },
);
export type CallbackListQuery = Static<typeof CallbackListQuerySchema>;

const INTEGER_FIELDS = new Set(["limit", "offset"]);

export type ParseCallbackListQueryResult =
  | { ok: true; filters: ListCallbacksFilters }
  | { ok: false; issues: ValidationIssue[] };

let validateQuery: Validator<CallbackListQuery> | undefined;

/** Validates the list query; `from`/`to` as for profiles (a day covers the whole UTC day). */
export function parseCallbackListQuery(
  queries: Record<string, string[]>,
): ParseCallbackListQueryResult {
  validateQuery ??= createValidator(CallbackListQuerySchema, "query");
  const result = validateQuery(queryObject(queries, INTEGER_FIELDS));
  if (!result.ok) return result;
  const query = result.value;
  const issues: ValidationIssue[] = [];
  const from = parseDateBound(query.from, "from", "start", issues);
  const to = parseDateBound(query.to, "to", "end", issues);
  if (from !== undefined && to !== undefined && to.at < from.at) {
    issues.push({ location: "query", message: "query/to must not be before from" });
  }
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    filters: {
      profileId: query.profile_id,
      status: query.status,
      from: from?.at,
      to,
      limit: query.limit ?? DEFAULT_CALLBACK_LIMIT,
      offset: query.offset ?? 0,
    },
  };
}
