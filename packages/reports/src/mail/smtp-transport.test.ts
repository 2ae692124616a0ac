import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { MailTransport } from "./mail-transport.ts";
import { createSmtpTransport, type SmtpTransportOptions } from "./smtp-transport.ts";
import { reportMessage } from "./testing/report-message.ts";
import {
  closedPort,
  type SmtpSink,
  startSilentServer,
  startSmtpSink,
} from "./testing/smtp-sink.ts";

const transports: MailTransport[] = [];
function smtp(options: SmtpTransportOptions): MailTransport {
  const transport = createSmtpTransport(options);
  transports.push(transport);
  return transport;
}
afterEach(async () => {
  await Promise.all(transports.splice(0).map((transport) => transport.close()));
});

describe("SMTP transport with a real SMTP server", () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(() => sink.close());

  it("delivers the rendered report: envelope, headers, counts in the text and HTML parts", async () => {
    const message = await reportMessage();
    const result = await smtp({ url: sink.url }).send(message);

    expect(result).toEqual({
      ok: true,
      id: expect.stringMatching(/^<[0-9a-f]{32}@rebound\.example>$/),
    });
    const mail = sink.received.at(-1);
    expect(mail?.from).toBe("reports@rebound.example");
    expect(mail?.to).toEqual(["ops@acme.example", "cto@acme.example"]);
    const parsed = mail?.parsed;
    expect(parsed?.subject).toBe(
      "Daily callback report for Acme Retail & Co: 12,840 delivered, 37 failed",
    );
    expect(parsed?.messageId).toBe(result.ok ? result.id : "");
    expect(parsed?.headers.get("x-rebound-report")).toBe("daily");
    expect(parsed?.headers.get("content-type")).toMatchObject({ value: "multipart/alternative" });
    for (const part of [parsed?.text ?? "", String(parsed?.html)]) {
      expect(part).toContain("12,840");
      expect(part).toContain("99.7%");
      expect(part).toContain("Mon 16 Nov 2026, 17:00 – Tue 17 Nov 2026, 17:00 (Asia/Kolkata)");
      expect(part).toContain("Shipping hook");
    }
    expect(parsed?.text).toMatch(/Delivered\s+Failed\s+Success rate\n12,840\s+37\s+99\.7%/);
    expect(parsed?.html).toContain("<td");
    expect(parsed?.html).toBe(message.html);
  });

  it("gives the same Message-ID for the same idempotency key, another for another key", async () => {
    const transport = smtp({ url: sink.url });
    const first = await transport.send(await reportMessage());
    const again = await transport.send(await reportMessage());
    const other = await transport.send(await reportMessage({ idempotencyKey: "other" }));
    expect(first.ok && again.ok && other.ok).toBe(true);
    if (first.ok && again.ok && other.ok) {
      expect(again.id).toBe(first.id);
      expect(other.id).not.toBe(first.id);
    }
  });

  it("refuses a message with a line break in the subject before connecting", async () => {
    const before = sink.received.length;
    const result = await smtp({ url: sink.url }).send(
      await reportMessage({ subject: "Report\r\nBcc: victim@evil.example" }),
    );
    expect(result).toEqual({ ok: false, error: "subject must be one line", retryable: false });
    expect(sink.received.length).toBe(before);
  });
});

describe("SMTP transport with authentication", () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink({ auth: { user: "reports", pass: "p@ss:w/rd" } });
  });
  afterAll(() => sink.close());

  it("logs in with percent-encoded credentials from the URL", async () => {
    const url = `smtp://reports:${encodeURIComponent("p@ss:w/rd")}@127.0.0.1:${sink.port}`;
    const result = await smtp({ url }).send(await reportMessage());
    expect(result.ok).toBe(true);
    expect(sink.received.at(-1)?.user).toBe("reports");
  });

  it("reports wrong credentials (535) as a failure that is not retried", async () => {
    const url = `smtp://reports:wrong@127.0.0.1:${sink.port}`;
    const result = await smtp({ url }).send(await reportMessage());
    expect(result).toMatchObject({ ok: false, retryable: false });
    expect(result.ok ? "" : result.error).toMatch(/^SMTP: .*535/);
  });
});

describe("SMTP transport failures are values", () => {
  const cases = [
    { name: "a 451 after DATA is retryable", sink: { rejectDataWith: 451 }, retryable: true },
    { name: "a 554 after DATA is permanent", sink: { rejectDataWith: 554 }, retryable: false },
    {
      name: "a 450 for every recipient is retryable",
      sink: { rejectRecipients: { "ops@acme.example": 450, "cto@acme.example": 450 } },
      retryable: true,
    },
    {
      name: "a 550 for every recipient is permanent",
      sink: { rejectRecipients: { "ops@acme.example": 550, "cto@acme.example": 550 } },
      retryable: false,
    },
  ];
  it.each(cases)("$name", async (testCase) => {
    const sink = await startSmtpSink(testCase.sink);
    try {
      const result = await smtp({ url: sink.url }).send(await reportMessage());
      expect(result).toMatchObject({ ok: false, retryable: testCase.retryable });
      expect(sink.received).toEqual([]);
    } finally {
      await sink.close();
    }
  });

  it("delivers to the accepted recipients and lists the refused one", async () => {
    const sink = await startSmtpSink({ rejectRecipients: { "cto@acme.example": 550 } });
    try {
      const result = await smtp({ url: sink.url }).send(await reportMessage());
      expect(result).toMatchObject({ ok: true, rejected: ["cto@acme.example"] });
      expect(sink.received.map((mail) => mail.to)).toEqual([["ops@acme.example"]]);
    } finally {
      await sink.close();
    }
  });

  it("times out a server that never greets, as a retryable failure", async () => {
    const silent = await startSilentServer();
    try {
      const started = Date.now();
      const result = await smtp({
        url: `smtp://127.0.0.1:${silent.port}`,
        greetingTimeoutMs: 200,
      }).send(await reportMessage());
      expect(result).toMatchObject({ ok: false, retryable: true });
      expect(result.ok ? "" : result.error).toMatch(/greeting/i);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await silent.close();
    }
  });

  it("with require_tls=true, sends nothing to a server without STARTTLS, and does not retry", async () => {
    const sink = await startSmtpSink();
    try {
      const transport = smtp({ url: `${sink.url}?require_tls=true` });
      expect(transport.target).toBe(`smtp://127.0.0.1:${sink.port} (STARTTLS required)`);
      const result = await transport.send(await reportMessage());
      expect(result).toMatchObject({ ok: false, retryable: false });
      expect(result.ok ? "" : result.error).toMatch(/STARTTLS/);
      expect(sink.received).toHaveLength(0);
      // The same server without the option gets the message in plain text.
      expect(
        await smtp({ url: `${sink.url}?require_tls=false` }).send(await reportMessage()),
      ).toMatchObject({ ok: true });
      expect(sink.received).toHaveLength(1);
    } finally {
      await sink.close();
    }
  });

  it("reports a refused connection as a retryable failure", async () => {
    const port = await closedPort();
    const result = await smtp({ url: `smtp://127.0.0.1:${port}` }).send(await reportMessage());
    expect(result).toMatchObject({ ok: false, retryable: true });
  });
});

describe("createSmtpTransport configuration", () => {
  it.each([
    ["not a URL", "mail example com", /not a URL/],
    ["a host without a scheme", "mail.example.com:587", /smtp:\/\/ or smtps:\/\//],
    ["an http URL", "http://mail.example.com", /smtp:\/\/ or smtps:\/\//],
    ["an unknown option", "smtp://mail.example.com?requireTLS=true", /unknown option 'requireTLS'/],
    [
      "a require_tls that is not a boolean",
      "smtp://mail.example.com?require_tls=yes",
      /true or false, got 'yes'/,
    ],
  ])("rejects %s at start", (_name, url, message) => {
    expect(() => createSmtpTransport({ url })).toThrow(message);
  });

  it("names its target without the credentials", async () => {
    const transport = smtp({ url: "smtps://user:secret@mail.example.com:465" });
    expect(transport).toMatchObject({ kind: "smtp", target: "smtps://mail.example.com:465" });
    expect(transport.target).not.toContain("secret");
  });
});
