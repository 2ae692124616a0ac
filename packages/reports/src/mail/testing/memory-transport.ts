import type { MailMessage, MailSendResult, MailTransport } from "../mail-transport.ts";

export interface MemoryTransport extends MailTransport {
  /** Every message accepted, in order. */
  sent: MailMessage[];
  /** Every call of `send`, accepted or not. */
  calls: MailMessage[];
  /** Results for the next calls, in order; afterwards each call is accepted. */
  respondWith(...results: MailSendResult[]): void;
  /** Makes each `send` wait until `release()`; for tests that crash or race a send. */
  hold(): { release(): void };
  closed: boolean;
}

/** A transport that keeps messages in memory (tests); ids are `memory-<n>`. */
export function createMemoryTransport(options: { dropsRepeats?: boolean } = {}): MemoryTransport {
  const queue: MailSendResult[] = [];
  let gate: Promise<void> | null = null;
  const transport: MemoryTransport = {
    kind: "outbox",
    dropsRepeats: options.dropsRepeats ?? false,
    target: "memory",
    sent: [],
    calls: [],
    closed: false,
    respondWith: (...results) => queue.push(...results),
    hold() {
      let release = () => {};
      gate = new Promise<void>((resolve) => {
        release = () => {
          gate = null;
          resolve();
        };
      });
      return { release };
    },
    async send(message) {
      transport.calls.push(message);
      if (gate !== null) await gate;
      const result = queue.shift() ?? { ok: true, id: `memory-${transport.sent.length + 1}` };
      if (result.ok) transport.sent.push(message);
      return result;
    },
    async close() {
      transport.closed = true;
    },
  };
  return transport;
}
