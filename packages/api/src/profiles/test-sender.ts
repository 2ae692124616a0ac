import type { CallbackProfileSpec } from "@rebound/core";

/**
 * What sending one callback produced, as the dispatcher's transport reports it (`SendResult`),
 * or a request that could not be rendered. Kept structural: the API does not depend on the
 * dispatcher, which provides the sender.
 */
export type TestSendOutcome =
  | {
      kind: "response";
      statusCode: number;
      headers: Record<string, string>;
      /** First 4 KB, UTF-8. */
      body: string;
      durationMs: number;
    }
  | {
      kind: "error";
      errorClass: "timeout" | "connect" | "dns" | "ssrf" | "tls" | "network";
      message: string;
      durationMs: number;
    }
  | { kind: "render-error"; message: string };

export interface TestSendInput {
  /** The profile, unsealed. */
  profile: CallbackProfileSpec;
  /** Signing secrets: the current one, plus the previous one while it still signs. */
  secrets: string[];
  event: string;
  data: unknown;
}

export interface TestSendResult {
  request: { method: string; url: string; headers: Record<string, string> };
  result: TestSendOutcome;
}

/** Sends one test callback now (the dispatcher's `sendTestCallback` bound to a transport). */
export type TestSender = (input: TestSendInput) => Promise<TestSendResult>;
