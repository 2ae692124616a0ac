import { describe, expect, it } from "vitest";
import {
  apiQueryFromFilters,
  DEFAULT_PAGE_SIZE,
  filtersFromSearch,
  type ProfileFilters,
  searchFromFilters,
} from "./list-filters.ts";

const none: ProfileFilters = {
  title: "",
  http_method: "",
  created_from: "",
  created_to: "",
  status: "",
  page: 1,
  limit: DEFAULT_PAGE_SIZE,
};

describe("profile list filters", () => {
  it("round-trip through the console URL, defaults left out", () => {
    const filters: ProfileFilters = {
      title: "Orders",
      http_method: "POST",
      created_from: "2026-01-01",
      created_to: "2026-01-31",
      status: 2,
      page: 3,
      limit: 10,
    };
    const search = searchFromFilters(filters);
    expect(search).toBe(
      "?title=Orders&http_method=POST&created_from=2026-01-01&created_to=2026-01-31&status=2&limit=10&page=3",
    );
    expect(filtersFromSearch(new URLSearchParams(search))).toEqual(filters);
    expect(searchFromFilters(none)).toBe("");
  });

  it("ignore malformed values in a hand-edited URL", () => {
    const search = new URLSearchParams(
      "http_method=PATCH&created_from=yesterday&status=9&page=-1&limit=7",
    );
    expect(filtersFromSearch(search)).toEqual(none);
    expect(filtersFromSearch(new URLSearchParams("http_method=get")).http_method).toBe("GET");
  });

  it("become an API query with local whole days and an offset", () => {
    const query = apiQueryFromFilters({
      ...none,
      title: " Orders ",
      created_from: "2026-03-01",
      created_to: "2026-03-02",
      page: 2,
    });
    expect(query).toEqual({
      title: "Orders",
      http_method: undefined,
      created_from: new Date(2026, 2, 1).toISOString(),
      created_to: new Date(new Date(2026, 2, 3).getTime() - 1).toISOString(),
      status: undefined,
      limit: 25,
      offset: 25,
    });
  });
});
