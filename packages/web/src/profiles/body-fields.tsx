import type { BodyType } from "../api/types.ts";
import { controlProps, Field } from "../components/field.tsx";
import { findPlaceholders } from "./placeholders.ts";
import { isMarkupType, type ProfileFormValues } from "./profile-form-values.ts";

const BODY_TYPE_LABELS: Record<BodyType, string> = {
  json: "JSON",
  xml: "XML",
  html: "HTML",
  text: "Text",
  form: "Form fields",
};

/** POST offers the seed's four body types, PUT sends JSON; a stored type stays selectable. */
export function bodyTypeOptions(method: "POST" | "PUT", current: BodyType): BodyType[] {
  const offered: BodyType[] = method === "POST" ? ["json", "xml", "html", "text"] : ["json"];
  return offered.includes(current) ? offered : [...offered, current];
}

const PLACEHOLDER_EXAMPLE = {
  json: '{\n  "name": "Ray",\n  "phone": "<whatsapp_number>",\n  "address": { "formatted_address": "<address.formatted_address>" }\n}',
  form: '{\n  "name": "<name>",\n  "phone": "<phone>"\n}',
  xml: "<message><to><phone></to></message>",
  html: "<p>Hello <name></p>",
  text: "Order <order.id> was paid",
} satisfies Record<BodyType, string>;

function bodyHint(type: BodyType): string {
  if (type === "json" || type === "form") {
    return "A JSON object. A value that is exactly one <placeholder> takes the variable's JSON value (numbers stay numbers); placeholders inside longer text are replaced as text.";
  }
  return "Placeholders look like markup here, so only the dynamic variables listed below are replaced (values are escaped in XML and HTML).";
}

export interface BodyFieldsProps {
  values: ProfileFormValues;
  errors: Record<string, string[] | undefined>;
  onChange(change: Partial<ProfileFormValues>): void;
}

/** Body type, body and (for XML, HTML and text) the declared dynamic variables. */
export function BodyFields({ values, errors, onChange }: BodyFieldsProps) {
  if (values.http_method !== "POST" && values.http_method !== "PUT") return null;
  const options = bodyTypeOptions(values.http_method, values.body_type);
  const markup = isMarkupType(values.body_type);
  return (
    <div className="body-fields">
      <Field
        id="profile-body-type"
        label="Body type"
        errors={errors.body_type}
        hint={values.http_method === "PUT" ? "PUT sends the body as JSON." : undefined}
      >
        <select
          {...controlProps("profile-body-type", {
            hint: values.http_method === "PUT",
            errors: errors.body_type,
          })}
          value={values.body_type}
          onChange={(event) => onChange({ body_type: event.currentTarget.value as BodyType })}
        >
          {options.map((type) => (
            <option key={type} value={type}>
              {BODY_TYPE_LABELS[type]}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id="profile-body"
        label="Body"
        required
        errors={errors.body}
        hint={bodyHint(values.body_type)}
      >
        <textarea
          {...controlProps("profile-body", { hint: true, errors: errors.body, required: true })}
          className="code"
          rows={8}
          spellCheck={false}
          placeholder={PLACEHOLDER_EXAMPLE[values.body_type]}
          value={values.body}
          onChange={(event) => onChange({ body: event.currentTarget.value })}
        />
      </Field>
      {markup ? (
        <Field
          id="profile-dynamic-variables"
          label="Dynamic variables"
          errors={errors.dynamic_variables}
          hint="Comma-separated variable names replaced in this body, e.g. phone, order.id."
        >
          <div className="inline-control">
            <input
              {...controlProps("profile-dynamic-variables", {
                hint: true,
                errors: errors.dynamic_variables,
              })}
              spellCheck={false}
              value={values.dynamic_variables}
              onChange={(event) => onChange({ dynamic_variables: event.currentTarget.value })}
            />
            <button
              type="button"
              className="button small secondary"
              onClick={() =>
                onChange({ dynamic_variables: findPlaceholders(values.body).join(", ") })
              }
            >
              Use placeholders from body
            </button>
          </div>
        </Field>
      ) : null}
    </div>
  );
}
