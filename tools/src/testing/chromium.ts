import { existsSync } from "node:fs";
import { type Browser, type BrowserContext, chromium } from "playwright-core";

/** Debian's Chromium; playwright-core drives it instead of downloading a browser of its own. */
export const CHROMIUM_PATH = "/usr/bin/chromium";
export const CHROMIUM_INSTALL_COMMAND = "apt-get update && apt-get install -y chromium";

/** Longest a single browser action or wait may take (playwright's own default is 30 s). */
export const BROWSER_ACTION_TIMEOUT_MS = 10_000;

export const DESKTOP_VIEWPORT = { width: 1280, height: 800 };
export const PHONE_VIEWPORT = { width: 390, height: 844 };

/**
 * Headless Chromium from CHROMIUM_PATH. A missing browser is an error, never a skip: CI
 * (`.ci/run`) installs it, and a developer gets the install command in the message.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}; the web console's browser tests need it. ` +
        `Install Debian's package: ${CHROMIUM_INSTALL_COMMAND}`,
    );
  }
  // Chromium refuses its sandbox to root (CI and these machines run as root).
  const asRoot = process.getuid?.() === 0;
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: asRoot ? ["--no-sandbox"] : [],
    timeout: 60_000,
  });
}

/**
 * A fresh browser context (own session storage) with fixed locale and time zone, so dates and
 * screenshots do not depend on the machine; actions time out after BROWSER_ACTION_TIMEOUT_MS.
 */
export async function newConsoleContext(
  browser: Browser,
  viewport: { width: number; height: number },
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport,
    locale: "en-US",
    timezoneId: "UTC",
    reducedMotion: "reduce",
  });
  context.setDefaultTimeout(BROWSER_ACTION_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(BROWSER_ACTION_TIMEOUT_MS);
  return context;
}
