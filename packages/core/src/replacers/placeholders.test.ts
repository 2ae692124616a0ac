import { describe, expect, it } from "vitest";
import {
  collectTemplateVariables,
  findPlaceholders,
  type TemplateParts,
  wholePlaceholderPath,
} from "./placeholders.ts";

describe("findPlaceholders", () => {
  it.each([
    ["Hi <name>, <name>!", ["name"]],
    ["<a.b><parts[0]>", ["a.b", "parts[0]"]],
    ["https://x.test/u/<id>?q=<query.term>", ["id", "query.term"]],
    ["no placeholders", []],
    ["< name> <first name> <9a> <a..b> <>", []],
    ["a < b and c > d", []],
  ])("in %j finds %j", (text, paths) => {
    expect(findPlaceholders(text)).toEqual(paths);
  });

  it("can be called repeatedly (the global pattern keeps no state between calls)", () => {
    expect(findPlaceholders("<a>")).toEqual(["a"]);
    expect(findPlaceholders("<a>")).toEqual(["a"]);
  });
});

describe("wholePlaceholderPath", () => {
  it.each([
    ["<phone>", "phone"],
    ["<a.b[1]>", "a.b[1]"],
    [" <phone>", null],
    ["<phone> ", null],
    ["<a><b>", null],
    ["phone", null],
  ])("%j → %j", (text, path) => {
    expect(wholePlaceholderPath(text)).toBe(path);
  });
});

describe("collectTemplateVariables", () => {
  const base: TemplateParts = {
    url: "https://hooks.example.com/in",
    headers: {},
    body: null,
    body_type: "json",
    response_message: null,
    dynamic_variables: [],
  };

  it("maps the UI seed's body placeholders to their paths", () => {
    const result = collectTemplateVariables({
      ...base,
      body: {
        name: "Ray",
        phone: "<whatsapp_number>",
        address: { formatted_address: "<address.formatted_address>" },
      },
    });
    expect(result.replacers).toEqual({
      "<whatsapp_number>": "whatsapp_number",
      "<address.formatted_address>": "address.formatted_address",
    });
    expect(result.dynamicVariables).toEqual(["whatsapp_number", "address.formatted_address"]);
  });

  it("collects from url, header values, array items and the response message; keys stay literal", () => {
    const result = collectTemplateVariables({
      ...base,
      url: "https://x.test/<tenant>/hook?id=<id>",
      headers: { "x-<literal>": "Bearer <token>" },
      body: { "<key>": ["<items[0]>", 3, true, null] },
      response_message: "Thanks <name>",
    });
    expect(Object.keys(result.replacers)).toEqual([
      "<tenant>",
      "<id>",
      "<token>",
      "<items[0]>",
      "<name>",
    ]);
  });

  it("in markup bodies only takes declared variables, leaving tags alone", () => {
    const result = collectTemplateVariables({
      ...base,
      body: "<order><id><order_id></id><note>x</note></order>",
      body_type: "xml",
      dynamic_variables: ["order_id", "unused"],
    });
    expect(result.replacers).toEqual({ "<order_id>": "order_id" });
    expect(result.dynamicVariables).toEqual(["order_id", "unused"]);
  });

  it("takes every placeholder of a string json body", () => {
    const result = collectTemplateVariables({ ...base, body: "<a> and <b>", body_type: "json" });
    expect(result.dynamicVariables).toEqual(["a", "b"]);
  });
});
