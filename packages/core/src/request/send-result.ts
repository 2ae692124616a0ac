import type { CallbackProfileSpec } from "../profile/profile.ts";
import type { AttemptErrorClass } from "../retry/attempt-result.ts";

/** Why a send produced no HTTP response: every attempt error class except "render". */
export type SendErrorClass = Exclude<AttemptErrorClass, "render">;

/**
 * What sending one rendered callback produced. Defined here because the dispatcher's transport
 * produces it and the API's test endpoint shows it, and neither may import the other.
 */
export type SendResult =
  | {
      kind: "response";
      statusCode: number;
      /** Lower-case names; repeated headers joined with ", ". */
      headers: Record<string, string>;
      /** The first bytes of the body (4 KB by default), decoded as UTF-8. */
      body: string;
      /** Whole milliseconds from the call to the end of the response. */
      durationMs: number;
    }
  | { kind: "error"; errorClass: SendErrorClass; message: string; durationMs: number };

/** One test callback to send now, outside the queue. */
export interface TestCallbackInput {
  /** The profile, unsealed. */
  profile: CallbackProfileSpec;
  /** Signing secrets: the current one, plus the previous one while it still signs. */
  secrets: string[];
  event: string;
  data: unknown;
}

export interface TestSendResult {
  /** What was (or would have been) sent; secret-looking headers redacted. */
  request: { method: string; url: string; headers: Record<string, string> };
  result: SendResult | { kind: "render-error"; message: string };
}
