// The raw HTTP limit of this machine: the same 1 KB POSTs the dispatcher sends, with no database,
// no rendering and no bookkeeping, `inFlight` at a time, with Bun's fetch and with undici.
import { Pool } from "undici/index.js";

export interface RawResult {
  client: "bun-fetch" | "undici";
  requests: number;
  seconds: number;
  perSecond: number;
}

async function runLoops(
  count: number,
  inFlight: number,
  send: () => Promise<void>,
): Promise<number> {
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      next += 1;
      await send();
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return (performance.now() - started) / 1000;
}

function result(client: RawResult["client"], requests: number, seconds: number): RawResult {
  return { client, requests, seconds, perSecond: requests / seconds };
}

/** Sends `count` POSTs of `body` to `url` with Bun's fetch, keeping `inFlight` outstanding. */
export async function rawFetch(url: string, body: Uint8Array, count: number, inFlight: number) {
  const headers = { "content-type": "application/json" };
  const seconds = await runLoops(count, inFlight, async () => {
    const response = await fetch(url, { method: "POST", body, headers });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`status ${response.status}`);
  });
  return result("bun-fetch", count, seconds);
}

/** The same with one undici Pool of `inFlight` connections (what the dispatcher uses). */
export async function rawUndici(url: string, body: Uint8Array, count: number, inFlight: number) {
  const origin = new URL(url);
  const pool = new Pool(origin.origin, { connections: inFlight });
  try {
    const seconds = await runLoops(count, inFlight, async () => {
      const response = await pool.request({
        method: "POST",
        path: origin.pathname,
        body,
        headers: { "content-type": "application/json" },
      });
      await response.body.arrayBuffer();
      if (response.statusCode !== 200) throw new Error(`status ${response.statusCode}`);
    });
    return result("undici", count, seconds);
  } finally {
    await pool.close();
  }
}
