import type { Locator, Page } from "playwright-core";
import type { AccountCredentials } from "./account-api.ts";
import { BROWSER_ACTION_TIMEOUT_MS } from "./chromium.ts";

/** What the profile form is filled with: the API's create body, as the seed's sample has it. */
export interface ProfileFormInput {
  title: string;
  http_method: "GET" | "POST" | "PUT" | "DELETE";
  url: string;
  headers?: Readonly<Record<string, string>>;
  body?: Readonly<Record<string, unknown>>;
  channel?: string;
  events?: string;
  response_message?: string;
  enc?: Readonly<{ algo: string; key: string; IV: string }>;
}

/** Waits (bounded) until `locator` is visible and returns it, for chaining reads. */
export async function visible(locator: Locator): Promise<Locator> {
  await locator.waitFor({ state: "visible", timeout: BROWSER_ACTION_TIMEOUT_MS });
  return locator;
}

/** A `role="status"` message with exactly this text. */
export function statusMessage(page: Page, text: string): Locator {
  return page.getByRole("status").filter({ hasText: text });
}

/** Opens the console at `url` and signs in; resolves once the profiles list is shown. */
export async function signIn(page: Page, url: string, credentials: AccountCredentials) {
  await page.goto(`${url}/`);
  await page.getByLabel("Account SID").fill(credentials.sid);
  await page.getByLabel("API key").fill(credentials.apiKey);
  await page.getByRole("button", { name: "Sign in" }).click();
  await visible(page.getByRole("heading", { level: 1, name: "Callback Profiles" }));
}

/** Fills the create/edit form's fields that `input` has, the way a person would. */
export async function fillProfileForm(page: Page, input: ProfileFormInput) {
  await page.getByLabel("Name", { exact: true }).fill(input.title);
  await page.getByLabel("HTTP Method").selectOption(input.http_method);
  await page.getByLabel("URL", { exact: true }).fill(input.url);
  const headers = Object.entries(input.headers ?? {});
  for (const [index, [name, value]] of headers.entries()) {
    if (index > 0) await page.getByRole("button", { name: "Add header" }).click();
    await page.getByLabel(`Header ${index + 1} key`).fill(name);
    await page.getByLabel(`Header ${index + 1} value`).fill(value);
  }
  if (input.body !== undefined) {
    await page.getByLabel("Body type").selectOption("json");
    await page.getByLabel("Body", { exact: true }).fill(JSON.stringify(input.body, null, 2));
  }
  if (input.channel !== undefined) await page.getByLabel("Channel").selectOption(input.channel);
  if (input.events !== undefined) await page.getByLabel("Events").fill(input.events);
  if (input.response_message !== undefined) {
    await page.getByLabel("Response message").fill(input.response_message);
  }
  if (input.enc !== undefined) await fillEncryption(page, input.enc);
}

/** Turns Enable Encryption on and fills algorithm, key and IV. */
export async function fillEncryption(
  page: Page,
  enc: Readonly<{ algo: string; key: string; IV: string }>,
) {
  await page.getByRole("switch", { name: "Enable Encryption" }).check();
  await page.getByLabel("Algorithm").selectOption(enc.algo);
  await page.getByLabel("Key", { exact: true }).fill(enc.key);
  await page.getByLabel("Initialization Vector").fill(enc.IV);
}

export interface PageOverflow {
  /** The page's scrollable width against its visible width: equal when nothing sticks out. */
  scrollWidth: number;
  clientWidth: number;
  /** Elements reaching past the right edge outside any scrolling or clipping box. */
  offenders: string[];
}

/** Minimal DOM shapes for the function run in the page (tools compile without the DOM lib). */
interface DomElement {
  tagName: string;
  className: unknown;
  parentElement: DomElement | null;
  getBoundingClientRect(): { right: number; width: number };
}
interface DomWindow {
  document: {
    documentElement: { scrollWidth: number; clientWidth: number };
    body: { querySelectorAll(selector: string): ArrayLike<DomElement> };
  };
  getComputedStyle(element: DomElement): { overflowX: string };
}

/**
 * How far the page sticks out to the right. Content inside a box that scrolls or clips
 * horizontally (the tables' scroll regions) does not count: only the page body itself.
 */
export function pageOverflow(page: Page): Promise<PageOverflow> {
  return page.evaluate(() => {
    const dom = globalThis as unknown as DomWindow;
    const root = dom.document.documentElement;
    const offenders: string[] = [];
    for (const element of Array.from(dom.document.body.querySelectorAll("*"))) {
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 || rect.right <= root.clientWidth + 1) continue;
      let clipped = false;
      // The body and the root themselves must not clip: that would hide the overflow.
      for (
        let up = element.parentElement;
        up !== null && up.tagName !== "BODY" && !clipped;
        up = up.parentElement
      ) {
        clipped = dom.getComputedStyle(up).overflowX !== "visible";
      }
      if (!clipped) offenders.push(`${element.tagName.toLowerCase()}.${String(element.className)}`);
    }
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, offenders };
  });
}
