import {
  createValidator,
  HTTP_METHODS,
  type HttpMethod,
  type ProfileStatus,
  type ValidationIssue,
  type Validator,
} from "@rebound/core";
import { type Static, Type } from "@sinclair/typebox";

export const DEFAULT_LIST_LIMIT = 25;
export const MAX_LIST_LIMIT = 100;

function anyCase(value: string): string {
  return [...value].map((char) => `[${char.toUpperCase()}${char.toLowerCase()}]`).join("");
}

const DATE_OR_DATE_TIME =
  "^\\d{4}-\\d{2}-\\d{2}(?:T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?(?:Z|[+-]\\d{2}:\\d{2}))?$";
const DateFilterSchema = Type.String({
  pattern: DATE_OR_DATE_TIME,
  "x-messages": {
    pattern: "must be a date (2026-01-31) or a date-time with a time zone (2026-01-31T10:00:00Z)",
  },
});

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
const INTEGER_TEXT = /^-?\d{1,15}$/;

/** Filters for the profile list; `createdTo` is inclusive for a date-time, exclusive for a day. */
export interface ProfileListFilters {
  title?: string;
  httpMethod?: HttpMethod;
  createdFrom?: Date;
  createdTo?: { at: Date; inclusive: boolean };
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
  const input = Object.fromEntries(
    Object.entries(queries).map(([name, values]) => [name, queryValue(name, values)]),
  );
  const result = validateQuery(input);
  if (!result.ok) return result;
  const query = result.value;
  const issues: ValidationIssue[] = [];
  const createdFrom = parseBound(query.created_from, "created_from", "start", issues);
  const createdTo = parseBound(query.created_to, "created_to", "end", issues);
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

function queryValue(name: string, values: string[]): unknown {
  if (values.length !== 1) return values;
  const [value = ""] = values;
  return INTEGER_FIELDS.has(name) && INTEGER_TEXT.test(value) ? Number(value) : value;
}

/**
 * A bound of the created range: a day (`2026-01-31`) covers the whole UTC day, so as an end it
 * is exclusive at the next midnight; a date-time is taken as given, inclusive.
 */
function parseBound(
  text: string | undefined,
  name: string,
  side: "start" | "end",
  issues: ValidationIssue[],
): { at: Date; inclusive: boolean } | undefined {
  if (text === undefined) return undefined;
  const day = text.slice(0, 10);
  const midnight = new Date(`${day}T00:00:00.000Z`);
  // Date rolls 2026-02-30 over to March; a real day formats back to itself.
  if (Number.isNaN(midnight.getTime()) || midnight.toISOString().slice(0, 10) !== day) {
    issues.push({ location: "query", message: `query/${name} must be a valid date` });
    return undefined;
  }
  if (text.length === 10) {
    if (side === "start") return { at: midnight, inclusive: true };
    return { at: new Date(midnight.getTime() + 86_400_000), inclusive: false };
  }
  const at = new Date(text);
  if (Number.isNaN(at.getTime())) {
    issues.push({ location: "query", message: `query/${name} must be a valid date-time` });
    return undefined;
  }
  return { at, inclusive: true };
}
