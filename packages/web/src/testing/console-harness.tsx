import { cleanup, render } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach } from "vitest";
import { createApiClient } from "../api/api-client.ts";
import type { AccountView, ProfileView } from "../api/types.ts";
import { ConsoleContext } from "../session/console-context.tsx";

afterEach(cleanup);

export interface RecordedCall {
  method: string;
  path: string;
  body: unknown;
}

/** A scripted API: each answer is the envelope status and data (or error list) for a path. */
export type Answer = { status: number; data?: unknown; error?: Record<string, string>[] };
export type Responder = (call: RecordedCall) => Answer;

export const TEST_ACCOUNT: AccountView = {
  sid: "RBTEST",
  name: "Demo",
  timezone: "Asia/Kolkata",
  created_at: "2026-01-31T10:00:00.000Z",
};

/** An active JSON profile "Orders" (`IN_9`) as the API shows it, with `overrides`. */
export function profileView(overrides: Partial<ProfileView> = {}): ProfileView {
  return {
    profile_id: "IN_9",
    title: "Orders",
    http_method: "POST",
    url: "https://example.com/hooks",
    headers: {},
    body: null,
    body_type: "json",
    response_message: null,
    enc: null,
    channel: "default",
    events: [],
    dynamic_variables: [],
    replacers: {},
    retry_schedule: null,
    status: 1,
    created_at: "2026-01-31T10:00:00.000Z",
    modified_at: "2026-01-31T10:00:00.000Z",
    disabled_reason: null,
    disabled_at: null,
    ...overrides,
  };
}

/**
 * Renders a console page with a real API client whose HTTP goes to `respond` (no server); the
 * client's envelope parsing and error mapping run as in the browser.
 */
export function renderWithConsole(ui: ReactNode, respond: Responder) {
  const calls: RecordedCall[] = [];
  const api = createApiClient({
    session: { sid: TEST_ACCOUNT.sid, apiKey: "rbk_test" },
    fetch: async (input, init) => {
      const url = new URL(input, "http://console.test");
      const call: RecordedCall = {
        method: init.method ?? "GET",
        path: `${url.pathname}${url.search}`,
        body: typeof init.body === "string" ? JSON.parse(init.body) : undefined,
      };
      calls.push(call);
      const answer = respond(call);
      const ok = answer.status < 400;
      const envelope = {
        code: ok ? "RBC024" : "RBC302",
        message: ok ? "ok" : (Object.values(answer.error?.[0] ?? {})[0] ?? "failed"),
        data: answer.data ?? {},
        error: answer.error ?? {},
        status: answer.status,
      };
      return new Response(JSON.stringify(envelope), {
        status: answer.status,
        headers: { "content-type": "application/json" },
      });
    },
  });
  const flashes: string[] = [];
  const view = render(
    <ConsoleContext.Provider
      value={{ api, account: TEST_ACCOUNT, flash: (message) => flashes.push(message) }}
    >
      {ui}
    </ConsoleContext.Provider>,
  );
  return { ...view, calls, flashes };
}
