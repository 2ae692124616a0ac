import { buildCallbackRequest, type CallbackProfileSpec } from "@rebound/core";
import { redactHeaders } from "./redact-headers.ts";
import type { SendResult, Transport } from "./transport/index.ts";

export interface TestCallbackInput {
  profile: CallbackProfileSpec;
  /** Signing secrets, current first. */
  secrets: string[];
  event: string;
  data: unknown;
}

export interface TestSendResult {
  /** What was (or would have been) sent; secret-looking headers redacted. */
  request: { method: string; url: string; headers: Record<string, string> };
  result: SendResult | { kind: "render-error"; message: string };
}

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
        id: `msg_${crypto.randomUUID().replaceAll("-", "")}`,
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
