import { describe, expect, it } from "vitest";
import type { BodyType } from "../profile/profile.ts";
import { bodyEncodingOf, defaultContentType, findHeader, mediaTypeOf } from "./body-encoding.ts";

describe("bodyEncodingOf", () => {
  it.each<[BodyType, Record<string, string>, string]>([
    ["json", {}, "json"],
    ["json", { "Content-Type": "application/json" }, "json"],
    ["json", { "content-type": "multipart/form-data" }, "multipart"],
    ["json", { "CONTENT-TYPE": "Application/X-WWW-Form-Urlencoded; charset=utf-8" }, "urlencoded"],
    ["form", {}, "urlencoded"],
    ["form", { "Content-Type": "multipart/form-data; boundary=x" }, "multipart"],
    ["xml", {}, "xml"],
    ["xml", { "Content-Type": "multipart/form-data" }, "xml"],
    ["html", {}, "html"],
    ["text", {}, "text"],
  ])("%s with %j is sent as %s", (bodyType, headers, encoding) => {
    expect(bodyEncodingOf(bodyType, headers)).toBe(encoding);
  });
});

describe("helpers", () => {
  it("reads media types without parameters", () => {
    expect(mediaTypeOf(" Text/XML ; charset=utf-8")).toBe("text/xml");
  });

  it("finds headers case-insensitively", () => {
    expect(findHeader({ "X-Token": "a" }, "x-token")).toBe("a");
    expect(findHeader({ "X-Token": "a" }, "x-other")).toBeNull();
  });

  it("has a default content type per encoding", () => {
    expect(defaultContentType("json")).toBe("application/json");
    expect(defaultContentType("xml")).toBe("application/xml; charset=utf-8");
  });
});
