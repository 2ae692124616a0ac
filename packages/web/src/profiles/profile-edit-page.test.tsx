import { fireEvent, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { profileView, renderWithConsole } from "../testing/console-harness.tsx";
import { ProfileEditPage } from "./profile-edit-page.tsx";

const DISABLED = profileView({
  http_method: "GET",
  status: 2,
  disabled_reason: "20 consecutive final failures over 24 h",
  disabled_at: "2026-02-01T10:00:00.000Z",
});

describe("ProfileEditPage", () => {
  it("re-enables an auto-disabled profile with PATCH status 1", async () => {
    const { calls, flashes } = renderWithConsole(<ProfileEditPage id="IN_9" />, (call) => {
      if (call.method === "PATCH")
        return { status: 200, data: { ...DISABLED, status: 1, warnings: [] } };
      if (call.path.endsWith("/preview")) return { status: 400, error: [] };
      return { status: 200, data: DISABLED };
    });
    expect(await screen.findByText(/20 consecutive final failures over 24 h/)).toBeTruthy();
    const badge = () => document.querySelector(".page-title .status")?.textContent;
    expect(badge()).toBe("Auto-disabled");
    fireEvent.click(screen.getByRole("button", { name: "Re-enable profile" }));
    await vi.waitFor(() => expect(badge()).toBe("Active"));
    expect(screen.getByLabelText<HTMLSelectElement>("Status").value).toBe("1");
    expect(calls.find((call) => call.method === "PATCH")).toEqual({
      method: "PATCH",
      path: "/v1/RBTEST/callback/profiles/IN_9",
      body: { status: 1 },
    });
    expect(flashes).toEqual(["Profile re-enabled"]);
    expect(screen.queryByRole("button", { name: "Re-enable profile" })).toBeNull();
  });

  it("sends a test callback and shows the attempt's result", async () => {
    renderWithConsole(<ProfileEditPage id="IN_9" />, (call) => {
      if (call.path.endsWith("/test")) {
        return {
          status: 200,
          data: {
            event: "test",
            data: {},
            request: { method: "GET", url: "https://example.com/hooks", headers: {} },
            result: {
              kind: "response",
              statusCode: 503,
              headers: {},
              body: "busy",
              durationMs: 42,
            },
            success: false,
          },
        };
      }
      if (call.path.endsWith("/preview")) return { status: 400, error: [] };
      return { status: 200, data: { ...DISABLED, status: 1 } };
    });
    fireEvent.click(await screen.findByRole("button", { name: "Send test callback" }));
    expect((await screen.findByText(/HTTP 503/)).textContent).toBe("Failed: HTTP 503 in 42 ms");
    expect(screen.getByText("busy")).toBeTruthy();
  });
});
