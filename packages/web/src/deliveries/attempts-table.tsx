import type { AttemptView } from "../api/types.ts";
import { formatDateTime, formatDuration } from "../components/format.ts";

/** Every HTTP try of one callback: when, how long, the answer or the error. */
export function AttemptsTable({ attempts, caption }: { attempts: AttemptView[]; caption: string }) {
  if (attempts.length === 0) return <p className="muted">No attempts yet.</p>;
  return (
    <table className="data-table nested">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Started</th>
          <th scope="col">Latency</th>
          <th scope="col">Response code</th>
          <th scope="col">Error</th>
          <th scope="col">Response body</th>
        </tr>
      </thead>
      <tbody>
        {attempts.map((attempt) => (
          <tr key={attempt.attempt_number}>
            <td>{attempt.attempt_number}</td>
            <td>
              <time dateTime={attempt.started_at}>{formatDateTime(attempt.started_at)}</time>
            </td>
            <td>{formatDuration(attempt.duration_ms)}</td>
            <td>{attempt.status_code ?? "—"}</td>
            <td>
              {attempt.error_class ? `${attempt.error_class}: ${attempt.error_message ?? ""}` : "—"}
              {attempt.missing_variables.length > 0
                ? ` (missing: ${attempt.missing_variables.join(", ")})`
                : ""}
            </td>
            <td>
              {attempt.response_body ? (
                <pre className="code small">{attempt.response_body}</pre>
              ) : (
                "—"
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
