/**
 * The Standard Webhooks `webhook-id` of a delivery: `msg_` plus its uuid without dashes. It is the
 * same on every retry, so receivers can drop duplicates.
 *
 * @example webhookId("0b9e…-…") // "msg_0b9e…"
 */
export function webhookId(deliveryId: string): string {
  return `msg_${deliveryId.replaceAll("-", "")}`;
}
