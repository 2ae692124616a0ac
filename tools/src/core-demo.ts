import { buildCallbackRequest, decrypt, validateProfileCreate } from "@rebound/core";

/** The create-profile seed's sample request, with replacers added to show rendering. */
export const SAMPLE_PROFILE = {
  title: "Callback_Profile_Test_1",
  http_method: "PUT",
  url: "https://webhook.site/aexxxxb3-axx4-4xx9-8xxc-efxxxxxxxx35?number=<whatsapp_number>",
  enc: {
    algo: "AES-128-GCM",
    key: "12xxxxxxxxxxxx34",
    IV: "12xxxxxxxxxxxx38",
    params: ["whatsapp_number"],
  },
  headers: { "x-api-key": "A-RANDOM-API-KEY" },
  body: {
    name: "John Doe",
    phone: "<whatsapp_number>",
    address: { formatted_address: "<address.formatted_address>" },
  },
  response_message: "Expected response message",
  channel: "sms",
  events: "SMS-sent",
};

export const SAMPLE_EVENT = {
  event: "SMS-sent",
  data: { whatsapp_number: "+919900000000", address: { formatted_address: "1 MG Road, Pune" } },
};

/** Validates the sample profile and prints the request Rebound would send for the sample event. */
export function runCoreDemo(write: (line: string) => void): number {
  const validated = validateProfileCreate(SAMPLE_PROFILE);
  if (!validated.ok) {
    for (const issue of validated.issues) write(`invalid: ${issue.message}`);
    return 1;
  }
  const { profile, warnings } = validated;
  write("Rebound core demo: the seed's sample profile is valid.");
  for (const warning of warnings) write(`warning: ${warning}`);
  write(`replacers: ${JSON.stringify(profile.replacers)}`);

  const built = buildCallbackRequest(profile, SAMPLE_EVENT, {
    signing: {
      id: "msg_demo",
      timestampSeconds: Math.floor(Date.now() / 1000),
      secrets: ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"],
    },
  });
  if (!built.ok) {
    write(`render failed: ${built.error.message}`);
    return 1;
  }
  const { request } = built;
  const body = request.body === null ? "" : new TextDecoder().decode(request.body);
  write(`\n${request.method} ${request.url}`);
  for (const [name, value] of Object.entries(request.headers)) write(`${name}: ${value}`);
  write(`\n${body}\n`);
  const enc = profile.enc;
  if (enc) {
    const phone = JSON.parse(body).phone as string;
    const settings = { algo: enc.algo, key: enc.key, iv: enc.IV, ivMode: enc.iv_mode };
    write(`decrypt(phone) = ${decrypt(phone, settings)}`);
  }
  return 0;
}
