/** Longest any end-to-end wait may take. */
export const MAX_WAIT_MS = 30_000;

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Polls `read` every 100 ms until it returns a value other than `undefined` or `false`, and
 * returns that value; throws after `timeoutMs` (at most 30 s) naming `what` it waited for.
 *
 * @example
 * const row = await waitFor(async () => (await get(id)).status === "delivered" && row, "delivery");
 */
export async function waitFor<T>(
  read: () => Promise<T | undefined | false> | T | undefined | false,
  what: string,
  timeoutMs = MAX_WAIT_MS,
): Promise<T> {
  const deadline = Date.now() + Math.min(timeoutMs, MAX_WAIT_MS);
  for (;;) {
    const value = await read();
    if (value !== undefined && value !== false) return value;
    if (Date.now() >= deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}
