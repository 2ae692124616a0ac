import { callbackProfiles } from "@rebound/db";
import { eq } from "drizzle-orm";
import type { ApiFixture, TestAccount } from "./api-fixture.ts";

export interface TestProfileOptions {
  /** Allowed events; omitted = any (channel `default`). */
  events?: string[];
  status?: 1 | 2 | 3;
  body?: Record<string, unknown>;
}

let profiles = 0;

/** Creates a profile through the API (and sets its status directly); returns its public id. */
export async function createTestProfile(
  fx: ApiFixture,
  account: TestAccount,
  options: TestProfileOptions = {},
): Promise<string> {
  profiles += 1;
  const { status, body } = await fx.call("POST", `/v1/${account.sid}/callback/profiles`, {
    apiKey: account.apiKey,
    body: {
      title: `Test profile ${profiles}`,
      http_method: "POST",
      url: "https://example.com/hooks/<order.id>",
      body: options.body ?? { order: "<order.id>" },
      ...(options.events === undefined ? {} : { events: options.events }),
    },
  });
  if (status !== 201) throw new Error(`profile not created: ${JSON.stringify(body)}`);
  const profileId = String(body.data.profile_id);
  if (options.status !== undefined && options.status !== 1) {
    await fx.handle.db
      .update(callbackProfiles)
      .set({ status: options.status })
      .where(eq(callbackProfiles.profileId, profileId));
  }
  return profileId;
}
