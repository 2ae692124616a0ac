import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import "../testing/console-harness.tsx";
import { ConfirmDialog } from "./confirm-dialog.tsx";

describe("ConfirmDialog", () => {
  it("is a labelled alert dialog with Cancel focused; Escape cancels, confirm confirms", () => {
    const events: string[] = [];
    render(
      <ConfirmDialog
        title="Delete Orders?"
        confirmLabel="Delete profile"
        onConfirm={() => events.push("confirm")}
        onCancel={() => events.push("cancel")}
      >
        <p>This cannot be undone.</p>
      </ConfirmDialog>,
    );
    const dialog = screen.getByRole("alertdialog", { name: "Delete Orders?" });
    expect(dialog.getAttribute("aria-modal")).toBe("true");
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Cancel" }));
    fireEvent.keyDown(document, { key: "Escape" });
    fireEvent.click(screen.getByRole("button", { name: "Delete profile" }));
    expect(events).toEqual(["cancel", "confirm"]);
  });
});
