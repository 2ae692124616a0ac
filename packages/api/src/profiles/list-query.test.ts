import { describe, expect, it } from "vitest";
import { parseListQuery } from "./list-query.ts";

const query = (entries: Record<string, string | string[]>) =>
  Object.fromEntries(
    Object.entries(entries).map(([name, value]) => [name, Array.isArray(value) ? value : [value]]),
  );

describe("parseListQuery", () => {
  it("defaults to the first 25 profiles", () => {
    expect(parseListQuery({})).toEqual({ ok: true, filters: { limit: 25, offset: 0 } });
  });

  it("reads every filter, a day as the whole UTC day, a method in any case", () => {
    const result = parseListQuery(
      query({
        title: "Test",
        http_method: "post",
        created_from: "2026-01-01",
        created_to: "2026-01-31",
        status: "3",
        limit: "10",
        offset: "20",
      }),
    );
    expect(result).toEqual({
      ok: true,
      filters: {
        title: "Test",
        httpMethod: "POST",
        createdFrom: new Date("2026-01-01T00:00:00.000Z"),
        createdTo: { at: new Date("2026-02-01T00:00:00.000Z"), inclusive: false },
        status: 3,
        limit: 10,
        offset: 20,
      },
    });
  });

  it("takes a date-time bound as given, inclusive", () => {
    const result = parseListQuery(query({ created_to: "2026-01-31T12:30:00+05:30" }));
    expect(result.ok && result.filters.createdTo).toEqual({
      at: new Date("2026-01-31T07:00:00.000Z"),
      inclusive: true,
    });
  });

  it.each([
    [{ limit: "0" }, "query/limit must be >= 1"],
    [{ limit: "101" }, "query/limit must be <= 100"],
    [{ limit: "ten" }, "query/limit must be integer"],
    [{ offset: "-1" }, "query/offset must be >= 0"],
    [{ status: "4" }, "query/status must be equal to one of the allowed values: 1, 2, 3"],
    [
      { http_method: "PATCH" },
      "query/http_method must be equal to one of the allowed values: GET, POST, PUT, DELETE",
    ],
    [
      { created_from: "yesterday" },
      "query/created_from must be a date (2026-01-31) or a date-time with a time zone (2026-01-31T10:00:00Z)",
    ],
    [{ created_from: "2026-02-30" }, "query/created_from must be a valid date"],
    [{ created_to: "2026-01-31T25:00:00Z" }, "query/created_to must be a valid date-time"],
    [
      { created_from: "2026-02-01", created_to: "2026-01-01" },
      "query/created_to must not be before created_from",
    ],
    [{ limit: ["1", "2"] }, "query/limit must be integer"],
    [{ sort: "title" }, "query must NOT have additional properties: 'sort'"],
  ])("refuses %j", (entries, message) => {
    const result = parseListQuery(query(entries));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues[0]).toEqual({ location: "query", message });
  });
});
