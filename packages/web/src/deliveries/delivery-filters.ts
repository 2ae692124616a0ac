import type { Query } from "../api/api-client.ts";
import { DELIVERY_STATUSES, type DeliveryStatus } from "../api/types.ts";

export const DELIVERIES_PAGE_SIZE = 10;

export interface DeliveryFilters {
  status: DeliveryStatus | "";
  page: number;
}

export function deliveryFiltersFromSearch(search: URLSearchParams): DeliveryFilters {
  const status = search.get("status") ?? "";
  const page = Number(search.get("page"));
  return {
    status: (DELIVERY_STATUSES as readonly string[]).includes(status)
      ? (status as DeliveryStatus)
      : "",
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

export function searchFromDeliveryFilters(filters: DeliveryFilters): string {
  const params = new URLSearchParams();
  if (filters.status !== "") params.set("status", filters.status);
  if (filters.page > 1) params.set("page", String(filters.page));
  const text = params.toString();
  return text === "" ? "" : `?${text}`;
}

export function deliveriesQuery(profileId: string, filters: DeliveryFilters): Query {
  return {
    profile_id: profileId,
    status: filters.status || undefined,
    limit: DELIVERIES_PAGE_SIZE,
    offset: (filters.page - 1) * DELIVERIES_PAGE_SIZE,
  };
}

/** Failed, delivered and cancelled callbacks can be sent again; the rest are still in flight. */
export function canRetry(status: DeliveryStatus): boolean {
  return status === "failed" || status === "delivered" || status === "cancelled";
}
