import { type FormEvent, useState } from "react";
import { HTTP_METHODS } from "../api/types.ts";
import { controlProps, Field } from "../components/field.tsx";
import { DEFAULT_PAGE_SIZE, type ProfileFilters } from "./list-filters.ts";

export interface ProfileFiltersFormProps {
  filters: ProfileFilters;
  /** Field errors from the API's query validation, by filter name. */
  errors: Record<string, string[]>;
  onApply(filters: ProfileFilters): void;
}

/** The seed's listing filters: Callback Profile Name, HTTP Method, Created Date range (+ status). */
export function ProfileFiltersForm({ filters, errors, onApply }: ProfileFiltersFormProps) {
  const [draft, setDraft] = useState(filters);
  const set = <K extends keyof ProfileFilters>(name: K, value: ProfileFilters[K]) =>
    setDraft((previous) => ({ ...previous, [name]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    onApply({ ...draft, page: 1 });
  }

  function clear() {
    const cleared: ProfileFilters = {
      title: "",
      http_method: "",
      created_from: "",
      created_to: "",
      status: "",
      page: 1,
      limit: draft.limit || DEFAULT_PAGE_SIZE,
    };
    setDraft(cleared);
    onApply(cleared);
  }

  return (
    <search className="filters">
      <form onSubmit={submit} aria-label="Filter profiles">
        <Field id="filter-title" label="Callback Profile Name" errors={errors.title}>
          <input
            {...controlProps("filter-title", { errors: errors.title })}
            type="search"
            value={draft.title}
            onChange={(event) => set("title", event.currentTarget.value)}
          />
        </Field>
        <Field id="filter-method" label="HTTP Method" errors={errors.http_method}>
          <select
            {...controlProps("filter-method", { errors: errors.http_method })}
            value={draft.http_method}
            onChange={(event) =>
              set("http_method", event.currentTarget.value as ProfileFilters["http_method"])
            }
          >
            <option value="">All methods</option>
            {HTTP_METHODS.map((method) => (
              <option key={method} value={method}>
                {method}
              </option>
            ))}
          </select>
        </Field>
        <Field id="filter-created-from" label="Created from" errors={errors.created_from}>
          <input
            {...controlProps("filter-created-from", { errors: errors.created_from })}
            type="date"
            value={draft.created_from}
            max={draft.created_to || undefined}
            onChange={(event) => set("created_from", event.currentTarget.value)}
          />
        </Field>
        <Field id="filter-created-to" label="Created to" errors={errors.created_to}>
          <input
            {...controlProps("filter-created-to", { errors: errors.created_to })}
            type="date"
            value={draft.created_to}
            min={draft.created_from || undefined}
            onChange={(event) => set("created_to", event.currentTarget.value)}
          />
        </Field>
        <Field id="filter-status" label="Status" errors={errors.status}>
          <select
            {...controlProps("filter-status", { errors: errors.status })}
            value={String(draft.status)}
            onChange={(event) => {
              const value = event.currentTarget.value;
              set("status", value === "" ? "" : (Number(value) as 1 | 2 | 3));
            }}
          >
            <option value="">All statuses</option>
            <option value="1">Active</option>
            <option value="2">Auto-disabled</option>
            <option value="3">Disabled</option>
          </select>
        </Field>
        <div className="filter-actions">
          <button type="submit" className="button">
            Apply filters
          </button>
          <button type="button" className="button secondary" onClick={clear}>
            Clear filters
          </button>
        </div>
      </form>
    </search>
  );
}
