import {
  createValidator,
  HTTP_METHODS,
  type HttpMethod,
  type ProfileStatus,
  type ValidationIssue,
  type Validator,
} from "@rebound/core";
import { type Static, Type } from "@sinclair/typebox";
import { type DateBound, DateFilterSchema, parseDateBound } from "../http/date-bound.ts";
import { queryObject } from "../http/query-object.ts";

export const DEFAULT_LIST_LIMIT = 25;
export const MAX_LIST_LIMIT = 100;

function anyCase(value: string): string {
  return [...value].map((char) => `[${char.toUpperCase()}${char.toLowerCase()}]`).join("");
}

/** Query of `GET /callback/profiles`: the UI seed's filters plus paging. Validates and documents. */
export const ProfileListQuerySchema = Type.Object(
  {
    title: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: "Case-insensitive substring" }),
    ),
    http_method: Type.Optional(
      Type.String({
        pattern: `^(?:${HTTP_METHODS.map(anyCase).join("|")})$`,
        description: "GET, POST, PUT or DELETE, any case",
        "x-messages": {
          pattern: `must be equal to one of the allowed values: ${HTTP_METHODS.join(", ")}`,
        },
      }),
    ),
    created_from: Type.Optional(DateFilterSchema),
    created_to: Type.Optional(DateFilterSchema),
    status: Type.Optional(
      Type.Unsafe<ProfileStatus>({
        type: "integer",
        enum: [1, 2, 3],
        description: "1 active, 2 auto-disabled, 3 disabled",
      }),
    ),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: MAX_LIST_LIMIT, default: DEFAULT_LIST_LIMIT }),
    ),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  },
  { additionalProperties: false },
);
export type ProfileListQuery = Static<typeof ProfileListQuerySchema>;

const INTEGER_FIELDS = new Set(["status", "limit", "offset"]);

/** Filters for the profile list; `createdTo` is inclusive for a date-time, exclusive for a day. */
export interface ProfileListFilters {
  title?: string;
  httpMethod?: HttpMethod;
  createdFrom?: Date;
  createdTo?: DateBound;
  status?: ProfileStatus;
  limit: number;
  offset: number;
}

export type ParseListQueryResult =
  | { ok: true; filters: ProfileListFilters }
  | { ok: false; issues: ValidationIssue[] };

let validateQuery: Validator<ProfileListQuery> | undefined;

/**
 * Validates the query (from `c.req.queries()`: every name maps to its values). A repeated name is
 * an error; integers are read from their text, everything else stays a string.
 */
export function parseListQuery(queries: Record<string, string[]>): ParseListQueryResult {
  validateQuery ??= createValidator(ProfileListQuerySchema, "query");
  const result = validateQuery(queryObject(queries, INTEGER_FIELDS));
  if (!result.ok) return result;
  const query = result.value;
  const issues: ValidationIssue[] = [];
  const createdFrom = parseDateBound(query.created_from, "created_from", "start", issues);
  const createdTo = parseDateBound(query.created_to, "created_to", "end", issues);
  if (createdFrom !== undefined && createdTo !== undefined && createdTo.at < createdFrom.at) {
    issues.push({ location: "query", message: "query/created_to must not be before created_from" });
  }
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    filters: {
      title: query.title,
      httpMethod: query.http_method?.toUpperCase() as HttpMethod | undefined,
      createdFrom: createdFrom?.at,
      createdTo,
      status: query.status,
      limit: query.limit ?? DEFAULT_LIST_LIMIT,
      offset: query.offset ?? 0,
    },
  };
}
