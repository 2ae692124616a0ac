import type { CallbackRequest, SendErrorClass, SendResult } from "@rebound/core";

export type { SendErrorClass, SendResult };

/** Sends one rendered callback request. `send` never throws; failures are `SendResult` values. */
export interface Transport {
  send(request: CallbackRequest): Promise<SendResult>;
  /**
   * Stops taking requests and closes connections once the requests in flight finish; with
   * `abortInFlight` those requests are aborted at once (they end as "network" errors).
   */
  close(options?: TransportCloseOptions): Promise<void>;
}

export interface TransportCloseOptions {
  abortInFlight?: boolean;
}
