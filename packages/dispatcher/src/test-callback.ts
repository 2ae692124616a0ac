import { randomUUID } from "node:crypto";
import {
  buildCallbackRequest,
  redactHeaders,
  type TestCallbackInput,
  type TestSendResult,
} from "@rebound/core";
import type { Transport } from "./transport/index.ts";
import { webhookId } from "./webhook-id.ts";

export type { TestCallbackInput, TestSendResult };

export interface SendTestCallbackOptions {
  now?: () => Date;
}

/**
 * Renders, signs and sends one test callback for a profile, outside the queue (the API's test
 * endpoint). Nothing is stored; a render error is reported, never sent.
 *
 * @example
 * const api = createApp({ …, testSender: (input) => sendTestCallback(transport, input) });
 */
export async function sendTestCallback(
  transport: Transport,
  input: TestCallbackInput,
  options: SendTestCallbackOptions = {},
): Promise<TestSendResult> {
  const now = options.now?.() ?? new Date();
  const built = buildCallbackRequest(
    input.profile,
    { event: input.event, data: input.data },
    {
      signing: {
        id: webhookId(randomUUID()),
        timestampSeconds: Math.floor(now.getTime() / 1000),
        secrets: input.secrets,
      },
    },
  );
  if (!built.ok) {
    return {
      request: { method: input.profile.http_method, url: input.profile.url, headers: {} },
      result: { kind: "render-error", message: built.error.message },
    };
  }
  const { method, url, headers } = built.request;
  const result = await transport.send(built.request);
  return { request: { method, url, headers: redactHeaders(headers) }, result };
}
