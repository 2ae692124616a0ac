import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { CallbackDetail, CallbackListItem } from "../api/types.ts";
import { profileView, type RecordedCall, renderWithConsole } from "../testing/console-harness.tsx";
import { DeliveriesPage } from "./deliveries-page.tsx";

const PROFILE = profileView();

function callback(id: string, overrides: Partial<CallbackListItem>): CallbackListItem {
  return {
    id,
    profile_id: "IN_9",
    event: "order.paid",
    data: {},
    idempotency_key: null,
    status: "delivered",
    attempt_count: 1,
    next_attempt_at: "2026-02-05T10:00:00.000Z",
    last_status_code: 200,
    last_error: null,
    response_message: null,
    completed_at: "2026-02-05T10:00:00.040Z",
    created_at: "2026-02-05T10:00:00.000Z",
    modified_at: "2026-02-05T10:00:00.040Z",
    last_attempt_duration_ms: 40,
    ...overrides,
  };
}

const DELIVERED = callback("11111111-1111-4111-8111-111111111111", {});
const RETRYING = callback("22222222-2222-4222-8222-222222222222", {
  status: "pending",
  attempt_count: 2,
  last_status_code: 503,
  last_error: "HTTP 503",
  completed_at: null,
  last_attempt_duration_ms: 1500,
});
const UNTRIED = callback("33333333-3333-4333-8333-333333333333", {
  status: "pending",
  attempt_count: 0,
  last_status_code: null,
  completed_at: null,
  last_attempt_duration_ms: null,
});

const DETAIL: CallbackDetail = {
  ...RETRYING,
  attempts: [1, 2].map((n) => ({
    attempt_number: n,
    started_at: `2026-02-05T10:0${n}:00.000Z`,
    duration_ms: n === 1 ? 900 : 1500,
    status_code: 503,
    error_class: "status",
    error_message: "HTTP 503",
    response_body: "busy",
    response_headers: null,
    request_headers: null,
    missing_variables: [],
  })),
};

function respond(call: RecordedCall) {
  if (call.path.startsWith("/v1/RBTEST/callback/profiles/IN_9"))
    return { status: 200, data: PROFILE };
  if (call.path.startsWith(`/v1/RBTEST/callbacks/${RETRYING.id}`))
    return { status: 200, data: DETAIL };
  if (call.path.startsWith("/v1/RBTEST/callbacks?"))
    return {
      status: 200,
      data: { callbacks: [DELIVERED, RETRYING, UNTRIED], total: 3, limit: 10, offset: 0 },
    };
  return { status: 404, error: [{ path: `unexpected ${call.method} ${call.path}` }] };
}

const rowOf = (id: string) => {
  const button = screen.getByRole("button", { name: `Retry callback ${id}` });
  const row = button.closest("tr");
  if (row === null) throw new Error(`no row for ${id}`);
  return row;
};

describe("DeliveriesPage", () => {
  it("shows each callback's latest latency from the list alone, without reading every callback", async () => {
    const { calls } = renderWithConsole(<DeliveriesPage id="IN_9" />, respond);
    expect(await screen.findByRole("heading", { name: "Deliveries of Orders" })).toBeTruthy();
    const cells = (id: string) =>
      within(rowOf(id))
        .getAllByRole("cell")
        .map((cell) => cell.textContent);
    expect(cells(DELIVERED.id)[5]).toBe("40 ms");
    expect(cells(RETRYING.id)[5]).toBe("1.5 s");
    expect(cells(UNTRIED.id)[5]).toBe("—");
    expect(cells(RETRYING.id)[4]).toBe("503");
    // The profile and one page of the list: no per-callback detail reads.
    expect(calls.map((call) => call.path.split("?")[0])).toEqual([
      "/v1/RBTEST/callback/profiles/IN_9",
      "/v1/RBTEST/callbacks",
    ]);
    expect(calls[1]?.path).toContain("profile_id=IN_9");
  });

  it("reads a callback's attempts when its row is opened", async () => {
    const { calls } = renderWithConsole(<DeliveriesPage id="IN_9" />, respond);
    await screen.findByRole("heading", { name: "Deliveries of Orders" });
    const toggle = within(rowOf(RETRYING.id)).getByRole("button", { name: "Show attempts" });
    fireEvent.click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    expect(screen.getByText("Last error: HTTP 503")).toBeTruthy();
    const attempts = await screen.findByRole("table", {
      name: `Attempts of callback ${RETRYING.id}`,
    });
    expect(within(attempts).getAllByRole("row")).toHaveLength(3);
    expect(within(attempts).getByText("900 ms")).toBeTruthy();
    expect(calls.at(-1)?.path).toBe(`/v1/RBTEST/callbacks/${RETRYING.id}`);

    fireEvent.click(toggle);
    expect(screen.queryByRole("table", { name: `Attempts of callback ${RETRYING.id}` })).toBeNull();
  });
});
