import { chromium, type Browser, type BrowserContext } from "playwright-core";

/**
 * What the pages of the open browsers did that a failed journey's reader needs: every API call that
 * changes something (with its answer and time), every failed answer or request, every error in a
 * page's console. onFailure.ts prints it with screenshots when a test fails, so a failure in CI says
 * whether the click reached the server and what came back.
 */
const journal: string[] = [];
const openBrowsers = new Set<Browser>();
const started = Date.now();

function note(line: string): void {
  journal.push(`${((Date.now() - started) / 1000).toFixed(1)}s ${line}`);
  if (journal.length > 400) journal.splice(0, journal.length - 400);
}

function watch(context: BrowserContext): void {
  context.on("requestfinished", (request) => {
    request.response().then(
      (response) => {
        const status = response?.status() ?? 0;
        const url = new URL(request.url());
        const changes = request.method() !== "GET" && url.pathname.startsWith("/api/");
        if (changes || status >= 400) note(`${request.method()} ${url.pathname}${url.search} → ${status} in ${Math.round(request.timing().responseEnd)} ms`);
      },
      // The journey may close its page meanwhile; a diagnostic must never fail the run.
      () => undefined,
    );
  });
  context.on("requestfailed", (request) => note(`${request.method()} ${new URL(request.url()).pathname} failed: ${request.failure()?.errorText ?? "?"}`));
  context.on("console", (message) => {
    if (message.type() === "error") note(`console error: ${message.text().slice(0, 300)}`);
  });
  context.on("weberror", (error) => note(`page error: ${error.error().message.slice(0, 300)}`));
}

/** Debian's Chromium, headless, with the flags this offline machine needs (no background networking). */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  openBrowsers.add(browser);
  browser.on("disconnected", () => openBrowsers.delete(browser));
  // Every journey makes its contexts through browser.newContext (browser.newPage calls it too);
  // wrapping it here watches them all without each test file having to remember to. The pages ask
  // for reduced motion, which the app honours (theme.ts): a dialog zooming in or a dropdown sliding
  // and re-aligning after Playwright scrolled moved the target between its mouse press and release,
  // and the click was lost (seen in full runs on this machine: a select left empty, a button that
  // sent nothing).
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext({ reducedMotion: "reduce", ...options });
    watch(context);
    return context;
  };
  return browser;
}

/** The browsers still open and the journal's last lines, for onFailure.ts. */
export function failureEvidence(): { browsers: Browser[]; journal: string[] } {
  return { browsers: [...openBrowsers], journal: journal.slice(-60) };
}
