// End-to-end: the explorer page built with Vite, served on loopback, driven in headless Chromium
// (Debian's package, through playwright-core; no browser download). Skipped, with a message,
// where Chromium is not installed.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
const ROOT = new URL("..", import.meta.url).pathname;
const DIST = join(ROOT, "site", "dist");
const ARTEFACTS = join(ROOT, "test-results");

if (!hasChromium)
  console.warn(
    `site end-to-end test skipped: no Chromium at ${CHROMIUM}. Install it with \`apt-get install chromium\` (Debian) or set CHROMIUM_PATH.`,
  );

const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json" };

describe.skipIf(!hasChromium)("the explorer page", () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    execFileSync(process.execPath, [join(ROOT, "node_modules/vite/bin/vite.js"), "build", "--config", "site/vite.config.ts", "--logLevel", "error"], {
      cwd: ROOT,
      stdio: "inherit",
    });
    server = createServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const file = normalize(join(DIST, url.pathname === "/" ? "index.html" : decodeURIComponent(url.pathname)));
      if (!file.startsWith(DIST) || !existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // Nothing may be fetched from anywhere but the page's own server.
    await page.route("**/*", (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  const requirementOf = (code: string) => page.getAttribute(`path[data-code="${code}"]`, "data-requirement");

  it("colours Turkey visa-free for a Tajik passport in 2019 and visa required in 2024, and shows its history and sources", async () => {
    await page.goto(`${base}/?p=TJ&d=2019-06-01`);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await requirementOf("TR")).toBe("visa-free");
    expect(await page.textContent("#score")).toMatch(/Mobility score \d+/);

    await page.fill("#date", "2024-05-01");
    await page.dispatchEvent("#date", "change");
    await expect.poll(() => requirementOf("TR")).toBe("visa-required");

    await page.click('path[data-code="TR"]');
    await page.waitForSelector("#timeline div[data-requirement]");
    const bands = await page.$$eval("#timeline div[data-requirement]", (els) => els.map((e) => e.getAttribute("data-requirement")));
    expect(bands).toEqual(expect.arrayContaining(["visa-free", "visa-required"]));
    expect(await page.$$eval("#sources a[href^='https://']", (els) => els.length)).toBeGreaterThan(0);

    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ p: "TJ", d: "2024-05-01", c: "TR" });
    expect(await page.textContent("#changes")).toMatch(/2024-04-20: Turkey — visa-free .*→ visa-required/);

    mkdirSync(ARTEFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTEFACTS, "site.png"), fullPage: true });
  }, 60_000);

  it("restores a shared view from its URL", async () => {
    await page.goto(`${base}/?p=US&d=2025-06-01&c=GB`);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.inputValue("#passport")).toBe("US");
    expect(await page.textContent("#detail h2")).toMatch(/United States → United Kingdom/);
    expect(await requirementOf("GB")).toBe("eta");
  }, 60_000);
});
