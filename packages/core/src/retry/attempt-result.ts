/** Why a try produced no HTTP response. */
export type AttemptErrorClass =
  | "timeout"
  | "connect"
  | "dns"
  | "ssrf"
  | "tls"
  | "network"
  | "render";

/** What one try of a delivery produced: an HTTP response or a classified error. */
export type AttemptResult =
  | { kind: "response"; statusCode: number; retryAfter?: string | null }
  | { kind: "error"; errorClass: AttemptErrorClass };

/** 2xx only: redirects are not followed, so a 3xx is a failure like any other. */
export function isSuccessStatus(statusCode: number): boolean {
  return Number.isInteger(statusCode) && statusCode >= 200 && statusCode <= 299;
}

/**
 * Short human label for logs, delivery history and failure reasons.
 *
 * @example
 * describeAttemptResult({ kind: "response", statusCode: 503 }); // "HTTP 503"
 * describeAttemptResult({ kind: "error", errorClass: "timeout" }); // "timeout"
 */
export function describeAttemptResult(result: AttemptResult): string {
  switch (result.kind) {
    case "response":
      return `HTTP ${result.statusCode}`;
    case "error":
      return result.errorClass;
    default: {
      const unexpected: never = result;
      throw new TypeError(`unknown attempt result ${JSON.stringify(unexpected)}`);
    }
  }
}
