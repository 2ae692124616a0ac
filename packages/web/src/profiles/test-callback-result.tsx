import type { TestCallbackView } from "../api/types.ts";
import { formatDuration } from "../components/format.ts";

function outcomeText(view: TestCallbackView): string {
  const { result } = view;
  switch (result.kind) {
    case "response":
      return `${view.success ? "Delivered" : "Failed"}: HTTP ${result.statusCode} in ${formatDuration(result.durationMs)}`;
    case "error":
      return `Failed (${result.errorClass}): ${result.message} after ${formatDuration(result.durationMs)}`;
    case "render-error":
      return `Not sent: ${result.message}`;
    default: {
      const unknown: never = result;
      return `Unknown result ${JSON.stringify(unknown)}`;
    }
  }
}

/** The attempt a test callback made: outcome, the request line, and the response. */
export function TestCallbackResult({ view }: { view: TestCallbackView }) {
  const { result } = view;
  return (
    <section className="test-result" aria-labelledby="test-result-heading">
      <h2 id="test-result-heading">Test callback result</h2>
      <p role="status" className={view.success ? "notice" : "notice warning"}>
        {outcomeText(view)}
      </p>
      <p>
        <code>
          {view.request.method} {view.request.url}
        </code>{" "}
        for event <code>{view.event}</code>
      </p>
      {result.kind === "response" ? (
        <details>
          <summary>Response body (first 4 KB)</summary>
          <pre className="code">{result.body === "" ? "(empty)" : result.body}</pre>
        </details>
      ) : null}
    </section>
  );
}
