import { describe, expect, it } from "vitest";
import { sampleEventData } from "./sample-event-data.ts";

describe("sampleEventData", () => {
  it("nests a placeholder value for every variable path", () => {
    expect(sampleEventData(["whatsapp_number", "order.id", "items[1].sku"])).toEqual({
      whatsapp_number: "sample whatsapp_number",
      order: { id: "sample order.id" },
      items: [null, { sku: "sample items[1].sku" }],
    });
  });

  it("skips paths that clash with earlier ones or use large indexes", () => {
    expect(sampleEventData(["a", "a.b", "list[500]", "b.c", "b[0]"])).toEqual({
      a: "sample a",
      b: { c: "sample b.c" },
    });
  });

  it("keeps __proto__ as a plain member", () => {
    const data = sampleEventData(["__proto__.polluted"]);
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.hasOwn(data, "__proto__")).toBe(true);
    expect(JSON.stringify(data)).toBe('{"__proto__":{"polluted":"sample __proto__.polluted"}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
