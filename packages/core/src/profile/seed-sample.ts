/**
 * The create-profile API seed's sample request body, verbatim: part of the wire contract, used by
 * the start-up hint, the docs and the tests that prove the contract holds.
 */
export const SEED_SAMPLE_PROFILE_REQUEST = Object.freeze({
  title: "Callback_Profile_Test_1",
  http_method: "PUT",
  url: "https://webhook.site/aexxxxb3-axx4-4xx9-8xxc-efxxxxxxxx35",
  enc: { algo: "AES-128-GCM", key: "12xxxxxxxxxxxx34", IV: "12xxxxxxxxxxxx38" },
  headers: { "x-api-key": "A-RANDOM-API-KEY" },
  body: { name: "John Doe" },
  response_message: "Expected response message",
  channel: "sms",
  events: "SMS-sent",
});
