import type { CallbackRequest, Cidr } from "@rebound/core";
import { parseCidrList } from "@rebound/core";

/** A callback request as the engine would pass it; POST with a JSON body by default. */
export function callbackRequest(
  url: string,
  overrides: Partial<CallbackRequest> = {},
): CallbackRequest {
  return {
    method: "POST",
    url,
    headers: { "content-type": "application/json", "user-agent": "Rebound-Test" },
    body: new TextEncoder().encode('{"event":"SMS-sent"}'),
    missingVariables: [],
    ...overrides,
  };
}

export function cidrs(text: string): Cidr[] {
  const result = parseCidrList(text);
  if (!result.ok) throw new Error(result.error);
  return result.cidrs;
}
