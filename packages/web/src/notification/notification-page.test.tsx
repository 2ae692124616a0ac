import { fireEvent, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ReportSettings } from "../api/types.ts";
import { renderWithConsole } from "../testing/console-harness.tsx";
import { NotificationPage } from "./notification-page.tsx";

const PATH = "/v1/RBTEST/settings/callback-report";

describe("NotificationPage", () => {
  it("reveals frequencies, then the email field, and saves several frequencies", async () => {
    const saved: ReportSettings = {
      enabled: true,
      frequencies: ["daily", "monthly"],
      emails: "ops@example.com, dev@example.com",
    };
    const { calls } = renderWithConsole(<NotificationPage />, (call) =>
      call.method === "GET"
        ? { status: 200, data: { enabled: false, frequencies: [], emails: "" } }
        : { status: 200, data: saved },
    );
    const toggle = await screen.findByRole("switch", { name: "Callback Report" });
    expect(screen.queryByRole("group", { name: "Frequency" })).toBeNull();
    fireEvent.click(toggle);
    expect(screen.getByRole("group", { name: "Frequency" })).toBeTruthy();
    expect(screen.getByText(/company time zone \(Asia\/Kolkata\)/)).toBeTruthy();
    expect(screen.queryByLabelText("Email Addresses")).toBeNull();

    fireEvent.click(screen.getByRole("checkbox", { name: "Monthly" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Daily" }));
    fireEvent.change(screen.getByLabelText("Email Addresses"), {
      target: { value: "ops@example.com,dev@example.com" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));

    expect((await screen.findByRole("status")).textContent).toBe(
      "Callback report settings updated successfully",
    );
    expect(calls.at(-1)).toEqual({
      method: "PUT",
      path: PATH,
      body: {
        enabled: true,
        frequencies: ["daily", "monthly"],
        emails: "ops@example.com,dev@example.com",
      },
    });
    // The stored (normalised) addresses replace what was typed.
    expect(screen.getByLabelText<HTMLInputElement>("Email Addresses").value).toBe(
      "ops@example.com, dev@example.com",
    );
  });

  it("shows the API's errors next to the email field", async () => {
    renderWithConsole(<NotificationPage />, (call) =>
      call.method === "GET"
        ? { status: 200, data: { enabled: true, frequencies: ["weekly"], emails: "a@x.com" } }
        : {
            status: 400,
            error: [{ body: "body/emails has 'nope', which is not a valid email address" }],
          },
    );
    const emails = await screen.findByLabelText("Email Addresses");
    fireEvent.change(emails, { target: { value: "nope" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(
      await screen.findByText("Email Addresses has 'nope', which is not a valid email address"),
    ).toBeTruthy();
    expect(emails.getAttribute("aria-invalid")).toBe("true");
    expect(emails.getAttribute("aria-describedby")).toContain("report-emails-error");
    expect(screen.queryByRole("status")).toBeNull();
  });
});
