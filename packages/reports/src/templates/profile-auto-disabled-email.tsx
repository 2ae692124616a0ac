import { Heading, Section, Text } from "@react-email/components";
import { formatDateTime } from "./email-format.ts";
import { DataTable, EmailLayout, emailStyles } from "./email-layout.tsx";
import type { EmailTemplate } from "./render-email.ts";

export interface ProfileAutoDisabledEmailProps {
  companyName: string;
  accountSid: string;
  /** Public id (`<prefix>_<uuid>`). */
  profileId: string;
  title: string;
  /** The profile's URL template as saved (replacers unrendered). */
  url: string;
  /** Why it was disabled, e.g. "HTTP 410 Gone" or "20 consecutive failed deliveries since …". */
  reason: string | null;
  disabledAt: Date;
  /** The account's IANA time zone, for `disabledAt`. */
  timeZone: string;
  /** API base shown in the re-enable instructions, e.g. `https://rebound.example.com`. */
  apiBaseUrl?: string;
}

/** `Callback profile "Shipping hook" was auto-disabled`. */
export function profileAutoDisabledSubject(props: ProfileAutoDisabledEmailProps): string {
  return `Callback profile "${props.title}" was auto-disabled`;
}

/** Sent to the report recipients when the dispatcher auto-disables a profile (status 2). */
export function ProfileAutoDisabledEmail(props: ProfileAutoDisabledEmailProps) {
  const path = `/v1/${props.accountSid}/callback/profiles/${props.profileId}`;
  const endpoint = `${(props.apiBaseUrl ?? "").replace(/\/+$/, "")}${path}`;
  return (
    <EmailLayout
      preview={`${props.title}: ${props.reason ?? "endpoint kept failing"}. Pending callbacks are held.`}
      title="Callback profile auto-disabled"
      footer={`You receive this as a callback report recipient of ${props.companyName} (${props.accountSid}).`}
    >
      <Text style={emailStyles.text}>
        Rebound stopped sending callbacks for <strong>{props.title}</strong> because its endpoint
        kept failing. Its pending callbacks are held, not dropped.
      </Text>
      <DataTable
        columns={[{ header: "Field" }, { header: "Value" }]}
        rows={[
          ["Profile", props.title],
          ["Profile id", props.profileId],
          ["URL", <code style={emailStyles.code}>{props.url}</code>],
          ["Reason", props.reason ?? "not recorded"],
          [
            "Disabled at",
            `${formatDateTime(props.disabledAt, props.timeZone)} (${props.timeZone})`,
          ],
        ]}
      />
      <Section>
        <Heading as="h2" style={emailStyles.h2}>
          How to re-enable it
        </Heading>
        <Text style={emailStyles.text}>
          Fix the endpoint first. Then set the profile's status back to 1, or change its URL:
        </Text>
        <Text style={emailStyles.text}>
          <code style={emailStyles.code}>{`PATCH ${endpoint} {"status": 1}`}</code>
        </Text>
        <Text style={emailStyles.text}>The held callbacks are then released and delivered.</Text>
      </Section>
    </EmailLayout>
  );
}

export const PreviewProps: ProfileAutoDisabledEmailProps = {
  companyName: "Acme Retail & Co",
  accountSid: "AC5f1d0c9a7e2b4d31a8c6e0f2b9d47a13",
  profileId: "IN_6c3d2b10-8e4f-4a5b-b1c9-2f7e8d9a0b1c",
  title: "Shipping hook",
  url: "https://hooks.acme.example/shipping?order=<order_id>&token=<token>",
  reason: "HTTP 410 Gone",
  disabledAt: new Date("2026-11-17T04:12:00.000Z"),
  timeZone: "Asia/Kolkata",
  apiBaseUrl: "https://rebound.acme.example",
};
ProfileAutoDisabledEmail.PreviewProps = PreviewProps;

export const profileAutoDisabledTemplate: EmailTemplate<ProfileAutoDisabledEmailProps> = {
  name: "profile-auto-disabled",
  component: ProfileAutoDisabledEmail,
  subject: profileAutoDisabledSubject,
  previewProps: PreviewProps,
};
