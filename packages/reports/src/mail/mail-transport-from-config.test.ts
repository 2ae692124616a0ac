import { describe, expect, it } from "vitest";
import { mailTransportFromConfig } from "./mail-transport-from-config.ts";

describe("mailTransportFromConfig", () => {
  it.each([
    [
      "Resend when an API key is given, even with an SMTP URL",
      {
        resendApiKey: "re_1",
        resendBaseUrl: "http://127.0.0.1:9",
        smtpUrl: "smtp://mail.example.com",
      },
      { kind: "resend", target: "http://127.0.0.1:9" },
    ],
    [
      "SMTP when only an SMTP URL is given",
      { smtpUrl: "smtp://u:secret@mail.example.com:2525" },
      { kind: "smtp", target: "smtp://mail.example.com:2525" },
    ],
    ["the outbox folder otherwise", {}, { kind: "outbox", target: "/srv/rebound/outbox" }],
  ])("picks %s", async (_name, config, expected) => {
    const transport = mailTransportFromConfig({ outboxDir: "/srv/rebound/outbox", ...config });
    expect(transport).toMatchObject(expected);
    await transport.close();
  });

  it("fails at start on a malformed SMTP URL or an empty Resend key", () => {
    expect(() => mailTransportFromConfig({ smtpUrl: "mail.example.com", outboxDir: "x" })).toThrow(
      TypeError,
    );
    expect(() => mailTransportFromConfig({ resendApiKey: "", outboxDir: "x" })).toThrow(TypeError);
  });
});
