import { describe, expect, it } from "vitest";
import { encodeBody } from "./encode-body.ts";
import { flattenFormFields } from "./form-fields.ts";

const decoder = new TextDecoder();
const fixedBytes = (length: number) => new Uint8Array(length).fill(0xab);

describe("flattenFormFields", () => {
  it("uses bracket names for nested objects and arrays", () => {
    expect(
      flattenFormFields({ a: { b: 1, c: null }, list: ["x", { y: true }], empty: {}, none: [] }),
    ).toEqual([
      ["a[b]", "1"],
      ["a[c]", ""],
      ["list[0]", "x"],
      ["list[1][y]", "true"],
      ["empty", ""],
      ["none", ""],
    ]);
  });

  it("has no fields for a bare scalar", () => {
    expect(flattenFormFields("text")).toEqual([]);
  });
});

describe("encodeBody", () => {
  it("serialises json with application/json unless the profile set a content type", () => {
    const body = encodeBody({
      encoding: "json",
      rendered: { name: "Ray", n: 1 },
      contentType: null,
      randomBytes: fixedBytes,
    });
    expect(body.contentType).toBe("application/json");
    expect(decoder.decode(body.bytes)).toBe('{"name":"Ray","n":1}');
    const custom = encodeBody({
      encoding: "json",
      rendered: {},
      contentType: "application/vnd.api+json",
      randomBytes: fixedBytes,
    });
    expect(custom.contentType).toBe("application/vnd.api+json");
  });

  it("url-encodes form fields", () => {
    const body = encodeBody({
      encoding: "urlencoded",
      rendered: { name: "Ray & Co", address: { city: "Pune é" } },
      contentType: null,
      randomBytes: fixedBytes,
    });
    expect(body.contentType).toBe("application/x-www-form-urlencoded");
    expect(decoder.decode(body.bytes)).toBe("name=Ray+%26+Co&address%5Bcity%5D=Pune+%C3%A9");
  });

  it("writes multipart parts with the boundary it announces", () => {
    const body = encodeBody({
      encoding: "multipart",
      rendered: { name: "Ray", 'we"ird\nname': "é" },
      contentType: "Multipart/Form-Data; boundary=ignored",
      randomBytes: fixedBytes,
    });
    const boundary = `----rebound-${"ab".repeat(16)}`;
    expect(body.contentType).toBe(`multipart/form-data; boundary=${boundary}`);
    expect(decoder.decode(body.bytes)).toBe(
      `--${boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\nRay\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="we%22ird%0Aname"\r\n\r\né\r\n` +
        `--${boundary}--\r\n`,
    );
  });

  it("multipart without a profile content type still announces the boundary", () => {
    const body = encodeBody({
      encoding: "multipart",
      rendered: {},
      contentType: null,
      randomBytes: fixedBytes,
    });
    expect(body.contentType).toMatch(/^multipart\/form-data; boundary=----rebound-[0-9a-f]{32}$/);
    expect(decoder.decode(body.bytes)).toMatch(/^--.+--\r\n$/);
  });

  it.each([
    ["xml", "<a>1</a>", "application/xml; charset=utf-8"],
    ["html", "<p>hi</p>", "text/html; charset=utf-8"],
    ["text", "plain é", "text/plain; charset=utf-8"],
  ] as const)("sends %s text as UTF-8", (encoding, text, contentType) => {
    const body = encodeBody({
      encoding,
      rendered: text,
      contentType: null,
      randomBytes: fixedBytes,
    });
    expect(body.contentType).toBe(contentType);
    expect(decoder.decode(body.bytes)).toBe(text);
  });

  it("sends an empty markup body when the rendered value is not text", () => {
    const body = encodeBody({
      encoding: "text",
      rendered: null,
      contentType: "text/csv",
      randomBytes: fixedBytes,
    });
    expect(body.contentType).toBe("text/csv");
    expect(body.bytes.length).toBe(0);
  });
});
