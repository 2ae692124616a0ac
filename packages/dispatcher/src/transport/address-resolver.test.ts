import { describe, expect, it } from "vitest";
import type { LookupFunction } from "./address-resolver.ts";
import { createAddressResolver, defaultLookup } from "./address-resolver.ts";
import { cidrs } from "./testing/requests.ts";
import { TransportError } from "./transport-error.ts";

function setup(answer: () => Promise<string[]>, allow = "127.0.0.0/8") {
  let now = 1_000;
  const calls: string[] = [];
  const lookup: LookupFunction = (hostname) => {
    calls.push(hostname);
    return answer();
  };
  const resolver = createAddressResolver({
    policy: { allow: cidrs(allow) },
    lookup,
    cacheTtlMs: 30_000,
    timeoutMs: 1_000,
    nowMs: () => now,
  });
  return { resolver, calls, advance: (ms: number) => (now += ms) };
}

async function errorOf(promise: Promise<unknown>): Promise<TransportError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof TransportError)) throw new Error("expected a TransportError");
  return error;
}

describe("createAddressResolver", () => {
  it("returns the first address once every address passed the check", async () => {
    const { resolver } = setup(async () => ["127.0.0.2", "8.8.8.8"]);

    expect(await resolver.resolve("hooks.test")).toBe("127.0.0.2");
  });

  it("shares one lookup between concurrent resolves and caches it for the TTL", async () => {
    const { resolver, calls, advance } = setup(async () => ["127.0.0.1"]);

    await Promise.all([resolver.resolve("hooks.test"), resolver.resolve("hooks.test")]);
    advance(29_999);
    await resolver.resolve("hooks.test");
    expect(calls).toEqual(["hooks.test"]);

    advance(1);
    await resolver.resolve("hooks.test");
    expect(calls).toEqual(["hooks.test", "hooks.test"]);
  });

  it("caches a refusal but not a DNS failure", async () => {
    const refusing = setup(async () => ["10.0.0.1"]);
    expect((await errorOf(refusing.resolver.resolve("a.test"))).errorClass).toBe("ssrf");
    expect((await errorOf(refusing.resolver.resolve("a.test"))).errorClass).toBe("ssrf");
    expect(refusing.calls).toHaveLength(1);

    const failing = setup(() =>
      Promise.reject(Object.assign(new Error("x"), { code: "EAI_AGAIN" })),
    );
    const error = await errorOf(failing.resolver.resolve("b.test"));
    expect(error).toMatchObject({
      errorClass: "dns",
      message: "DNS lookup of b.test failed: EAI_AGAIN",
    });
    await errorOf(failing.resolver.resolve("b.test"));
    expect(failing.calls).toHaveLength(2);
  });

  it("fails a lookup with no addresses as dns", async () => {
    const { resolver } = setup(async () => []);

    expect((await errorOf(resolver.resolve("empty.test"))).errorClass).toBe("dns");
  });

  it("forgets expired entries on sweep", async () => {
    const { resolver, calls, advance } = setup(async () => ["127.0.0.1"]);
    await resolver.resolve("hooks.test");

    advance(30_000);
    resolver.sweep();
    await resolver.resolve("hooks.test");

    expect(calls).toHaveLength(2);
  });
});

describe("defaultLookup", () => {
  it("resolves through the system resolver", async () => {
    expect(await defaultLookup("127.0.0.1")).toEqual(["127.0.0.1"]);
  });
});
