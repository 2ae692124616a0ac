/** The `--json` output of account and key creation: exactly `{"sid": "…", "api_key": "…"}`. */
export function credentialsJson(sid: string, apiKey: string): string {
  return `{"sid": ${JSON.stringify(sid)}, "api_key": ${JSON.stringify(apiKey)}}`;
}
