import { SAMPLE_PROFILE } from "../sample-profile.ts";

export interface ApiResponse {
  status: number;
  body: { code: string; message: string; data: Record<string, unknown>; status: number };
}

/** One JSON request to the running API, with a 10 s bound. */
export async function callApi(
  url: string,
  apiKey: string,
  init: { method?: string; body?: unknown } = {},
): Promise<ApiResponse> {
  const response = await fetch(url, {
    method: init.method ?? "GET",
    headers: { "api-key": apiKey, "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, body: (await response.json()) as ApiResponse["body"] };
}

/** Creates the seed's sample profile for the account. */
export function createSampleProfile(apiUrl: string, sid: string, apiKey: string) {
  return callApi(`${apiUrl}/v1/${sid}/callback/profiles`, apiKey, {
    method: "POST",
    body: SAMPLE_PROFILE,
  });
}
