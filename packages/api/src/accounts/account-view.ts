import type { AccountRow } from "@rebound/db";
import { type Static, Type } from "@sinclair/typebox";

/** An account as `GET/PATCH /account` return it (the schema is also the OpenAPI response). */
export const AccountViewSchema = Type.Object({
  sid: Type.String(),
  name: Type.String(),
  timezone: Type.String({
    description: "IANA time zone; callback reports are sent at 17:00 in it",
  }),
  created_at: Type.String({ format: "date-time" }),
});
export type AccountView = Static<typeof AccountViewSchema>;

export function accountView(row: AccountRow): AccountView {
  return {
    sid: row.sid,
    name: row.name,
    timezone: row.timezone,
    created_at: row.createdAt.toISOString(),
  };
}
