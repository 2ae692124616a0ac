/** The create-profile API seed's sample request body. */
export const SAMPLE_PROFILE = {
  title: "Callback_Profile_Test_1",
  http_method: "PUT",
  url: "https://webhook.site/aexxxxb3-axx4-4xx9-8xxc-efxxxxxxxx35",
  enc: { algo: "AES-128-GCM", key: "12xxxxxxxxxxxx34", IV: "12xxxxxxxxxxxx38" },
  headers: { "x-api-key": "A-RANDOM-API-KEY" },
  body: { name: "John Doe" },
  response_message: "Expected response message",
  channel: "sms",
  events: "SMS-sent",
};

/** A ready `curl` that creates the sample profile on a running API. */
export function sampleProfileCurl(apiUrl: string, sid: string, apiKey: string): string {
  return [
    `curl -X POST '${apiUrl}/v1/${sid}/callback/profiles' \\`,
    `  -H 'api-key: ${apiKey}' \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  --data-raw '${JSON.stringify(SAMPLE_PROFILE)}'`,
  ].join("\n");
}
