import { describe, expect, it } from "vitest";
import {
  escapeUrlComponent,
  escapeXml,
  renderJsonTemplate,
  renderText,
  textOf,
} from "./render-template.ts";
import { VariableResolver } from "./variable-resolver.ts";

const data = {
  name: "Ray & <Co>",
  count: 42,
  ok: true,
  none: null,
  address: { city: "Pune", zip: "411001" },
  parts: ["first", "second"],
};
const resolverOf = (source: unknown = data) => new VariableResolver({ sources: [source] });

describe("renderJsonTemplate", () => {
  it("keeps the type of whole-value placeholders", () => {
    const resolver = resolverOf();
    const rendered = renderJsonTemplate(
      { n: "<count>", b: "<ok>", o: "<address>", a: "<parts>", z: "<none>" },
      resolver,
    );
    expect(rendered).toEqual({
      n: 42,
      b: true,
      o: { city: "Pune", zip: "411001" },
      a: ["first", "second"],
      z: null,
    });
    expect(resolver.missing).toEqual([]);
  });

  it("interpolates placeholders inside longer strings as text", () => {
    const rendered = renderJsonTemplate(
      { msg: "Hi <name>, you have <count> items in <address.city> (<parts[1]>) <address>" },
      resolverOf(),
    );
    expect(rendered).toEqual({
      msg: 'Hi Ray & <Co>, you have 42 items in Pune (second) {"city":"Pune","zip":"411001"}',
    });
  });

  it("renders a missing whole value as null and a missing interpolation as empty, and lists them", () => {
    const resolver = resolverOf();
    const rendered = renderJsonTemplate({ a: "<nope>", b: "x<gone.deep>y", c: "<nope>" }, resolver);
    expect(rendered).toEqual({ a: null, b: "xy", c: null });
    expect(resolver.missing).toEqual(["nope", "gone.deep"]);
  });

  it("keeps object keys literal, including __proto__", () => {
    const template = JSON.parse('{"<name>": "v", "__proto__": "<count>", "list": [1, "<ok>"]}');
    const rendered = renderJsonTemplate(template, resolverOf());
    expect(JSON.stringify(rendered)).toBe('{"<name>":"v","__proto__":42,"list":[1,true]}');
  });

  it("passes numbers, booleans and null through", () => {
    expect(renderJsonTemplate([1, false, null], resolverOf())).toEqual([1, false, null]);
  });
});

describe("renderText", () => {
  it("escapes values for URLs", () => {
    const out = renderText("https://x.test/<name>?q=<address.city>", resolverOf(), {
      escape: escapeUrlComponent,
    });
    expect(out).toBe("https://x.test/Ray%20%26%20%3CCo%3E?q=Pune");
  });

  it("escapes values for XML and replaces only the given paths", () => {
    const out = renderText("<n><name></n><count>", resolverOf(), {
      escape: escapeXml,
      only: new Set(["name"]),
    });
    expect(out).toBe("<n>Ray &amp; &lt;Co&gt;</n><count>");
  });

  it("escapes quotes in XML values", () => {
    expect(escapeXml(`"a'`)).toBe("&quot;a&apos;");
  });
});

describe("textOf", () => {
  it.each([
    [undefined, ""],
    [null, ""],
    ["s", "s"],
    [1.5, "1.5"],
    [false, "false"],
    [[1, "a"], '[1,"a"]'],
  ])("%j → %j", (value, text) => {
    expect(textOf(value)).toBe(text);
  });
});

describe("VariableResolver", () => {
  it("transforms each found value once per path and searches sources in order", () => {
    let calls = 0;
    const resolver = new VariableResolver({
      sources: [{ a: "first" }, { a: "second", b: "fallback" }],
      transform: (path, value) => {
        calls += 1;
        return `${path}=${String(value)}`;
      },
    });
    expect(renderText("<a> <a> <b> <c>", resolver)).toBe("a=first a=first b=fallback ");
    expect(calls).toBe(2);
    expect(resolver.missing).toEqual(["c"]);
  });

  it("treats an invalid path as missing", () => {
    const resolver = new VariableResolver({ sources: [{}] });
    expect(resolver.resolve("9bad")).toEqual({ found: false });
    expect(resolver.missing).toEqual(["9bad"]);
  });
});
