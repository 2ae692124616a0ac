import type { AccountUpdate } from "@rebound/core";
import { type AccountRow, accounts, type Database } from "@rebound/db";
import { eq } from "drizzle-orm";

/** The account with this id, or null (deleted while its key was in flight). */
export async function findAccount(db: Database, accountId: string): Promise<AccountRow | null> {
  const [row] = await db.select().from(accounts).where(eq(accounts.id, accountId));
  return row ?? null;
}

/** Applies a validated update; null when the account no longer exists. */
export async function updateAccount(
  db: Database,
  accountId: string,
  update: AccountUpdate,
): Promise<AccountRow | null> {
  const [row] = await db
    .update(accounts)
    .set({ timezone: update.timezone })
    .where(eq(accounts.id, accountId))
    .returning();
  return row ?? null;
}
