import { PreviewProps } from "../../templates/callback-report-email.tsx";
import { callbackReportTemplate, renderEmail } from "../../templates/index.ts";
import type { MailMessage } from "../mail-transport.ts";

/** The preview callback report, rendered, as a message to two recipients. */
export async function reportMessage(overrides: Partial<MailMessage> = {}): Promise<MailMessage> {
  const email = await renderEmail(callbackReportTemplate, PreviewProps);
  return {
    from: "Rebound reports <reports@rebound.example>",
    to: ["ops@acme.example", "cto@acme.example"],
    ...email,
    headers: { "X-Rebound-Report": "daily" },
    idempotencyKey: "report:acme:daily:2026-11-17T11:30:00.000Z",
    ...overrides,
  };
}
