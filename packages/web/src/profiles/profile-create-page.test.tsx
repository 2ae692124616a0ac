import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { type RecordedCall, renderWithConsole } from "../testing/console-harness.tsx";
import { ProfileCreatePage } from "./profile-create-page.tsx";

const type = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

const PREVIEW = {
  event: "test",
  data: { order: { id: "sample order.id" } },
  request: {
    method: "POST",
    url: "https://example.com/hooks/sample%20order.id",
    headers: { "content-type": "application/json" },
    body: '{"id":"sample order.id"}',
  },
  missing_variables: [],
  render_error: null,
  warnings: [],
};

function fillProfile() {
  type("Name", "Orders");
  type("URL", "https://example.com/hooks/<order.id>");
  type("Body", '{"id": "<order.id>"}');
}

describe("ProfileCreatePage", () => {
  it("puts the API's validation errors next to the fields they concern", async () => {
    const { calls } = renderWithConsole(<ProfileCreatePage />, (call) =>
      call.path.endsWith("/preview")
        ? { status: 200, data: PREVIEW }
        : {
            status: 400,
            error: [
              { body: "body/enc/key must be exactly 32 characters for AES-256-GCM (got 5)" },
              { body: "body/url must be an absolute http or https URL" },
              { body: "body must NOT have additional properties: 'x'" },
            ],
          },
    );
    fillProfile();
    fireEvent.click(screen.getByRole("switch", { name: "Enable Encryption" }));
    type("Key", "short");
    type("Initialization Vector", "0123456789abcdef");
    fireEvent.click(screen.getByRole("button", { name: "Save" }));

    const summary = await screen.findByRole("alert");
    expect(within(summary).getByText("body must NOT have additional properties: 'x'")).toBeTruthy();
    expect(within(summary).getByText("Check these fields: Key, URL.")).toBeTruthy();
    const key = screen.getByLabelText("Key");
    expect(key.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById("profile-enc-key-error")?.textContent).toBe(
      "Key must be exactly 32 characters for AES-256-GCM (got 5)",
    );
    expect(document.getElementById("profile-url-error")?.textContent).toBe(
      "URL must be an absolute http or https URL",
    );
    const saved = calls.find(
      (call: RecordedCall) => call.method === "POST" && call.path.endsWith("/profiles"),
    );
    expect(saved?.body).toMatchObject({
      title: "Orders",
      http_method: "POST",
      body: '{"id": "<order.id>"}',
      body_type: "json",
      enc: { algo: "AES-256-GCM", key: "short", IV: "0123456789abcdef", params: null },
    });

    // Editing the field clears its error.
    type("Key", "0123456789abcdef0123456789abcdef");
    expect(screen.getByLabelText("Key").getAttribute("aria-invalid")).toBeNull();
  });

  it("explains the key length next to the field, for the chosen algorithm", () => {
    renderWithConsole(<ProfileCreatePage />, () => ({ status: 200, data: PREVIEW }));
    fireEvent.click(screen.getByRole("switch", { name: "Enable Encryption" }));
    fireEvent.change(screen.getByLabelText("Algorithm"), { target: { value: "AES-192-CFB" } });
    type("Key", "abc");
    const hint = document.getElementById("profile-enc-key-hint")?.textContent ?? "";
    expect(hint).toContain("AES-128 keys are 16 characters, AES-192 keys 24 and AES-256 keys 32");
    expect(hint).toContain("AES-192-CFB needs 24. Now 3 of 24.");
    expect(screen.getByLabelText("Key").getAttribute("aria-describedby")).toBe(
      "profile-enc-key-hint",
    );
  });

  it("shows the live preview from the API, then the signing secret once after create", async () => {
    const { calls } = renderWithConsole(<ProfileCreatePage />, (call) =>
      call.path.endsWith("/preview")
        ? { status: 200, data: PREVIEW }
        : {
            status: 201,
            data: {
              profile_id: "IN_1",
              title: "Orders",
              signing_secret: "whsec_abc",
              warnings: [],
            },
          },
    );
    fillProfile();
    const preview = screen.getByRole("region", { name: "Request preview" });
    expect(
      await within(preview).findByText(
        /POST https:\/\/example\.com\/hooks\/sample%20order\.id/,
        {},
        { timeout: 3000 },
      ),
    ).toBeTruthy();
    const previews = calls.filter((call) => call.path.endsWith("/preview"));
    // Debounced: typing three fields asked for one preview of the final values.
    expect(previews).toHaveLength(1);
    expect(previews[0]?.body).toMatchObject({
      profile: { url: "https://example.com/hooks/<order.id>", body: '{"id": "<order.id>"}' },
    });

    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("Profile created successfully")).toBeTruthy();
    expect(screen.getByText("whsec_abc")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Copy signing secret" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Open profile" }).getAttribute("href")).toBe(
      "/profiles/IN_1",
    );
  });
});
