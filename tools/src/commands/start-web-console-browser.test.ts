// End to end in a real browser: headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core) uses the web console that `rebound start` serves on embedded PGlite, the
// way a person would: sign in, create the seed's sample profile through the form, filter, edit,
// enable encryption, delete, and switch on the callback reports; then the list and the form at
// phone width. What the console claims to have saved is checked through the API too.
//
// Runs under `test` (Node vitest) and `test:bun` (Bun vitest); the server is the real Bun
// process in both. Chromium missing fails the suite with the install command (`.ci/run`
// installs it), it is never skipped.
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { ProfileView } from "@rebound/api";
import { SEED_SAMPLE_PROFILE_REQUEST } from "@rebound/core";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callApi } from "../testing/api-client.ts";
import {
  BROWSER_ACTION_TIMEOUT_MS,
  DESKTOP_VIEWPORT,
  launchChromium,
  newConsoleContext,
  PHONE_VIEWPORT,
} from "../testing/chromium.ts";
import {
  fillEncryption,
  fillProfileForm,
  pageOverflow,
  signIn,
  statusMessage,
  visible,
} from "../testing/console-page.ts";
import {
  type EmbeddedRebound,
  removeDataDir,
  startEmbedded,
  tempDataDir,
} from "../testing/embedded-rebound.ts";
import { waitFor } from "../testing/wait-for.ts";
import { WEB_BUILD_COMMAND, webConsoleDir } from "../web-assets.ts";

const SAMPLE = SEED_SAMPLE_PROFILE_REQUEST;
const RENAMED = "Callback_Profile_Test_2";
/** The UI seed's POST sample: a JSON body with replacers, no encryption. */
const POST_SAMPLE = {
  title: "Seed_POST_Sample",
  http_method: "POST",
  url: "https://webhook.site/93e95c0d-53eb-4960-b628-6a03cb672946",
  body: {
    name: "Ray",
    phone: "<whatsapp_number>",
    address: { formatted_address: "<address.formatted_address>" },
  },
};
const KEY_16 = "K1abcdefghijkl2P";
const KEY_32 = "K1abcdefghijklmnopqrstuvwxyz012P";
const IV_16 = "IVabcdefghijkl16";

type ProfileList = { profiles: ProfileView[]; total: number };

describe("the web console in headless Chromium (rebound start, embedded, under Bun)", () => {
  const dataDir = tempDataDir("web-browser");
  let running: EmbeddedRebound;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const profileIds = new Map<string, string>();

  const profilesApi = (query = "") =>
    callApi(`${running.api.base}/callback/profiles${query}`, running.credentials.apiKey);
  async function listedTitles(): Promise<string[]> {
    const response = await profilesApi();
    expect(response.status).toBe(200);
    return (response.body.data as unknown as ProfileList).profiles.map((profile) => profile.title);
  }
  const table = () => page.getByRole("region", { name: "Callback profiles table" });
  const rowLinks = () => table().getByRole("rowheader");
  /** The table keeps the previous rows while it reloads: poll until it shows `expected`. */
  async function expectShownTitles(expected: string[]) {
    const wanted = [...expected].sort();
    let shown: string[] = [];
    const matches = async () => {
      shown = (await rowLinks().allTextContents()).map((title) => title.trim()).sort();
      return JSON.stringify(shown) === JSON.stringify(wanted);
    };
    await waitFor(
      matches,
      `the table to list ${wanted.join(", ")}`,
      BROWSER_ACTION_TIMEOUT_MS,
    ).catch(() => undefined);
    expect(shown).toEqual(wanted);
  }

  beforeAll(async () => {
    // turbo builds @rebound/web before the tools tests; by hand: WEB_BUILD_COMMAND.
    if (!existsSync(join(webConsoleDir(), "index.html"))) {
      throw new Error(`the web console is not built: run ${WEB_BUILD_COMMAND}`);
    }
    running = await startEmbedded(dataDir);
    browser = await launchChromium();
    context = await newConsoleContext(browser, DESKTOP_VIEWPORT);
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    running?.rebound.kill();
    removeDataDir(dataDir);
  });

  it("signs in with the SID and API key of the first start", async () => {
    await signIn(page, running.rebound.url, running.credentials);
    const nav = page.getByRole("navigation", { name: "Settings" });
    await visible(nav.getByRole("link", { name: "Callback Profiles" }));
    await visible(nav.getByRole("link", { name: "Notification" }));
    await visible(page.getByRole("button", { name: "Sign out" }));
    await visible(statusMessage(page, "No callback profiles yet. Create one with Create New."));
  });

  it("creates the seed's sample profile through the form, with a live preview, and lists it", async () => {
    await page.getByRole("link", { name: "Create New" }).click();
    await visible(page.getByRole("heading", { level: 1, name: "Create callback profile" }));
    await fillProfileForm(page, SAMPLE);
    const preview = page.getByRole("region", { name: "Request preview" });
    await visible(preview.getByText(`PUT ${SAMPLE.url}`));
    await visible(preview.getByText('"name":"John Doe"'));

    await page.getByRole("button", { name: "Save" }).click();
    await visible(statusMessage(page, "Profile created successfully"));
    await visible(page.getByRole("heading", { level: 1, name: SAMPLE.title }));

    const created = await profilesApi(`?title=${SAMPLE.title}`);
    const [stored] = (created.body.data as unknown as ProfileList).profiles;
    expect(stored).toMatchObject({
      title: SAMPLE.title,
      http_method: "PUT",
      url: SAMPLE.url,
      headers: SAMPLE.headers,
      body: SAMPLE.body,
      channel: "sms",
      events: ["SMS-sent"],
      response_message: SAMPLE.response_message,
      enc: { algo: "AES-128-GCM", key: "12xxxxxxxxxxxx34", IV: "12xxxxxxxxxxxx38" },
      status: 1,
    });
    profileIds.set(SAMPLE.title, stored?.profile_id ?? "");
    await visible(page.getByText(stored?.profile_id ?? "missing id", { exact: true }));

    await page.getByRole("link", { name: "Back to profiles" }).click();
    await expectShownTitles([SAMPLE.title]);
  });

  it("filters the list by name and by HTTP method, matching and not", async () => {
    profileIds.set(POST_SAMPLE.title, await running.api.createProfile(POST_SAMPLE));
    await page.reload();
    await expectShownTitles([SAMPLE.title, POST_SAMPLE.title]);

    const filters = page.getByRole("form", { name: "Filter profiles" });
    const apply = () => filters.getByRole("button", { name: "Apply filters" }).click();
    const noMatch = statusMessage(page, "No profiles match these filters.");

    await filters.getByLabel("Callback Profile Name").fill("Profile_Test");
    await apply();
    await page.waitForURL(/[?&]title=Profile_Test/);
    await expectShownTitles([SAMPLE.title]);

    await filters.getByLabel("Callback Profile Name").fill("Nothing_Like_This");
    await apply();
    await visible(noMatch);
    expect(await rowLinks().count()).toBe(0);

    await filters.getByRole("button", { name: "Clear filters" }).click();
    await expectShownTitles([SAMPLE.title, POST_SAMPLE.title]);

    await filters.getByLabel("HTTP Method").selectOption("POST");
    await apply();
    await page.waitForURL(/[?&]http_method=POST/);
    await expectShownTitles([POST_SAMPLE.title]);

    await filters.getByLabel("HTTP Method").selectOption("DELETE");
    await apply();
    await visible(noMatch);

    await filters.getByLabel("HTTP Method").selectOption("PUT");
    await filters.getByLabel("Callback Profile Name").fill("Callback");
    await apply();
    await expectShownTitles([SAMPLE.title]);

    await filters.getByRole("button", { name: "Clear filters" }).click();
    await expectShownTitles([SAMPLE.title, POST_SAMPLE.title]);
  });

  it("edits the title and saves it", async () => {
    await table()
      .getByRole("link", { name: `Edit ${SAMPLE.title}` })
      .click();
    await visible(page.getByRole("heading", { level: 1, name: SAMPLE.title }));
    await page.getByLabel("Name", { exact: true }).fill(RENAMED);
    await page.getByRole("button", { name: "Save" }).click();
    await visible(statusMessage(page, "Profile updated successfully"));
    await visible(page.getByRole("heading", { level: 1, name: RENAMED }));

    const stored = await running.api.profile(profileIds.get(SAMPLE.title) ?? "");
    expect(stored.title).toBe(RENAMED);
    // The masked key and IV in the form mean "unchanged": encryption is kept as it was.
    expect(stored.enc).toMatchObject({ algo: "AES-128-GCM", key: "12xxxxxxxxxxxx34" });
    expect(await listedTitles()).toEqual(expect.arrayContaining([RENAMED, POST_SAMPLE.title]));
  });

  it("enabling encryption with a wrong-length key shows the error at Key; the right length saves", async () => {
    const id = profileIds.get(POST_SAMPLE.title) ?? "";
    await page
      .getByRole("navigation", { name: "Settings" })
      .getByRole("link", {
        name: "Callback Profiles",
      })
      .click();
    await table()
      .getByRole("link", { name: `Edit ${POST_SAMPLE.title}` })
      .click();
    await visible(page.getByRole("heading", { level: 1, name: POST_SAMPLE.title }));

    await fillEncryption(page, { algo: "AES-256-GCM", key: KEY_16, IV: IV_16 });
    const key = page.getByLabel("Key", { exact: true });
    const hint = await visible(page.locator("#profile-enc-key-hint"));
    expect(await hint.textContent()).toContain("AES-256-GCM needs 32. Now 16 of 32.");
    await page.getByRole("button", { name: "Save" }).click();

    const error = await visible(page.locator("#profile-enc-key-error"));
    expect(await error.textContent()).toBe(
      "Key must be exactly 32 characters for AES-256-GCM (got 16)",
    );
    expect(await key.getAttribute("aria-invalid")).toBe("true");
    expect(await key.getAttribute("aria-describedby")).toContain("profile-enc-key-error");
    await visible(page.getByRole("alert").filter({ hasText: "The profile was not saved" }));
    expect((await running.api.profile(id)).enc).toBeNull();

    await key.fill(KEY_32);
    expect(await page.locator("#profile-enc-key-error").count()).toBe(0);
    await page.getByRole("button", { name: "Save" }).click();
    await visible(statusMessage(page, "Profile updated successfully"));
    expect(await key.inputValue()).toBe("K1xxxxxxxxxxxxxxxxxxxxxxxxxxxx2P");

    const stored = await running.api.profile(id);
    expect(stored.enc).toMatchObject({
      algo: "AES-256-GCM",
      key: "K1xxxxxxxxxxxxxxxxxxxxxxxxxxxx2P",
      IV: "IVxxxxxxxxxxxx16",
    });
  });

  it("deletes a profile only after confirmation", async () => {
    const id = profileIds.get(SAMPLE.title) ?? "";
    await page
      .getByRole("navigation", { name: "Settings" })
      .getByRole("link", {
        name: "Callback Profiles",
      })
      .click();
    const dialog = page.getByRole("alertdialog", { name: `Delete ${RENAMED}?` });

    await table()
      .getByRole("button", { name: `Delete ${RENAMED}` })
      .click();
    await visible(dialog);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "hidden" });
    expect((await profilesApi(`/${id}`)).status).toBe(200);

    await table()
      .getByRole("button", { name: `Delete ${RENAMED}` })
      .click();
    await dialog.getByRole("button", { name: "Delete profile" }).click();
    await visible(statusMessage(page, "Profile deleted successfully"));
    await expectShownTitles([POST_SAMPLE.title]);
    expect((await profilesApi(`/${id}`)).status).toBe(404);
    expect(await listedTitles()).toEqual([POST_SAMPLE.title]);
  });

  it("switches on the weekly and monthly callback reports for two addresses", async () => {
    await page
      .getByRole("navigation", { name: "Settings" })
      .getByRole("link", {
        name: "Notification",
      })
      .click();
    await visible(page.getByRole("heading", { level: 1, name: "Notification" }));
    await page.getByRole("switch", { name: "Callback Report" }).check();
    const frequency = page.getByRole("group", { name: "Frequency" });
    await frequency.getByRole("checkbox", { name: "Weekly" }).check();
    await frequency.getByRole("checkbox", { name: "Monthly" }).check();
    await page.getByRole("textbox", { name: "Email Addresses" }).fill("ops@acme.com, cto@acme.com");
    await page.getByRole("button", { name: "Save" }).click();
    await visible(statusMessage(page, "Callback report settings updated successfully"));

    const saved = await callApi(
      `${running.api.base}/settings/callback-report`,
      running.credentials.apiKey,
    );
    expect(saved.status).toBe(200);
    expect(saved.body.data).toEqual({
      enabled: true,
      frequencies: ["weekly", "monthly"],
      emails: "ops@acme.com, cto@acme.com",
    });

    await page.reload();
    await visible(page.getByRole("heading", { level: 1, name: "Notification" }));
    expect(await page.getByRole("switch", { name: "Callback Report" }).isChecked()).toBe(true);
    expect(await frequency.getByRole("checkbox", { name: "Daily" }).isChecked()).toBe(false);
    expect(await frequency.getByRole("checkbox", { name: "Weekly" }).isChecked()).toBe(true);
    expect(await frequency.getByRole("checkbox", { name: "Monthly" }).isChecked()).toBe(true);
  });

  it("at 390 px the list and the form fit the screen (only the table scrolls sideways)", async () => {
    const phone = await newConsoleContext(browser, PHONE_VIEWPORT);
    try {
      const small = await phone.newPage();
      await signIn(small, running.rebound.url, running.credentials);
      const region = await visible(small.getByRole("region", { name: "Callback profiles table" }));
      await visible(region.getByRole("rowheader", { name: POST_SAMPLE.title }));
      expect(await pageOverflow(small)).toEqual({
        scrollWidth: 390,
        clientWidth: 390,
        offenders: [],
      });
      // The wide table scrolls inside its region, and its row actions can be reached there.
      const scroll = await region.evaluate((element) => {
        const box = element as unknown as { scrollWidth: number; clientWidth: number };
        return { scrollWidth: box.scrollWidth, clientWidth: box.clientWidth };
      });
      expect(scroll.scrollWidth).toBeGreaterThan(scroll.clientWidth);
      await region
        .getByRole("button", { name: `Delete ${POST_SAMPLE.title}` })
        .scrollIntoViewIfNeeded();

      await small.getByRole("link", { name: "Create New" }).click();
      await visible(small.getByRole("heading", { level: 1, name: "Create callback profile" }));
      await small.getByRole("switch", { name: "Enable Encryption" }).check();
      await visible(small.getByLabel("Key", { exact: true }));
      expect(await pageOverflow(small)).toEqual({
        scrollWidth: 390,
        clientWidth: 390,
        offenders: [],
      });
      for (const control of [
        small.getByLabel("Name", { exact: true }),
        small.getByLabel("URL", { exact: true }),
        small.getByLabel("Body", { exact: true }),
        small.getByLabel("Key", { exact: true }),
        small.getByRole("button", { name: "Save" }),
      ]) {
        const box = await control.boundingBox();
        expect(box?.x).toBeGreaterThanOrEqual(0);
        expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
      }
    } finally {
      await phone.close();
    }
  });
});
