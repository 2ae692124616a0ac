import type { ProfilePreview } from "../api/types.ts";
import { controlProps, Field } from "../components/field.tsx";
import type { PreviewState } from "./use-request-preview.ts";

function RenderedRequest({ preview }: { preview: ProfilePreview }) {
  const { request } = preview;
  return (
    <div className="preview-result">
      <p>
        Event <code>{preview.event}</code>
      </p>
      {request === null ? (
        <p className="field-error">
          This event cannot be sent: {preview.render_error?.message ?? "rendering failed"}
        </p>
      ) : (
        <figure className="rendered-request">
          <figcaption className="visually-hidden">Rendered request</figcaption>
          <pre className="code">
            {`${request.method} ${request.url}\n`}
            {Object.entries(request.headers)
              .map(([name, value]) => `${name}: ${value}\n`)
              .join("")}
            {request.body === null ? "" : `\n${request.body}`}
          </pre>
        </figure>
      )}
      {preview.missing_variables.length > 0 ? (
        <p className="hint">
          Missing in the event data (sent empty): {preview.missing_variables.join(", ")}
        </p>
      ) : null}
      {preview.warnings.map((warning) => (
        <p key={warning} className="notice warning">
          {warning}
        </p>
      ))}
      <details>
        <summary>Sample event data used</summary>
        <pre className="code">{JSON.stringify(preview.data, null, 2)}</pre>
      </details>
    </div>
  );
}

export interface RequestPreviewProps {
  state: PreviewState;
  sampleData: string;
  onSampleDataChange(text: string): void;
}

/** The live preview of the rendered request for a sample event (the API's request builder). */
export function RequestPreview({ state, sampleData, onSampleDataChange }: RequestPreviewProps) {
  const shown =
    state.status === "ready" ? state.preview : state.status === "loading" ? state.previous : null;
  return (
    <section className="preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">Request preview</h2>
      <p className="hint">
        What Rebound sends for a sample event, encryption included; secret-looking headers are
        hidden, and webhook-id, webhook-timestamp and webhook-signature are added when sending.
      </p>
      <div aria-live="polite" aria-busy={state.status === "loading"} className="preview-status">
        {state.status === "loading" ? <p className="muted">Updating preview…</p> : null}
        {state.status === "invalid" ? (
          <div className="preview-invalid">
            <p>Preview unavailable until these are fixed:</p>
            <ul>
              {state.messages.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
      {shown ? <RenderedRequest preview={shown} /> : null}
      <Field
        id="preview-data"
        label="Sample event data (JSON)"
        hint="Optional. Empty: every dynamic variable gets a sample value."
      >
        <textarea
          {...controlProps("preview-data", { hint: true })}
          className="code"
          rows={4}
          spellCheck={false}
          value={sampleData}
          onChange={(event) => onSampleDataChange(event.currentTarget.value)}
        />
      </Field>
    </section>
  );
}
