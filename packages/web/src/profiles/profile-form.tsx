import { type FormEvent, type ReactNode, useId } from "react";
import { CHANNELS, type Channel, HTTP_METHODS, type HttpMethod } from "../api/types.ts";
import { controlProps, Field } from "../components/field.tsx";
import { BodyFields } from "./body-fields.tsx";
import { EncryptionFields } from "./encryption-fields.tsx";
import { HeadersEditor } from "./headers-editor.tsx";
import { isMarkupType, type ProfileFormValues } from "./profile-form-values.ts";

export const CHANNEL_LABELS: Record<Channel, string> = {
  default: "Default - No Channel Selected",
  sms: "SMS",
  whatsapp: "WhatsApp",
  email: "Email",
  voice: "Voice",
};

const METHOD_HINTS: Record<HttpMethod, string> = {
  GET: "GET retrieves information from the URL; no body is sent.",
  POST: "POST sends data to the server in the body (XML, JSON, HTML or text).",
  PUT: "PUT replaces the target resource with the JSON body.",
  DELETE: "DELETE removes the target resource; no body is sent.",
};

export interface ProfileFormProps {
  values: ProfileFormValues;
  errors: Record<string, string[] | undefined>;
  mode: "create" | "edit";
  busy: boolean;
  onChange(change: Partial<ProfileFormValues>): void;
  onSubmit(): void;
  /** Cancel link or button, next to Save. */
  cancel: ReactNode;
}

/** The create/edit form of the UI seed: name, method, URL, headers, body, channel, encryption. */
export function ProfileForm(props: ProfileFormProps) {
  const { values, errors, onChange } = props;
  const formId = useId();

  function changeMethod(method: HttpMethod) {
    // PUT sends JSON (the seed); a markup body type chosen for POST does not carry over.
    const keepsType = method !== "PUT" || !isMarkupType(values.body_type);
    onChange(keepsType ? { http_method: method } : { http_method: method, body_type: "json" });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!props.busy) props.onSubmit();
  }

  return (
    <form
      id={formId}
      className="profile-form"
      onSubmit={submit}
      noValidate
      aria-label="Callback profile"
    >
      <Field
        id="profile-title"
        label="Name"
        required
        errors={errors.title}
        hint="At least 3 characters: letters, digits, spaces, hyphens and underscores."
      >
        <input
          {...controlProps("profile-title", { hint: true, errors: errors.title, required: true })}
          value={values.title}
          maxLength={100}
          onChange={(event) => onChange({ title: event.currentTarget.value })}
        />
      </Field>
      <Field
        id="profile-method"
        label="HTTP Method"
        required
        errors={errors.http_method}
        hint={METHOD_HINTS[values.http_method]}
      >
        <select
          {...controlProps("profile-method", {
            hint: true,
            errors: errors.http_method,
            required: true,
          })}
          value={values.http_method}
          onChange={(event) => changeMethod(event.currentTarget.value as HttpMethod)}
        >
          {HTTP_METHODS.map((method) => (
            <option key={method} value={method}>
              {method}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id="profile-url"
        label="URL"
        required
        errors={errors.url}
        hint="The http or https endpoint to trigger; may contain replacers in the path and query, e.g. https://example.com/orders/<order.id>."
      >
        <input
          {...controlProps("profile-url", { hint: true, errors: errors.url, required: true })}
          type="url"
          inputMode="url"
          spellCheck={false}
          value={values.url}
          onChange={(event) => onChange({ url: event.currentTarget.value })}
        />
      </Field>
      <HeadersEditor
        rows={values.headers}
        errors={errors.headers}
        onChange={(headers) => onChange({ headers })}
      />
      <BodyFields values={values} errors={errors} onChange={onChange} />
      <Field
        id="profile-channel"
        label="Channel"
        errors={errors.channel}
        hint={
          props.mode === "edit"
            ? "The channel cannot be changed after the profile is created."
            : "Default - No Channel Selected works for any channel other than SMS."
        }
      >
        <select
          {...controlProps("profile-channel", { hint: true, errors: errors.channel })}
          value={values.channel}
          disabled={props.mode === "edit"}
          onChange={(event) => {
            const channel = event.currentTarget.value as Channel;
            const events =
              channel === "sms" && values.events.trim() === "" ? "SMS-sent" : values.events;
            onChange({ channel, events });
          }}
        >
          {CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {CHANNEL_LABELS[channel]}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id="profile-events"
        label="Events"
        errors={errors.events}
        hint={
          values.channel === "sms"
            ? "SMS profiles take the SMS-sent event."
            : "Comma-separated event names this profile accepts; empty accepts any event."
        }
      >
        <input
          {...controlProps("profile-events", { hint: true, errors: errors.events })}
          spellCheck={false}
          value={values.events}
          onChange={(event) => onChange({ events: event.currentTarget.value })}
        />
      </Field>
      <Field
        id="profile-response-message"
        label="Response message"
        errors={errors.response_message}
        hint="Sent back to the requester after a successful callback (chatbots); may contain replacers, e.g. Thank you, <name>."
      >
        <textarea
          {...controlProps("profile-response-message", {
            hint: true,
            errors: errors.response_message,
          })}
          rows={2}
          value={values.response_message}
          onChange={(event) => onChange({ response_message: event.currentTarget.value })}
        />
      </Field>
      <EncryptionFields
        values={values}
        errors={errors}
        editing={props.mode === "edit"}
        onChange={onChange}
      />
      {props.mode === "edit" ? (
        <Field
          id="profile-status"
          label="Status"
          errors={errors.status}
          hint={
            values.status === 2
              ? "Rebound disabled this profile after repeated failures; choose Active (or change the URL) to re-enable it."
              : "Disabled profiles refuse new callbacks."
          }
        >
          <select
            {...controlProps("profile-status", { hint: true, errors: errors.status })}
            value={values.status}
            onChange={(event) =>
              onChange({ status: Number(event.currentTarget.value) as 1 | 2 | 3 })
            }
          >
            <option value={1}>Active</option>
            {values.status === 2 ? <option value={2}>Auto-disabled</option> : null}
            <option value={3}>Disabled</option>
          </select>
        </Field>
      ) : null}
      <div className="form-actions">
        {/* aria-disabled, not disabled: a disabled button would drop the keyboard focus. */}
        <button type="submit" className="button" aria-disabled={props.busy}>
          {props.busy ? "Saving…" : "Save"}
        </button>
        {props.cancel}
      </div>
    </form>
  );
}
