import { describe, expect, it } from "vitest";
import { urlProblems } from "./check-url.ts";

const MISPLACED =
  "may contain replacers only in the path and query, not in the scheme, host, port or user info";

describe("urlProblems", () => {
  it.each([
    "https://webhook.site/aexxxxb3-axx4-4xx9-8xxc-efxxxxxxxx35",
    "http://example.com",
    "https://example.com:8443/a/<id>/b?x=<user.name>&y=<parts[0]>",
    "https://example.com/<a><b>",
    "https://example.com/a%20b?q=%3C",
    "HTTPS://EXAMPLE.COM/",
    "https://[2001:db8::1]:8080/x",
  ])("accepts %s", (url) => {
    expect(urlProblems(url)).toEqual([]);
  });

  it.each([
    ["", ["must be an absolute http or https URL"]],
    ["example.com/x", ["must be an absolute http or https URL"]],
    ["/relative/<id>", ["must be an absolute http or https URL"]],
    ["http://", ["must be an absolute http or https URL"]],
    ["ftp://example.com/x", ["must use http or https (got ftp)"]],
    ["javascript:alert(1)", ["must use http or https (got javascript)"]],
    [
      "https://example.com/a b",
      ["must not contain spaces or control characters (percent-encode them)"],
    ],
    [
      " https://example.com/",
      ["must not contain spaces or control characters (percent-encode them)"],
    ],
    [
      "https://example.com/a\nb",
      ["must not contain spaces or control characters (percent-encode them)"],
    ],
    [
      "https://example.com/\u0000",
      ["must not contain spaces or control characters (percent-encode them)"],
    ],
    ["https://<host>/x", [`${MISPLACED} (found <host>)`]],
    ["https://example.com:<port>/x", [`${MISPLACED} (found <port>)`]],
    ["https://<user>:<pw>@example.com/x", [`${MISPLACED} (found <user>, <pw>)`]],
    ["<scheme>://example.com/x", [`${MISPLACED} (found <scheme>)`]],
    ["<base_url>/x", [`${MISPLACED} (found <base_url>)`]],
    [
      "https://example.com/x#<section>",
      ["may contain replacers only in the path and query, not in the fragment (found <section>)"],
    ],
    [
      "ftp://example.com/x#<section>",
      [
        "may contain replacers only in the path and query, not in the fragment (found <section>)",
        "must use http or https (got ftp)",
      ],
    ],
    [
      "https://example.com/x#a<section>",
      ["may contain replacers only in the path and query, not in the fragment (found <section>)"],
    ],
    [
      "https://example.com/<first-name>",
      [
        "contains '<' or '>' outside a valid replacer; replacers look like <name>, <address.city> or <parts[0]>",
      ],
    ],
    [
      "https://example.com/a>b",
      [
        "contains '<' or '>' outside a valid replacer; replacers look like <name>, <address.city> or <parts[0]>",
      ],
    ],
    [
      "https://user:secret@example.com/x",
      ["must not contain credentials (user:password@); send them in a header instead"],
    ],
    [
      "https://user@example.com/x",
      ["must not contain credentials (user:password@); send them in a header instead"],
    ],
  ])("refuses %j", (url, problems) => {
    expect(urlProblems(url)).toEqual(problems);
  });
});
