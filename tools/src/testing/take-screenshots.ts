#!/usr/bin/env bun
// Screenshots of the web console for the README: `rebound start` on a throwaway PGlite data
// directory, a few profiles and deliveries to a local receiver, then headless Chromium at
// 1280 px (and the list at 390 px). Build the console first (WEB_BUILD_COMMAND).
//
//   npx -y pnpm@10.34.9 --filter @rebound/tools screenshots [out-dir]
//   (or bun tools/src/testing/take-screenshots.ts; out-dir from the repository root, default
//   docs/images)
import { existsSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { SEED_SAMPLE_PROFILE_REQUEST } from "@rebound/core";
import type { Browser, Page } from "playwright-core";
import { WEB_BUILD_COMMAND, webConsoleDir } from "../web-assets.ts";
import type { AccountApi } from "./account-api.ts";
import { callApi } from "./api-client.ts";
import { DESKTOP_VIEWPORT, launchChromium, newConsoleContext, PHONE_VIEWPORT } from "./chromium.ts";
import {
  fillProfileForm,
  type ProfileFormInput,
  signIn,
  statusMessage,
  visible,
} from "./console-page.ts";
import {
  type EmbeddedRebound,
  removeDataDir,
  startEmbedded,
  tempDataDir,
} from "./embedded-rebound.ts";
import { type Receiver, startReceiver } from "./receiver.ts";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const ORDERS_PROFILE = "Order_Status_Updates";

const PAYMENT_EVENT = {
  payment: { id: "pay_1001", amount: 4999 },
  phone: "+15550100",
  name: "Ray",
};

/** The create form in the picture: replacers in URL and body, encryption of one variable. */
const PAYMENTS_FORM: ProfileFormInput = {
  title: "Payment_Events",
  http_method: "POST",
  url: "https://hooks.acme.example/payments/<payment.id>",
  headers: { "x-api-key": "A-RANDOM-API-KEY" },
  body: { payment: "<payment.id>", amount: "<payment.amount>", phone: "<phone>" },
  events: "payment.captured, payment.refunded",
  response_message: "Thank you, <name>",
  enc: { algo: "AES-256-GCM", key: "K1abcdefghijklmnopqrstuvwxyz012P", IV: "IVabcdefghijkl16" },
};

/** Profiles of every method and status, one of them delivering to `receiver`. */
async function createProfiles(api: AccountApi, receiver: Receiver): Promise<string> {
  await api.createProfile(SEED_SAMPLE_PROFILE_REQUEST);
  const ordersId = await api.createProfile({
    title: ORDERS_PROFILE,
    http_method: "POST",
    url: `${receiver.url}/hooks/orders`,
    headers: { "x-shop": "acme" },
    body: { order: "<order.id>", status: "<order.status>", phone: "<phone>" },
    retry_schedule: [1],
  });
  await api.createProfile({
    title: "WhatsApp_Address_Sync",
    http_method: "POST",
    url: "https://webhook.site/93e95c0d-53eb-4960-b628-6a03cb672946",
    body: {
      name: "Ray",
      phone: "<whatsapp_number>",
      address: { formatted_address: "<address.formatted_address>" },
    },
    channel: "whatsapp",
  });
  await api.createProfile({
    title: "Inventory_Lookup",
    http_method: "GET",
    url: "https://inventory.example.com/items/<item.sku>",
  });
  const retired = await api.createProfile({
    title: "Legacy_Cleanup",
    http_method: "DELETE",
    url: "https://legacy.example.com/sessions/<session.id>",
  });
  await api.patchProfile(retired, { status: 3 });
  return ordersId;
}

/** Delivered, retried-then-delivered and failed callbacks, one after the other. */
async function deliverSome(api: AccountApi, apiKey: string, receiver: Receiver, profileId: string) {
  receiver.script("/hooks/orders", { status: 200 }, { status: 503 }, { status: 200 });
  receiver.script("/hooks/orders", { status: 500 }, { status: 500 }, { status: 200 });
  const orders = [
    { id: "A-1001", status: "paid" },
    { id: "A-1002", status: "shipped" },
    { id: "A-1003", status: "refunded" },
    { id: "A-1004", status: "delivered" },
  ];
  for (const order of orders) {
    const accepted = await callApi(`${api.base}/callbacks`, apiKey, {
      method: "POST",
      body: {
        profile_id: profileId,
        event: `order.${order.status}`,
        data: { order, phone: "+15550100" },
      },
    });
    if (accepted.status !== 202) throw new Error(`trigger: ${JSON.stringify(accepted.body)}`);
    const id = String(accepted.body.data.id);
    await api.waitForCallback(
      id,
      (callback) => callback.status === "delivered" || callback.status === "failed",
      "delivered or failed",
    );
  }
}

async function capture(page: Page, outDir: string, name: string) {
  const path = join(outDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true, animations: "disabled" });
  console.log(`wrote ${path}`);
}

/** Sign-in, the list, the create form with encryption and preview, deliveries, Notification. */
async function desktopShots(
  page: Page,
  running: EmbeddedRebound,
  ordersId: string,
  outDir: string,
) {
  const url = running.rebound.url;
  await page.goto(`${url}/`);
  await page.getByLabel("Account SID").fill(running.credentials.sid);
  await page.getByLabel("API key").fill(running.credentials.apiKey);
  await page.getByRole("heading", { level: 1 }).click();
  await capture(page, outDir, "console-sign-in");

  await signIn(page, url, running.credentials);
  await visible(page.getByRole("rowheader", { name: ORDERS_PROFILE }));
  await capture(page, outDir, "console-profiles");

  await page.getByRole("link", { name: "Create New" }).click();
  await fillProfileForm(page, PAYMENTS_FORM);
  await page.getByLabel("Parameters").fill("phone");
  await page.getByLabel("IV mode").selectOption("random");
  const preview = page.getByRole("region", { name: "Request preview" });
  await preview.getByLabel("Sample event data (JSON)").fill(JSON.stringify(PAYMENT_EVENT));
  await page.getByRole("heading", { level: 1 }).click(); // no focus ring in the picture
  await visible(preview.getByText("POST https://hooks.acme.example/payments/pay_1001"));
  await capture(page, outDir, "console-profile-form");

  await page.goto(`${url}/profiles/${encodeURIComponent(ordersId)}/deliveries`);
  const callbacks = await visible(page.getByRole("region", { name: "Callbacks table" }));
  const failed = callbacks.getByRole("row").filter({ hasText: "Failed" });
  await failed.getByRole("button", { name: "Show attempts" }).click();
  await visible(page.getByRole("table", { name: /^Attempts of callback/ }));
  await capture(page, outDir, "console-deliveries");

  await page.getByRole("link", { name: "Notification" }).click();
  await page.getByRole("switch", { name: "Callback Report" }).check();
  await page.getByRole("checkbox", { name: "Daily" }).check();
  await page.getByRole("checkbox", { name: "Weekly" }).check();
  await page.getByRole("textbox", { name: "Email Addresses" }).fill("ops@acme.com, cto@acme.com");
  await page.getByRole("button", { name: "Save" }).click();
  await visible(statusMessage(page, "Callback report settings updated successfully"));
  await capture(page, outDir, "console-notification");
}

async function phoneShots(page: Page, running: EmbeddedRebound, outDir: string) {
  await signIn(page, running.rebound.url, running.credentials);
  await visible(page.getByRole("rowheader", { name: ORDERS_PROFILE }));
  await capture(page, outDir, "console-profiles-390");
}

async function main(outDir: string) {
  if (!existsSync(join(webConsoleDir(), "index.html"))) {
    throw new Error(`the web console is not built: run ${WEB_BUILD_COMMAND}`);
  }
  mkdirSync(outDir, { recursive: true });
  const dataDir = tempDataDir("screenshots");
  const receiver = await startReceiver();
  let running: EmbeddedRebound | undefined;
  let browser: Browser | undefined;
  try {
    running = await startEmbedded(dataDir, { REBOUND_ALLOW_PRIVATE_TARGETS: "127.0.0.0/8" });
    browser = await launchChromium();
    const ordersId = await createProfiles(running.api, receiver);
    await deliverSome(running.api, running.credentials.apiKey, receiver, ordersId);
    const desktop = await newConsoleContext(browser, DESKTOP_VIEWPORT);
    await desktopShots(await desktop.newPage(), running, ordersId, outDir);
    const phone = await newConsoleContext(browser, PHONE_VIEWPORT);
    await phoneShots(await phone.newPage(), running, outDir);
  } finally {
    await browser?.close();
    running?.rebound.kill();
    await receiver.close();
    removeDataDir(dataDir);
  }
}

await main(resolve(root, process.argv[2] ?? "docs/images"));
