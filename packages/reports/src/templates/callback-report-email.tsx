import { Heading, Section, Text } from "@react-email/components";
import type { ReportFrequency } from "@rebound/db";
import type { AggregateReportResult } from "../report-aggregate.ts";
import {
  describeFailureReason,
  formatCount,
  formatDateTime,
  formatSuccessRate,
  formatTimeframe,
} from "./email-format.ts";
import { DataTable, EmailLayout, emailStyles } from "./email-layout.tsx";
import type { EmailTemplate } from "./render-email.ts";

export interface CallbackReportEmailProps {
  /** The account's (company's) name. */
  companyName: string;
  accountSid: string;
  frequency: ReportFrequency;
  /** The account's IANA time zone: the timeframe and times are shown in it. */
  timeZone: string;
  /** What `aggregateReport` returned for the window. */
  report: AggregateReportResult;
  /** Most profiles listed one by one, most failures first; the rest are summed. Default 20. */
  maxProfiles?: number;
}

export const DEFAULT_REPORT_MAX_PROFILES = 20;

const FREQUENCY_TITLE: Record<ReportFrequency, string> = {
  daily: "Daily",
  weekly: "Weekly",
  monthly: "Monthly",
};

function profileRate(delivered: number, failed: number): string {
  return formatSuccessRate(delivered + failed === 0 ? null : delivered / (delivered + failed));
}

/** `Daily callback report for Acme: 12,840 delivered, 37 failed`. */
export function callbackReportSubject(props: CallbackReportEmailProps): string {
  const { delivered, failed } = props.report;
  return `${FREQUENCY_TITLE[props.frequency]} callback report for ${props.companyName}: ${formatCount(delivered)} delivered, ${formatCount(failed)} failed`;
}

function AutoDisabledSection({
  report,
  timeZone,
}: Pick<CallbackReportEmailProps, "report" | "timeZone">) {
  if (report.autoDisabledProfiles.length === 0) return null;
  return (
    <Section>
      <Heading as="h2" style={{ ...emailStyles.h2, ...emailStyles.warning }}>
        {`Auto-disabled profiles (${formatCount(report.autoDisabledProfiles.length)})`}
      </Heading>
      <DataTable
        columns={[{ header: "Profile" }, { header: "Disabled at" }, { header: "Reason" }]}
        rows={report.autoDisabledProfiles.map((profile) => [
          `${profile.title} (${profile.profileId})`,
          formatDateTime(profile.disabledAt, timeZone),
          profile.reason ?? "not recorded",
        ])}
      />
      <Text style={emailStyles.text}>
        Their pending callbacks are held, not dropped. Fix the endpoint, then set the profile's
        status back to 1 or change its URL: the held callbacks are released and delivered.
      </Text>
    </Section>
  );
}

function ProfilesSection({
  report,
  maxProfiles,
}: {
  report: AggregateReportResult;
  maxProfiles: number;
}) {
  if (report.profiles.length === 0) return null;
  const shown = report.profiles.slice(0, maxProfiles);
  const rest = report.profiles.slice(maxProfiles);
  const rows = shown.map((profile) => [
    profile.deleted ? `${profile.title} (deleted)` : profile.title,
    formatCount(profile.delivered),
    formatCount(profile.failed),
    profileRate(profile.delivered, profile.failed),
  ]);
  if (rest.length > 0) {
    const delivered = rest.reduce((sum, profile) => sum + profile.delivered, 0);
    const failed = rest.reduce((sum, profile) => sum + profile.failed, 0);
    rows.push([
      `${formatCount(rest.length)} more profiles`,
      formatCount(delivered),
      formatCount(failed),
      profileRate(delivered, failed),
    ]);
  }
  return (
    <Section>
      <Heading as="h2" style={emailStyles.h2}>
        By profile
      </Heading>
      <DataTable
        columns={[
          { header: "Profile" },
          { header: "Delivered", numeric: true },
          { header: "Failed", numeric: true },
          { header: "Success", numeric: true },
        ]}
        rows={rows}
      />
    </Section>
  );
}

function FailureReasonsSection({ report }: { report: AggregateReportResult }) {
  if (report.failureReasons.length === 0) return null;
  return (
    <Section>
      <Heading as="h2" style={emailStyles.h2}>
        Top failure reasons
      </Heading>
      <DataTable
        columns={[{ header: "Reason (last try)" }, { header: "Callbacks", numeric: true }]}
        rows={report.failureReasons.map((reason) => [
          describeFailureReason(reason),
          formatCount(reason.count),
        ])}
      />
    </Section>
  );
}

/** The periodic delivered/failed report (SPEC §8) for one account, frequency and window. */
export function CallbackReportEmail(props: CallbackReportEmailProps) {
  const { report, timeZone } = props;
  const timeframe = formatTimeframe(report.window, timeZone);
  const finished = report.delivered + report.failed;
  const title = `${FREQUENCY_TITLE[props.frequency]} callback report`;
  const footer = [
    `You receive this because ${props.frequency} callback reports are enabled for`,
    `${props.companyName} (${props.accountSid}).`,
    "Counted: callbacks that finished in this period, delivered or failed after their last retry;",
    "callbacks still being retried are counted when they finish.",
    "Change recipients or frequencies in the callback report settings.",
  ].join(" ");
  return (
    <EmailLayout
      preview={`${formatCount(report.delivered)} delivered, ${formatCount(report.failed)} failed · ${timeframe}`}
      title={title}
      footer={footer}
    >
      <Text style={emailStyles.text}>
        <strong>{props.companyName}</strong> {`(${props.accountSid})`}
      </Text>
      <Text style={emailStyles.text}>{timeframe}</Text>
      <DataTable
        columns={[
          { header: "Delivered", numeric: true },
          { header: "Failed", numeric: true },
          { header: "Success rate", numeric: true },
        ]}
        rows={[
          [
            formatCount(report.delivered),
            formatCount(report.failed),
            formatSuccessRate(report.successRate),
          ],
        ]}
      />
      {finished === 0 ? (
        <Text style={emailStyles.text}>No callbacks finished in this period.</Text>
      ) : null}
      <AutoDisabledSection report={report} timeZone={timeZone} />
      <ProfilesSection
        report={report}
        maxProfiles={props.maxProfiles ?? DEFAULT_REPORT_MAX_PROFILES}
      />
      <FailureReasonsSection report={report} />
    </EmailLayout>
  );
}

/** A daily report in Asia/Kolkata with failures, a deleted and an auto-disabled profile. */
export const PreviewProps: CallbackReportEmailProps = {
  companyName: "Acme Retail & Co",
  accountSid: "AC5f1d0c9a7e2b4d31a8c6e0f2b9d47a13",
  frequency: "daily",
  timeZone: "Asia/Kolkata",
  report: {
    window: {
      start: new Date("2026-11-16T11:30:00.000Z"),
      end: new Date("2026-11-17T11:30:00.000Z"),
    },
    delivered: 12_840,
    failed: 37,
    successRate: 12_840 / 12_877,
    profiles: [
      {
        profileId: "IN_0b6f1e52-41c2-4f7e-9a53-0d8f7c2e91aa",
        title: "Order updates",
        deleted: false,
        delivered: 8_200,
        failed: 30,
      },
      {
        profileId: "IN_6c3d2b10-8e4f-4a5b-b1c9-2f7e8d9a0b1c",
        title: "Shipping hook",
        deleted: false,
        delivered: 0,
        failed: 5,
      },
      {
        profileId: "IN_9a8b7c6d-5e4f-4321-8fed-cba987654321",
        title: "Legacy CRM",
        deleted: true,
        delivered: 40,
        failed: 2,
      },
      {
        profileId: "IN_1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
        title: "WhatsApp inbound",
        deleted: false,
        delivered: 4_600,
        failed: 0,
      },
    ],
    failureReasons: [
      { label: "HTTP 503", statusCode: 503, errorClass: null, count: 21 },
      { label: "timeout", statusCode: null, errorClass: "timeout", count: 9 },
      { label: "HTTP 410", statusCode: 410, errorClass: null, count: 5 },
      { label: "connect", statusCode: null, errorClass: "connect", count: 2 },
    ],
    autoDisabledProfiles: [
      {
        profileId: "IN_6c3d2b10-8e4f-4a5b-b1c9-2f7e8d9a0b1c",
        title: "Shipping hook",
        reason: "HTTP 410 Gone",
        disabledAt: new Date("2026-11-17T04:12:00.000Z"),
      },
    ],
  },
};
CallbackReportEmail.PreviewProps = PreviewProps;

export const callbackReportTemplate: EmailTemplate<CallbackReportEmailProps> = {
  name: "callback-report",
  component: CallbackReportEmail,
  subject: callbackReportSubject,
  previewProps: PreviewProps,
};
