// End to end under Bun: `rebound start` (API + dispatcher in one process, embedded PGlite) delivers
// a triggered callback to a real local receiver: rendered, partly encrypted, signed; recorded with
// its attempt; and a callback to a cloud metadata address is refused by the SSRF guard.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decrypt, verifyWebhook } from "@rebound/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callApi } from "../testing/api-client.ts";
import { type RunningRebound, startRebound } from "../testing/rebound-process.ts";
import { waitFor } from "../testing/wait-for.ts";

interface Received {
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

const ENC = {
  algo: "AES-256-GCM",
  key: "0123456789abcdef0123456789abcdef",
  IV: "fedcba9876543210",
  params: ["customer.phone"],
  iv_mode: "random",
} as const;

describe("rebound start delivers callbacks (API + dispatcher under Bun)", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "rebound-delivery-"));
  const received: Received[] = [];
  let receiver: Server;
  let receiverUrl = "";
  let rebound: RunningRebound | undefined;
  let base = "";
  let apiKey = "";

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      let body = "";
      request.setEncoding("utf8").on("data", (chunk: string) => {
        body += chunk;
      });
      request.on("end", () => {
        received.push({ url: request.url ?? "", headers: request.headers, body });
        response.writeHead(200, { "content-type": "application/json" });
        response.end(JSON.stringify({ first_name: "Ray" }));
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    rebound = await startRebound(["--port", "0"], {
      REBOUND_DATA_DIR: dataDir,
      REBOUND_ALLOW_PRIVATE_TARGETS: "127.0.0.0/8",
    });
    const stdout = rebound.stdout();
    const sid = /^ {2}SID: +(\S+)$/m.exec(stdout)?.[1] ?? "";
    apiKey = /^ {2}API key: (\S+)$/m.exec(stdout)?.[1] ?? "";
    base = `${rebound.url}/v1/${sid}`;
  });

  afterAll(async () => {
    rebound?.kill();
    await new Promise((resolve) => receiver.close(resolve));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("renders, encrypts, signs and delivers a triggered callback, and records the attempt", async () => {
    const created = await callApi(`${base}/callback/profiles`, apiKey, {
      method: "POST",
      body: {
        title: "Orders",
        http_method: "POST",
        url: `${receiverUrl}/orders/<order.id>`,
        body: { order: "<order.id>", total: "<order.total>", phone: "<customer.phone>" },
        response_message: "Thank you, <first_name>",
        enc: ENC,
      },
    });
    expect(created.status).toBe(201);
    const profileId = String(created.body.data.profile_id);
    const secret = String(created.body.data.signing_secret);

    const trigger = await callApi(`${base}/callbacks`, apiKey, {
      method: "POST",
      body: {
        profile_id: profileId,
        event: "order.paid",
        data: { order: { id: 42, total: 99.5 }, customer: { phone: "+919900000000" } },
        idempotency_key: "order-42",
      },
    });
    expect(trigger.status).toBe(202);
    const callbackId = String(trigger.body.data.id);

    const request = await waitFor(
      () => received.find((r) => r.url === "/orders/42"),
      "the callback",
    );
    const payload = JSON.parse(request.body) as { order: number; total: number; phone: string };
    expect(payload.order).toBe(42);
    expect(payload.total).toBe(99.5);
    expect(
      decrypt(payload.phone, { algo: ENC.algo, key: ENC.key, iv: ENC.IV, ivMode: "random" }),
    ).toBe("+919900000000");
    const header = (name: string) => String(request.headers[name] ?? "");
    expect(
      verifyWebhook({
        headers: {
          id: header("webhook-id"),
          timestamp: header("webhook-timestamp"),
          signature: header("webhook-signature"),
        },
        body: request.body,
        secret,
        nowSeconds: Math.floor(Date.now() / 1000),
      }),
    ).toEqual({ ok: true });

    const delivered = await waitFor(async () => {
      const { body } = await callApi(`${base}/callbacks/${callbackId}`, apiKey);
      return body.data.status === "delivered" ? body.data : undefined;
    }, "the delivery to be recorded");
    expect(delivered.response_message).toBe("Thank you, Ray");
    expect(delivered.attempts).toEqual([expect.objectContaining({ status_code: 200 })]);

    const again = await callApi(`${base}/callbacks`, apiKey, {
      method: "POST",
      body: { profile_id: profileId, event: "order.paid", data: {}, idempotency_key: "order-42" },
    });
    expect(again.body.data.id).toBe(callbackId);
  });

  it("refuses to deliver to a cloud metadata address (SSRF guard) and records why", async () => {
    const created = await callApi(`${base}/callback/profiles`, apiKey, {
      method: "POST",
      body: {
        title: "Metadata",
        http_method: "GET",
        url: "http://169.254.169.254/latest/meta-data/",
        retry_schedule: [],
      },
    });
    expect(created.status).toBe(201);
    const trigger = await callApi(`${base}/callbacks`, apiKey, {
      method: "POST",
      body: { profile_id: created.body.data.profile_id, event: "probe", data: {} },
    });
    const id = String(trigger.body.data.id);
    const failed = await waitFor(async () => {
      const { body } = await callApi(`${base}/callbacks/${id}`, apiKey);
      return body.data.status === "failed" ? body.data : undefined;
    }, "the refusal");
    expect(failed.attempts).toEqual([expect.objectContaining({ error_class: "ssrf" })]);
  });

  it("stops gracefully on SIGTERM", async () => {
    expect(await rebound?.stop("SIGTERM")).toBe(0);
  });
});
