import type { Query } from "../api/api-client.ts";
import { HTTP_METHODS, type HttpMethod, type ProfileStatus } from "../api/types.ts";

/** The listing's filters and page, as kept in the console's URL (`/profiles?title=…`). */
export interface ProfileFilters {
  title: string;
  http_method: HttpMethod | "";
  /** `YYYY-MM-DD` in the browser's time zone, or "". */
  created_from: string;
  created_to: string;
  status: ProfileStatus | "";
  page: number;
  limit: number;
}

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function positiveInt(text: string | null, fallback: number): number {
  const value = Number(text);
  return Number.isInteger(value) && value >= 1 ? value : fallback;
}

/** Filters from the console URL's query; unknown or malformed values fall back to "all". */
export function filtersFromSearch(search: URLSearchParams): ProfileFilters {
  const method = (search.get("http_method") ?? "").toUpperCase();
  const status = Number(search.get("status"));
  const limit = positiveInt(search.get("limit"), DEFAULT_PAGE_SIZE);
  const day = (name: string) => {
    const value = search.get(name) ?? "";
    return DAY.test(value) ? value : "";
  };
  return {
    title: search.get("title") ?? "",
    http_method: (HTTP_METHODS as readonly string[]).includes(method) ? (method as HttpMethod) : "",
    created_from: day("created_from"),
    created_to: day("created_to"),
    status: status === 1 || status === 2 || status === 3 ? status : "",
    page: positiveInt(search.get("page"), 1),
    limit: (PAGE_SIZES as readonly number[]).includes(limit) ? limit : DEFAULT_PAGE_SIZE,
  };
}

/** The console URL query of filters (defaults left out), e.g. `?http_method=POST&page=2`. */
export function searchFromFilters(filters: ProfileFilters): string {
  const params = new URLSearchParams();
  if (filters.title.trim() !== "") params.set("title", filters.title.trim());
  if (filters.http_method !== "") params.set("http_method", filters.http_method);
  if (filters.created_from !== "") params.set("created_from", filters.created_from);
  if (filters.created_to !== "") params.set("created_to", filters.created_to);
  if (filters.status !== "") params.set("status", String(filters.status));
  if (filters.limit !== DEFAULT_PAGE_SIZE) params.set("limit", String(filters.limit));
  if (filters.page > 1) params.set("page", String(filters.page));
  const text = params.toString();
  return text === "" ? "" : `?${text}`;
}

/** Local midnight of a `YYYY-MM-DD` day, shifted by `days`. */
function localDay(day: string, days = 0): Date {
  const [year, month, date] = day.split("-").map(Number);
  return new Date(year ?? 1970, (month ?? 1) - 1, (date ?? 1) + days);
}

/**
 * The API query of the filters. Days are whole days in the browser's time zone: `created_from`
 * is local midnight, `created_to` the last millisecond of that local day (inclusive).
 */
export function apiQueryFromFilters(filters: ProfileFilters): Query {
  return {
    title: filters.title.trim() || undefined,
    http_method: filters.http_method || undefined,
    created_from: filters.created_from ? localDay(filters.created_from).toISOString() : undefined,
    created_to: filters.created_to
      ? new Date(localDay(filters.created_to, 1).getTime() - 1).toISOString()
      : undefined,
    status: filters.status === "" ? undefined : filters.status,
    limit: filters.limit,
    offset: (filters.page - 1) * filters.limit,
  };
}
