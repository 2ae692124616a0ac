import { SEED_SAMPLE_PROFILE_REQUEST } from "@rebound/core";

/** The create-profile API seed's sample request body. */
export const SAMPLE_PROFILE = SEED_SAMPLE_PROFILE_REQUEST;

/** A ready `curl` that creates the sample profile on a running API. */
export function sampleProfileCurl(apiUrl: string, sid: string, apiKey: string): string {
  return [
    `curl -X POST '${apiUrl}/v1/${sid}/callback/profiles' \\`,
    `  -H 'api-key: ${apiKey}' \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  --data-raw '${JSON.stringify(SAMPLE_PROFILE)}'`,
  ].join("\n");
}
