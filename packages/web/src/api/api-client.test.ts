import { describe, expect, it } from "vitest";
import { createApiClient, type FetchLike, queryString } from "./api-client.ts";
import { ApiRequestError } from "./api-error.ts";

interface Sent {
  url: string;
  init: RequestInit;
}

function fakeFetch(status: number, body: unknown, sent: Sent[]): FetchLike {
  return async (url, init) => {
    sent.push({ url, init });
    const text = typeof body === "string" ? body : JSON.stringify(body);
    return new Response(text, { status, headers: { "content-type": "application/json" } });
  };
}

const session = { sid: "RB 1", apiKey: "rbk_key" };

describe("createApiClient", () => {
  it("sends the api-key header and JSON body, and returns the envelope's data", async () => {
    const sent: Sent[] = [];
    const data = { profile_id: "IN_1", title: "Orders" };
    const client = createApiClient({
      session,
      baseUrl: "http://127.0.0.1:9",
      fetch: fakeFetch(
        201,
        { code: "RBC024", message: "Profile created successfully", data, error: {}, status: 201 },
        sent,
      ),
    });
    await expect(client.createProfile({ title: "Orders" })).resolves.toEqual(data);
    expect(sent[0]?.url).toBe("http://127.0.0.1:9/v1/RB%201/callback/profiles");
    expect(sent[0]?.init.method).toBe("POST");
    expect(sent[0]?.init.headers).toEqual({
      "api-key": "rbk_key",
      "content-type": "application/json",
    });
    expect(sent[0]?.init.body).toBe('{"title":"Orders"}');
  });

  it("puts list filters in the query string, leaving out empty ones", async () => {
    const sent: Sent[] = [];
    const client = createApiClient({
      session,
      fetch: fakeFetch(
        200,
        { code: "RBC024", message: "ok", data: { profiles: [] }, error: {}, status: 200 },
        sent,
      ),
    });
    await client.listProfiles({
      title: "a b",
      http_method: undefined,
      status: "",
      limit: 25,
      offset: 0,
    });
    expect(sent[0]?.url).toBe("/v1/RB%201/callback/profiles?title=a+b&limit=25&offset=0");
    expect(sent[0]?.init.headers).toEqual({ "api-key": "rbk_key" });
  });

  it("throws the envelope's code, message and issues for an error status", async () => {
    const client = createApiClient({
      session,
      fetch: fakeFetch(
        400,
        {
          code: "RBC302",
          message: "body must have required property 'title'",
          data: {},
          error: [
            { body: "body must have required property 'title'" },
            { body: "body/url must be an absolute http or https URL" },
          ],
          status: 400,
        },
        [],
      ),
    });
    const error = await client.createProfile({}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiRequestError);
    const failure = error as ApiRequestError;
    expect(failure.status).toBe(400);
    expect(failure.code).toBe("RBC302");
    expect(failure.message).toBe("body must have required property 'title'");
    expect(failure.issues.map((issue) => issue.path)).toEqual([["title"], ["url"]]);
  });

  it("reports an unreachable API and a non-JSON answer as errors, not crashes", async () => {
    const offline = createApiClient({
      session,
      fetch: async () => {
        throw new TypeError("fetch failed");
      },
    });
    await expect(offline.getAccount()).rejects.toMatchObject({ status: 0, code: "network" });
    const html = createApiClient({
      session,
      fetch: fakeFetch(502, "<html>bad gateway</html>", []),
    });
    await expect(html.getAccount()).rejects.toMatchObject({ status: 502, code: "bad-response" });
  });
});

describe("queryString", () => {
  it("is empty without values", () => {
    expect(queryString({ a: undefined, b: "" })).toBe("");
    expect(queryString({ a: 0, b: "x/y" })).toBe("?a=0&b=x%2Fy");
  });
});
