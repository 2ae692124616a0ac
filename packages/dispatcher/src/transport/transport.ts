import type { CallbackRequest } from "@rebound/core";

/** Why a send produced no HTTP response; `AttemptResult` errors minus "render". */
export type SendErrorClass = "timeout" | "connect" | "dns" | "ssrf" | "tls" | "network";

export type SendResult =
  | {
      kind: "response";
      statusCode: number;
      /** Lower-case names; repeated headers joined with ", ". */
      headers: Record<string, string>;
      /** The first `maxResponseBodyBytes` of the body, decoded as UTF-8. */
      body: string;
      /** Whole milliseconds from the call to the end of the response. */
      durationMs: number;
    }
  | { kind: "error"; errorClass: SendErrorClass; message: string; durationMs: number };

/** Sends one rendered callback request. `send` never throws; failures are `SendResult` values. */
export interface Transport {
  send(request: CallbackRequest): Promise<SendResult>;
  close(): Promise<void>;
}
