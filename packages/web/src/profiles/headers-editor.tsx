import { FieldError } from "../components/field.tsx";
import { type HeaderRow, newHeaderRow } from "./header-rows.ts";

export const MAX_HEADER_ROWS = 50;

export interface HeadersEditorProps {
  rows: readonly HeaderRow[];
  onChange(rows: HeaderRow[]): void;
  errors?: readonly string[];
}

/** Key/value rows for the request headers; values may contain `<replacers>`. */
export function HeadersEditor({ rows, onChange, errors }: HeadersEditorProps) {
  const update = (id: number, change: Partial<HeaderRow>) =>
    onChange(rows.map((row) => (row.id === id ? { ...row, ...change } : row)));
  const remove = (id: number) => {
    const rest = rows.filter((row) => row.id !== id);
    onChange(rest.length === 0 ? [newHeaderRow()] : rest);
  };
  return (
    <fieldset
      className="headers-editor"
      aria-describedby={errors?.length ? "profile-headers-error" : "profile-headers-hint"}
    >
      <legend>Headers</legend>
      <p id="profile-headers-hint" className="hint">
        Key/value pairs added to every request; values may contain replacers such as{" "}
        <code>&lt;order.id&gt;</code>. Rebound sets Content-Type from the body type unless you set
        it here.
      </p>
      <ol className="header-rows">
        {rows.map((row, index) => (
          <li key={row.id} className="header-row">
            <input
              aria-label={`Header ${index + 1} key`}
              placeholder="Key"
              spellCheck={false}
              value={row.name}
              aria-invalid={errors?.length ? true : undefined}
              onChange={(event) => update(row.id, { name: event.currentTarget.value })}
            />
            <input
              aria-label={`Header ${index + 1} value`}
              placeholder="Value"
              spellCheck={false}
              value={row.value}
              onChange={(event) => update(row.id, { value: event.currentTarget.value })}
            />
            <button
              type="button"
              className="button small secondary"
              aria-label={`Remove header ${index + 1}`}
              onClick={() => remove(row.id)}
            >
              Remove
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button small secondary"
        disabled={rows.length >= MAX_HEADER_ROWS}
        onClick={() => onChange([...rows, newHeaderRow()])}
      >
        Add header
      </button>
      <FieldError id="profile-headers-error" label="Headers" errors={errors} />
    </fieldset>
  );
}
