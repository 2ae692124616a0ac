import type { CallbackRequest, SendErrorClass, SendResult } from "@rebound/core";

export type { SendErrorClass, SendResult };

/** Sends one rendered callback request. `send` never throws; failures are `SendResult` values. */
export interface Transport {
  send(request: CallbackRequest): Promise<SendResult>;
  close(): Promise<void>;
}
