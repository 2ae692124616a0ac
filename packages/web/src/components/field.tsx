import type { ReactNode } from "react";

export interface FieldProps {
  /** The control's id; the hint and error get `${id}-hint` and `${id}-error`. */
  id: string;
  label: string;
  hint?: ReactNode;
  /** Messages from the API, each read after the label ("Key must be exactly …"). */
  errors?: readonly string[];
  required?: boolean;
  children: ReactNode;
}

/** The aria attributes a control inside `Field` needs, so errors are read with it. */
export function controlProps(
  id: string,
  options: { hint?: unknown; errors?: readonly string[]; required?: boolean } = {},
) {
  const describedBy = [
    options.hint ? `${id}-hint` : null,
    options.errors?.length ? `${id}-error` : null,
  ].filter((part) => part !== null);
  return {
    id,
    "aria-describedby": describedBy.length > 0 ? describedBy.join(" ") : undefined,
    "aria-invalid": options.errors?.length ? true : undefined,
    "aria-required": options.required ? true : undefined,
  };
}

export function FieldError({
  id,
  label,
  errors,
}: {
  id: string;
  label: string;
  errors?: readonly string[];
}) {
  if (!errors || errors.length === 0) return null;
  return (
    <p id={id} className="field-error">
      {errors.map((message) => `${label} ${message}`).join(". ")}
    </p>
  );
}

/** A labelled form field with an optional hint and the API's errors for it. */
export function Field({ id, label, hint, errors, required, children }: FieldProps) {
  return (
    <div className="field">
      <span className="label-row">
        <label htmlFor={id}>{label}</label>
        {/* Outside the label, so the accessible name is just the label; aria-required says it. */}
        {required ? (
          <span className="required" aria-hidden="true">
            *
          </span>
        ) : null}
      </span>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} label={label} errors={errors} />
    </div>
  );
}
