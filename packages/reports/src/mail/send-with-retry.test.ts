import { describe, expect, it } from "vitest";
import type { MailMessage, MailSendResult, MailTransport } from "./mail-transport.ts";
import { sendWithRetry } from "./send-with-retry.ts";

const message: MailMessage = {
  from: "reports@rebound.example",
  to: ["ops@acme.example"],
  subject: "Daily callback report",
  html: "<p>1 delivered</p>",
  text: "1 delivered",
};

/** A transport that answers with `results` in order (the last one repeats) and counts calls. */
function scripted(results: MailSendResult[]): MailTransport & { calls: number } {
  const transport = {
    kind: "outbox" as const,
    dropsRepeats: false,
    target: "scripted",
    calls: 0,
    async send(): Promise<MailSendResult> {
      const result = results[Math.min(transport.calls, results.length - 1)];
      transport.calls += 1;
      if (result === undefined) throw new Error("no scripted result");
      return result;
    },
    close: async () => {},
  };
  return transport;
}

const busy: MailSendResult = { ok: false, error: "SMTP: 451 try later", retryable: true };
const refused: MailSendResult = { ok: false, error: "SMTP: 550 no such user", retryable: false };
const sent: MailSendResult = { ok: true, id: "<id@rebound.example>" };

function recordingSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

describe("sendWithRetry", () => {
  it("retries retryable failures with doubling backoff, then returns the success", async () => {
    const transport = scripted([busy, busy, sent]);
    const { waits, sleep } = recordingSleep();
    const result = await sendWithRetry(transport, message, { attempts: 5, backoffMs: 100, sleep });
    expect(result).toEqual({ ...sent, attempts: 3, errors: [busy.error, busy.error] });
    expect(waits).toEqual([100, 200]);
    expect(transport.calls).toBe(3);
  });

  it("stops at the first non-retryable failure", async () => {
    const transport = scripted([busy, refused, sent]);
    const { waits, sleep } = recordingSleep();
    const result = await sendWithRetry(transport, message, { attempts: 5, backoffMs: 10, sleep });
    expect(result).toEqual({ ...refused, attempts: 2, errors: [busy.error, refused.error] });
    expect(transport.calls).toBe(2);
    expect(waits).toEqual([10]);
  });

  it("gives up after `attempts` tries and returns the last failure", async () => {
    const transport = scripted([busy]);
    const { waits, sleep } = recordingSleep();
    const result = await sendWithRetry(transport, message, { attempts: 4, backoffMs: 1, sleep });
    expect(result).toMatchObject({ ok: false, retryable: true, attempts: 4 });
    expect(result.errors).toHaveLength(4);
    expect(transport.calls).toBe(4);
    expect(waits).toEqual([1, 2, 4]);
  });

  it("waits at least the provider's Retry-After, capped at maxBackoffMs", async () => {
    const limited: MailSendResult = { ...busy, retryAfterMs: 5_000 };
    const tooLong: MailSendResult = { ...busy, retryAfterMs: 3_600_000 };
    const { waits, sleep } = recordingSleep();
    await sendWithRetry(scripted([limited, tooLong, sent]), message, {
      attempts: 3,
      backoffMs: 100,
      maxBackoffMs: 60_000,
      sleep,
    });
    expect(waits).toEqual([5_000, 60_000]);
  });

  it("sends once when attempts is 1", async () => {
    const transport = scripted([busy, sent]);
    const result = await sendWithRetry(transport, message, { attempts: 1, sleep: async () => {} });
    expect(result).toMatchObject({ ok: false, attempts: 1 });
    expect(transport.calls).toBe(1);
  });

  it.each([0, 11, 2.5, Number.NaN])("rejects attempts = %s", async (attempts) => {
    await expect(sendWithRetry(scripted([sent]), message, { attempts })).rejects.toThrow(
      RangeError,
    );
  });
});
