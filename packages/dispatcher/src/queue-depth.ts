import type { DbHandle } from "@rebound/db";

/** Deliveries not finished, by status. */
export interface QueueDepth {
  pending: number;
  held: number;
  delivering: number;
}

/** Counts unfinished deliveries across all accounts (for the metrics endpoint). */
export async function countQueue(handle: DbHandle): Promise<QueueDepth> {
  const rows = await handle.query<{ status: string; count: number | string }>(
    `select status::text as status, count(*)::int as count from deliveries
      where status in ('pending', 'held', 'delivering') group by status`,
  );
  const depth: QueueDepth = { pending: 0, held: 0, delivering: 0 };
  for (const row of rows) {
    if (row.status === "pending" || row.status === "held" || row.status === "delivering") {
      depth[row.status] = Number(row.count);
    }
  }
  return depth;
}
