import { describe, expect, it } from "vitest";
import type { AggregateReportResult } from "../report-aggregate.ts";
import {
  type CallbackReportEmailProps,
  callbackReportTemplate,
  PreviewProps as reportPreview,
} from "./callback-report-email.tsx";
import { emailPreviews } from "./email-previews.ts";
import {
  PreviewProps as disabledPreview,
  profileAutoDisabledTemplate,
} from "./profile-auto-disabled-email.tsx";
import { renderEmail } from "./render-email.ts";

describe.each(emailPreviews)("template $name with its preview props", (preview) => {
  it("renders a one-line subject, an HTML document and a plain-text part", async () => {
    const email = await preview.render();
    expect(email.subject.length).toBeGreaterThan(10);
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.html).toMatch(/^<!DOCTYPE html/);
    expect(email.html).toContain("</html>");
    expect(email.text.length).toBeGreaterThan(100);
    expect(email.text).not.toMatch(/<\/?(p|td|th|tr|table|div|strong|code|h1|h2)\b/);
    for (const part of [email.html, email.text]) expect(part).not.toMatch(/NaN|undefined|null/);
  });
});

describe("CallbackReportEmail", () => {
  it("shows the counts, success rate, timeframe, profiles, reasons and auto-disabled profiles", async () => {
    const email = await renderEmail(callbackReportTemplate, reportPreview);
    expect(email.subject).toBe(
      "Daily callback report for Acme Retail & Co: 12,840 delivered, 37 failed",
    );
    for (const part of [email.html, email.text]) {
      for (const expected of [
        "Daily callback report",
        "AC5f1d0c9a7e2b4d31a8c6e0f2b9d47a13",
        "Mon 16 Nov 2026, 17:00 – Tue 17 Nov 2026, 17:00 (Asia/Kolkata)",
        "12,840",
        "99.7%",
        "Order updates",
        "8,200",
        "Legacy CRM (deleted)",
        "HTTP 503 Service Unavailable",
        "timeout: timed out waiting for the endpoint",
        "Auto-disabled profiles (1)",
        "Shipping hook (IN_6c3d2b10-8e4f-4a5b-b1c9-2f7e8d9a0b1c)",
        "Tue 17 Nov 2026, 09:42",
        "HTTP 410 Gone",
      ]) {
        expect(part).toContain(expected);
      }
    }
    expect(email.html).toContain("Acme Retail &amp; Co");
    expect(email.text).toMatch(/Delivered\s+Failed\s+Success rate\n12,840\s+37\s+99\.7%/);
    expect(email.text).toMatch(/Order updates\s+8,200\s+30\s+99\.6%/);
    expect(email.text).toMatch(/HTTP 503 Service Unavailable\s+21/);
  });

  it("handles a window in which nothing finished: zeros and n/a, no empty tables", async () => {
    const empty: AggregateReportResult = {
      window: reportPreview.report.window,
      delivered: 0,
      failed: 0,
      successRate: null,
      profiles: [],
      failureReasons: [],
      autoDisabledProfiles: [],
    };
    const email = await renderEmail(callbackReportTemplate, { ...reportPreview, report: empty });
    expect(email.subject).toBe("Daily callback report for Acme Retail & Co: 0 delivered, 0 failed");
    for (const part of [email.html, email.text]) {
      expect(part).toContain("No callbacks finished in this period.");
      expect(part).toContain("n/a");
      expect(part).not.toMatch(/NaN|Infinity|By profile|Top failure reasons|Auto-disabled/);
    }
    expect(email.text).toMatch(/Delivered\s+Failed\s+Success rate\n0\s+0\s+n\/a/);
  });

  it("lists the first maxProfiles profiles and sums the rest in one row", async () => {
    const profiles = Array.from({ length: 5 }, (_, index) => ({
      profileId: `IN_${index}`,
      title: `Profile ${index}`,
      deleted: false,
      delivered: 10,
      failed: 5 - index,
    }));
    const props: CallbackReportEmailProps = {
      ...reportPreview,
      maxProfiles: 2,
      report: { ...reportPreview.report, profiles },
    };
    const { text } = await renderEmail(callbackReportTemplate, props);
    expect(text).toMatch(/Profile 0\s+10\s+5\s+66\.6%/);
    expect(text).toMatch(/Profile 1\s+10\s+4\s+71\.4%/);
    expect(text).not.toContain("Profile 2");
    expect(text).toMatch(/3 more profiles\s+30\s+6\s+83\.3%/);
  });

  it("escapes user-controlled text in the HTML and keeps the subject on one line", async () => {
    const props: CallbackReportEmailProps = {
      ...reportPreview,
      companyName: 'Evil <script>alert("x")</script>\r\nBcc: victim@evil.example',
      report: {
        ...reportPreview.report,
        autoDisabledProfiles: [
          {
            profileId: "IN_x",
            title: "Shipping hook",
            reason: '<img src=x onerror="alert(1)">',
            disabledAt: new Date("2026-11-17T04:12:00.000Z"),
          },
        ],
      },
    };
    const email = await renderEmail(callbackReportTemplate, props);
    expect(email.subject).toBe(
      'Daily callback report for Evil <script>alert("x")</script> Bcc: victim@evil.example: 12,840 delivered, 37 failed',
    );
    expect(email.html).not.toContain("<script>");
    expect(email.html).not.toContain("<img src=x");
    expect(email.html).toContain("&lt;script&gt;");
    expect(email.html).toContain("&lt;img src=x onerror=");
    expect(email.text).toContain('<img src=x onerror="alert(1)">');
  });
});

describe("ProfileAutoDisabledEmail", () => {
  it("shows the profile, URL, reason, time in the account's zone and how to re-enable it", async () => {
    const email = await renderEmail(profileAutoDisabledTemplate, disabledPreview);
    expect(email.subject).toBe('Callback profile "Shipping hook" was auto-disabled');
    for (const part of [email.html, email.text]) {
      for (const expected of [
        "Shipping hook",
        "IN_6c3d2b10-8e4f-4a5b-b1c9-2f7e8d9a0b1c",
        "HTTP 410 Gone",
        "Tue 17 Nov 2026, 09:42 (Asia/Kolkata)",
        "held",
        "https://rebound.acme.example/v1/AC5f1d0c9a7e2b4d31a8c6e0f2b9d47a13/callback/profiles/IN_6c3d2b10-8e4f-4a5b-b1c9-2f7e8d9a0b1c",
      ]) {
        expect(part).toContain(expected);
      }
    }
    expect(email.html).toContain(
      "https://hooks.acme.example/shipping?order=&lt;order_id&gt;&amp;token=&lt;token&gt;",
    );
    expect(email.text).toContain(
      "https://hooks.acme.example/shipping?order=<order_id>&token=<token>",
    );
    expect(email.text).toMatch(/PATCH \S+ \{"status": 1\}/);
  });

  it("says when no reason was recorded and works without an API base URL", async () => {
    const { text } = await renderEmail(profileAutoDisabledTemplate, {
      ...disabledPreview,
      reason: null,
      apiBaseUrl: undefined,
    });
    expect(text).toMatch(/Reason\s+not recorded/);
    expect(text).toContain(
      'PATCH /v1/AC5f1d0c9a7e2b4d31a8c6e0f2b9d47a13/callback/profiles/IN_6c3d2b10-8e4f-4a5b-b1c9-2f7e8d9a0b1c {"status": 1}',
    );
  });
});
