import { describe, expect, it } from "vitest";
import { MANAGED_HEADERS, validateProfileCreate } from "./index.ts";

function input(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: "Orders hook",
    http_method: "POST",
    url: "https://example.com/hooks/<order_id>",
    body: { phone: "<phone>" },
    ...overrides,
  };
}

function messagesOf(value: unknown): string[] {
  const result = validateProfileCreate(value);
  return result.ok ? [] : result.issues.map((issue) => issue.message);
}

const PATH_MESSAGE = "must be a variable path such as name, address.city or parts[0] (without < >)";
const EVENT_MESSAGE =
  "must start with a letter or digit and contain only letters, digits and _ . : -";
const TITLE_MESSAGE =
  "must contain only ASCII letters, digits, spaces, hyphens and underscores, and not only spaces";

type RuleCase = [name: string, value: unknown, message: string];

const RULES: [field: string, cases: RuleCase[]][] = [
  [
    "input",
    [
      ["a string", "x", "body must be object"],
      ["null", null, "body must be object"],
      ["an array", [], "body must be object"],
      ["an unknown field", input({ foo: 1 }), "body must NOT have additional properties: 'foo'"],
      [
        "echoed replacers",
        input({ replacers: {} }),
        "body must NOT have additional properties: 'replacers' (computed by Rebound, do not send it)",
      ],
      [
        "an echoed profile_id",
        input({ profile_id: "IN_x" }),
        "body must NOT have additional properties: 'profile_id' (computed by Rebound, do not send it)",
      ],
      [
        "an echoed disabled_reason",
        input({ disabled_reason: "410 Gone" }),
        "body must NOT have additional properties: 'disabled_reason' (computed by Rebound, do not send it)",
      ],
      [
        "an echoed disabled_at",
        input({ disabled_at: null }),
        "body must NOT have additional properties: 'disabled_at' (computed by Rebound, do not send it)",
      ],
    ],
  ],
  [
    "title",
    [
      ["missing", input({ title: undefined }), "body must have required property 'title'"],
      ["too short", input({ title: "ab" }), "body/title must NOT have fewer than 3 characters"],
      [
        "too long",
        input({ title: "t".repeat(101) }),
        "body/title must NOT have more than 100 characters",
      ],
      ["with punctuation", input({ title: "a!bc" }), `body/title ${TITLE_MESSAGE}`],
      ["with non-ASCII letters", input({ title: "héllo" }), `body/title ${TITLE_MESSAGE}`],
      ["only spaces", input({ title: "    " }), `body/title ${TITLE_MESSAGE}`],
      ["a number", input({ title: 123 }), "body/title must be string"],
    ],
  ],
  [
    "http_method",
    [
      [
        "missing",
        input({ http_method: undefined }),
        "body must have required property 'http_method'",
      ],
      [
        "PATCH",
        input({ http_method: "PATCH" }),
        "body/http_method must be equal to one of the allowed values: GET, POST, PUT, DELETE",
      ],
      ["a number", input({ http_method: 1 }), "body/http_method must be string"],
    ],
  ],
  [
    "url",
    [
      ["missing", input({ url: undefined }), "body must have required property 'url'"],
      [
        "too long",
        input({ url: `https://example.com/${"a".repeat(2029)}` }),
        "body/url must NOT have more than 2048 characters",
      ],
      [
        "not absolute",
        input({ url: "example.com" }),
        "body/url must be an absolute http or https URL",
      ],
      ["ftp", input({ url: "ftp://example.com" }), "body/url must use http or https (got ftp)"],
      [
        "a replacer in the host",
        input({ url: "https://<tenant>.example.com/" }),
        "body/url may contain replacers only in the path and query, not in the scheme, host, port or user info (found <tenant>)",
      ],
      [
        "credentials",
        input({ url: "https://a:b@example.com/" }),
        "body/url must not contain credentials (user:password@); send them in a header instead",
      ],
      ["an object", input({ url: {} }), "body/url must be string"],
    ],
  ],
  [
    "headers",
    [
      [
        "too many",
        input({
          headers: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`x-${i}`, "v"])),
        }),
        "body/headers must NOT have more than 50 properties",
      ],
      ["a number value", input({ headers: { "x-a": 1 } }), "body/headers/x-a must be string"],
      ["a list", input({ headers: ["x-a"] }), "body/headers must be object or string"],
      [
        "invalid JSON text",
        input({ headers: "x-a: 1" }),
        "body/headers must be an object or a JSON string of an object",
      ],
      [
        "JSON text of a list",
        input({ headers: '["x-a"]' }),
        "body/headers must be an object or a JSON string of an object",
      ],
      [
        "JSON text with a number value",
        input({ headers: '{"x-a":1}' }),
        "body/headers/x-a must be string",
      ],
      [
        "a long value",
        input({ headers: { "x-a": "v".repeat(8193) } }),
        "body/headers/x-a must NOT have more than 8192 characters",
      ],
      [
        "CR LF in a value",
        input({ headers: { "x-a": "a\r\nX-Injected: 1" } }),
        "body/headers/x-a must not contain CR, LF or NUL characters",
      ],
      [
        "NUL in a value",
        input({ headers: { "x-a": "a\u0000" } }),
        "body/headers/x-a must not contain CR, LF or NUL characters",
      ],
      [
        "a space in a name",
        input({ headers: { "x a": "1" } }),
        "body/headers has an invalid header name 'x a': use letters, digits and !#$%&'*+-.^_`|~",
      ],
      [
        "an empty name",
        input({ headers: { "": "1" } }),
        "body/headers has an invalid header name '': use letters, digits and !#$%&'*+-.^_`|~",
      ],
      [
        "a long name",
        input({ headers: { ["x".repeat(257)]: "1" } }),
        "body/headers has a header name longer than 256 characters",
      ],
      [
        "names differing in case",
        input({ headers: '{"X-A":"1","x-a":"2"}' }),
        "body/headers has duplicate header names 'X-A' and 'x-a' (names are case-insensitive)",
      ],
    ],
  ],
  [
    "body",
    [
      [
        "missing for POST",
        input({ body: undefined }),
        "body must have required property 'body' when http_method is POST or PUT",
      ],
      [
        "null for PUT",
        input({ http_method: "PUT", body: null }),
        "body must have required property 'body' when http_method is POST or PUT",
      ],
      [
        "present for GET",
        input({ http_method: "GET" }),
        "body/body must be null or absent when http_method is GET or DELETE",
      ],
      [
        "text for DELETE",
        input({ http_method: "DELETE", body: "x" }),
        "body/body must be null or absent when http_method is GET or DELETE",
      ],
      ["a list", input({ body: [1] }), "body/body must be object or string or null"],
      ["a number", input({ body: 1 }), "body/body must be object or string or null"],
      [
        "text without body_type",
        input({ body: "plain text" }),
        "body/body is not a JSON object; set body_type to xml, html or text to send other content",
      ],
      [
        "JSON text of a list with body_type json",
        input({ body: "[1]", body_type: "json" }),
        "body/body must be a JSON object, or a string holding one, when body_type is json",
      ],
      ["empty text", input({ body: "" }), "body/body must not be empty"],
      [
        "an object with body_type xml",
        input({ body_type: "xml" }),
        "body/body must be string when body_type is xml",
      ],
      [
        "blank text with body_type text",
        input({ body: "  ", body_type: "text" }),
        "body/body must not be empty",
      ],
      [
        "an object over 64 KiB",
        input({ body: { a: "x".repeat(65_536) } }),
        "body/body must not be larger than 65536 bytes (got 65544)",
      ],
      [
        "JSON text over 64 KiB",
        input({ body: JSON.stringify({ a: "x".repeat(65_536) }) }),
        "body/body must not be larger than 65536 bytes (got 65544)",
      ],
      [
        "multibyte html over 64 KiB",
        input({ body: "é".repeat(40_000), body_type: "html" }),
        "body/body must not be larger than 65536 bytes (got 80000)",
      ],
      [
        "33 levels deep",
        input({ body: nested(33) }),
        "body/body must not be nested more than 32 levels deep",
      ],
      [
        "an undefined value",
        input({ body: { a: undefined } }),
        "body/body must contain only JSON values (found undefined)",
      ],
      ["NaN", input({ body: { a: [Number.NaN] } }), "body/body must contain only finite numbers"],
      [
        "a Date",
        input({ body: { at: new Date(0) } }),
        "body/body must contain only JSON values (found object)",
      ],
    ],
  ],
  [
    "body_type",
    [
      [
        "yaml",
        input({ body_type: "yaml" }),
        "body/body_type must be equal to one of the allowed values: json, xml, html, text, form",
      ],
      [
        "form with an xml Content-Type",
        input({ body_type: "form", headers: { "Content-Type": "text/xml" } }),
        "body/body_type is form but the Content-Type header is text/xml",
      ],
      [
        "xml with a form Content-Type",
        input({
          body_type: "xml",
          body: "<a/>",
          headers: { "Content-Type": "multipart/form-data; boundary=x" },
        }),
        "body/body_type is xml but the Content-Type header is multipart/form-data",
      ],
      [
        "form with an +xml Content-Type",
        input({ body_type: "form", headers: { "content-type": "application/soap+xml" } }),
        "body/body_type is form but the Content-Type header is application/soap+xml",
      ],
    ],
  ],
  [
    "response_message",
    [
      [
        "too long",
        input({ response_message: "m".repeat(4097) }),
        "body/response_message must NOT have more than 4096 characters",
      ],
      ["a number", input({ response_message: 5 }), "body/response_message must be string or null"],
    ],
  ],
  [
    "enc",
    [
      ["a string", input({ enc: "AES-128-GCM" }), "body/enc must be object or null"],
      [
        "an unknown algorithm",
        input({ enc: { algo: "DES", key: "k", IV: "i" } }),
        "body/enc/algo must be equal to one of the allowed values: AES-128-CFB, AES-128-GCM, AES-192-CFB, AES-192-GCM, AES-256-CFB, AES-256-GCM",
      ],
      [
        "a lower-case iv field",
        input({ enc: { algo: "AES-128-CFB", key: "k".repeat(16), iv: "i".repeat(16) } }),
        "body/enc must NOT have additional properties: 'iv'",
      ],
      [
        "no IV",
        input({ enc: { algo: "AES-128-CFB", key: "k".repeat(16) } }),
        "body/enc must have required property 'IV'",
      ],
      [
        "a number key",
        input({ enc: { algo: "AES-128-CFB", key: 1, IV: "i".repeat(16) } }),
        "body/enc/key must be string",
      ],
      [
        "a bad param path",
        input({
          enc: {
            algo: "AES-128-CFB",
            key: "k".repeat(16),
            IV: "i".repeat(16),
            params: ["<phone>"],
          },
        }),
        `body/enc/params/0 ${PATH_MESSAGE}`,
      ],
      [
        "a bad param in text",
        input({
          enc: {
            algo: "AES-128-CFB",
            key: "k".repeat(16),
            IV: "i".repeat(16),
            params: "phone, first name",
          },
        }),
        `body/enc/params/1 ${PATH_MESSAGE}`,
      ],
      [
        "an unused param",
        input({
          enc: {
            algo: "AES-128-CFB",
            key: "k".repeat(16),
            IV: "i".repeat(16),
            params: ["phone", "email"],
          },
        }),
        "body/enc/params names 'email', which no template (url, headers, body, response_message) uses (used variables: order_id, phone)",
      ],
      [
        "a param below a used variable",
        input({
          enc: {
            algo: "AES-128-CFB",
            key: "k".repeat(16),
            IV: "i".repeat(16),
            params: ["phone.number"],
          },
        }),
        "body/enc/params names 'phone.number', which no template (url, headers, body, response_message) uses (used variables: order_id, phone)",
      ],
      [
        "51 params",
        input({
          enc: {
            algo: "AES-128-CFB",
            key: "k".repeat(16),
            IV: "i".repeat(16),
            params: Array.from({ length: 51 }, (_, i) => `v${i}`),
          },
        }),
        "body/enc/params must NOT have more than 50 items",
      ],
      [
        "an unknown iv_mode",
        input({
          enc: {
            algo: "AES-128-CFB",
            key: "k".repeat(16),
            IV: "i".repeat(16),
            iv_mode: "sometimes",
          },
        }),
        "body/enc/iv_mode must be equal to one of the allowed values: fixed, random",
      ],
    ],
  ],
  [
    "channel",
    [
      [
        "fax",
        input({ channel: "fax" }),
        "body/channel must be equal to one of the allowed values: sms, whatsapp, email, voice, default, Default - No Channel Selected",
      ],
      ["a number", input({ channel: 1 }), "body/channel must be string"],
    ],
  ],
  [
    "events",
    [
      [
        "none for sms",
        input({ channel: "sms" }),
        "body/events must list at least one event for channel sms (allowed: SMS-sent)",
      ],
      [
        "only empty names for sms",
        input({ channel: "sms", events: '[""]' }),
        "body/events must list at least one event for channel sms (allowed: SMS-sent)",
      ],
      [
        "an unknown sms event",
        input({ channel: "sms", events: ["SMS-sent", "SMS-read"] }),
        "body/events has 'SMS-read', which is not an event of channel sms (allowed: SMS-sent)",
      ],
      ["a bad single name", input({ events: "bad name!" }), `body/events ${EVENT_MESSAGE}`],
      ["a bad name in a list", input({ events: ["ok", "-bad"] }), `body/events/1 ${EVENT_MESSAGE}`],
      ["a number in JSON text", input({ events: "[1]" }), "body/events/0 must be string"],
      [
        "broken JSON text",
        input({ events: '["a"' }),
        "body/events must be an array of event names, a JSON string of one, or one event name",
      ],
      [
        "51 names",
        input({ events: Array.from({ length: 51 }, (_, i) => `e${i}`) }),
        "body/events must NOT have more than 50 items",
      ],
      [
        "a 101-character name",
        input({ events: ["e".repeat(101)] }),
        "body/events/0 must NOT have more than 100 characters",
      ],
      ["an object", input({ events: {} }), "body/events must be array or string or null"],
    ],
  ],
  [
    "dynamic_variables",
    [
      [
        "a bracketed name",
        input({ dynamic_variables: ["<name>"] }),
        `body/dynamic_variables/0 ${PATH_MESSAGE}`,
      ],
      [
        "101 names",
        input({ dynamic_variables: Array.from({ length: 101 }, (_, i) => `v${i}`) }),
        "body/dynamic_variables must NOT have more than 100 items",
      ],
      ["a string", input({ dynamic_variables: "name" }), "body/dynamic_variables must be array"],
    ],
  ],
  [
    "retry_schedule",
    [
      ["zero seconds", input({ retry_schedule: [0] }), "body/retry_schedule/0 must be >= 1"],
      [
        "over two days",
        input({ retry_schedule: [172_801] }),
        "body/retry_schedule/0 must be <= 172800",
      ],
      ["a fraction", input({ retry_schedule: [1.5] }), "body/retry_schedule/0 must be integer"],
      [
        "21 steps",
        input({ retry_schedule: Array.from({ length: 21 }, () => 5) }),
        "body/retry_schedule must NOT have more than 20 items",
      ],
      ["a string", input({ retry_schedule: "5" }), "body/retry_schedule must be array or null"],
    ],
  ],
  [
    "status",
    [
      [
        "2",
        input({ status: 2 }),
        "body/status must be 1 (active) or 3 (disabled); 2 (auto-disabled) is set only by Rebound",
      ],
      ["a string", input({ status: "1" }), "body/status must be integer"],
    ],
  ],
];

describe.each(RULES)("%s", (_field, cases) => {
  it.each(cases)("refuses %s", (_name, value, message) => {
    expect(messagesOf(value)).toContain(message);
  });
});

describe("managed headers", () => {
  it.each(MANAGED_HEADERS.map((name) => [name.toUpperCase()]))("refuses %s", (name) => {
    expect(messagesOf(input({ headers: { [name]: "x" } }))).toEqual([
      `body/headers/${name} is set by Rebound and cannot be configured`,
    ]);
  });

  it("lists the framing and signature headers", () => {
    expect([...MANAGED_HEADERS].sort()).toEqual([
      "connection",
      "content-length",
      "host",
      "keep-alive",
      "proxy-connection",
      "te",
      "trailer",
      "transfer-encoding",
      "upgrade",
      "webhook-id",
      "webhook-signature",
      "webhook-timestamp",
    ]);
  });
});

describe("several problems", () => {
  it("reports every semantic problem together", () => {
    expect(
      messagesOf(
        input({ url: "ftp://x.com", headers: { Host: "x" }, channel: "sms", body: "text" }),
      ),
    ).toEqual([
      "body/url must use http or https (got ftp)",
      "body/headers/Host is set by Rebound and cannot be configured",
      "body/body is not a JSON object; set body_type to xml, html or text to send other content",
      "body/events must list at least one event for channel sms (allowed: SMS-sent)",
    ]);
  });

  it("checks header names even when a JSON-text value has the wrong type", () => {
    expect(messagesOf(input({ headers: '{"x-a":1,"Host":"x"}' }))).toEqual([
      "body/headers/x-a must be string",
      "body/headers/Host is set by Rebound and cannot be configured",
    ]);
  });

  it("returns at most 20 issues", () => {
    const headers = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`x-${i}`, i]));
    expect(messagesOf(input({ headers }))).toHaveLength(20);
  });
});

function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: 1 };
  for (let level = 1; level < depth; level++) value = { child: value };
  return value;
}
