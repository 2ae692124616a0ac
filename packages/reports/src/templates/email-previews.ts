import { callbackReportTemplate } from "./callback-report-email.tsx";
import { profileAutoDisabledTemplate } from "./profile-auto-disabled-email.tsx";
import { type EmailTemplate, type RenderedEmail, renderEmail } from "./render-email.ts";

/** One template bound to its preview props. */
export interface EmailPreview {
  name: string;
  render(): Promise<RenderedEmail>;
}

function preview<Props extends object>(template: EmailTemplate<Props>): EmailPreview {
  return { name: template.name, render: () => renderEmail(template, template.previewProps) };
}

/** Every email template with its preview props: the render test and the preview command. */
export const emailPreviews: readonly EmailPreview[] = [
  preview(callbackReportTemplate),
  preview(profileAutoDisabledTemplate),
];
