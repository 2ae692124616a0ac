import { fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import "../testing/console-harness.tsx";
import { type HeaderRow, headersFromRows, newHeaderRow } from "./header-rows.ts";
import { HeadersEditor } from "./headers-editor.tsx";

function Harness({ errors, onRows }: { errors?: string[]; onRows(rows: HeaderRow[]): void }) {
  const [rows, setRows] = useState([newHeaderRow()]);
  return (
    <HeadersEditor
      rows={rows}
      errors={errors}
      onChange={(next) => {
        setRows(next);
        onRows(next);
      }}
    />
  );
}

describe("HeadersEditor", () => {
  it("adds, edits and removes key/value rows by their labels", () => {
    let latest: HeaderRow[] = [];
    render(<Harness onRows={(rows) => (latest = rows)} />);
    fireEvent.change(screen.getByLabelText("Header 1 key"), { target: { value: "x-api-key" } });
    fireEvent.change(screen.getByLabelText("Header 1 value"), { target: { value: "secret" } });
    fireEvent.click(screen.getByRole("button", { name: "Add header" }));
    fireEvent.change(screen.getByLabelText("Header 2 key"), { target: { value: "x-order" } });
    fireEvent.change(screen.getByLabelText("Header 2 value"), { target: { value: "<order.id>" } });
    expect(headersFromRows(latest)).toEqual({
      ok: true,
      headers: { "x-api-key": "secret", "x-order": "<order.id>" },
    });

    fireEvent.click(screen.getByRole("button", { name: "Remove header 1" }));
    expect(screen.getByLabelText<HTMLInputElement>("Header 1 key").value).toBe("x-order");
    fireEvent.click(screen.getByRole("button", { name: "Remove header 1" }));
    // The last row is emptied rather than removed, so there is always a row to type into.
    expect(screen.getByLabelText<HTMLInputElement>("Header 1 key").value).toBe("");
    expect(screen.queryByLabelText("Header 2 key")).toBeNull();
  });

  it("shows the API's headers error with the group and marks the keys invalid", () => {
    render(<Harness onRows={() => {}} errors={["has an invalid header name 'a b'"]} />);
    const group = screen.getByRole("group", { name: "Headers" });
    expect(group.getAttribute("aria-describedby")).toBe("profile-headers-error");
    expect(screen.getByText("Headers has an invalid header name 'a b'")).toBeTruthy();
    expect(screen.getByLabelText("Header 1 key").getAttribute("aria-invalid")).toBe("true");
  });
});
