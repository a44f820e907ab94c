/** Builds the task pane bundle, serves it on loopback and drives Debian's Chromium — for end-to-end tests and screenshots. */
import { existsSync, mkdtempSync, readFile, rmSync } from "fs";
import { createServer, type Server } from "http";
import { tmpdir } from "os";
import { extname, join, normalize } from "path";
import { chromium, type Browser, type Page } from "playwright-core";
import webpack from "webpack";
import { SAMPLE_ENTRIES } from "../../src/preview/samples";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export type BuildMode = "development" | "production";

/** `env`: what `webpack --env` would pass (a bureau's build: packs, url); `mode`: production is what `npm run build` ships. */
export async function buildBundle(env: Record<string, string> = {}, mode: BuildMode = "development"): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), "budget-preview-"));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require("../../webpack.config.js")(env, { mode });
  config.output.path = out;
  config.devtool = false;
  await new Promise<void>((resolve, reject) =>
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString("errors-only")));
      resolve();
    }),
  );
  return out;
}

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".png": "image/png" };

export async function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = normalize(join(dir, decodeURIComponent((req.url ?? "/").split("?")[0])));
    if (!path.startsWith(dir)) {
      res.statusCode = 403;
      return res.end();
    }
    readFile(path, (err, data) => {
      if (err) {
        res.statusCode = 404;
        return res.end();
      }
      res.setHeader("content-type", TYPES[extname(path)] ?? "application/octet-stream");
      res.end(data);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`找不到 Chromium（${CHROMIUM}）：请先安装 Debian 的 chromium 软件包，或设置 CHROMIUM_PATH。`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

export type PreviewPage = Page & { errors: string[] };

/**
 * For an e2e test file: builds the bundle, serves it and starts Chromium before its tests, and tears it all down
 * after. `open(query)` gives a page on preview.html that collects uncaught page errors, what the page's
 * Content-Security-Policy refused, and any of its files the server answered with an error (404), in `page.errors`; `bypassCSP` lifts that policy, for a test that injects a script.
 */
export function usePreviewHost(env?: () => Record<string, string>, mode: BuildMode = "development"): {
  open(query?: string, options?: { bypassCSP?: boolean }): Promise<PreviewPage>;
  dir(): string;
} {
  let dir: string | undefined;
  let server: { url: string; close: () => Promise<void> } | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    dir = await buildBundle(env?.(), mode);
    server = await serve(dir);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return {
    dir: () => dir!,
    async open(query = "", options = {}) {
      const page = (await browser!.newPage({ viewport: { width: 1400, height: 900 }, ...options })) as PreviewPage;
      page.errors = [];
      page.on("pageerror", (e) => page.errors.push(e.message));
      // What the Content-Security-Policy refuses is an error too: Chromium says so only on the console.
      // All but office.js's telemetry frame, which the policy blocks on purpose (webpack.config.js).
      page.on("console", (m) => {
        const text = m.text();
        if (m.type() === "error" && /Content Security Policy/.test(text) && !/^Framing 'https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\//.test(text))
          page.errors.push(text);
      });
      // A file of ours the page asks for and the server does not have (a favicon, a chunk) is an error too.
      page.on("response", (r) => {
        if (r.status() >= 400 && r.url().startsWith(server!.url)) page.errors.push(`${r.status()} ${r.url()}`);
      });
      await page.goto(`${server!.url}/preview.html${query}`);
      return page;
    },
  };
}

/** The preview's grid, one of its cells, and a sheet tab under it. */
export const grid = (page: Page) => page.locator("table[role=grid]");
export const cellAt = (page: Page, ref: string) => grid(page).locator(`td[data-cell="${ref}"]`);
export const sheetTab = (page: Page, name: string) => page.getByRole("tablist", { name: "工作表" }).getByRole("tab", { name, exact: true });

/**
 * Loads a sample through the preview's 载入示例 menu (by its id, e.g. shanghai-commerce-2025), with the mouse or the
 * keyboard, and waits until its tables are in the workbook.
 */
export async function loadSampleFromMenu(page: Page, id: string, by: "mouse" | "keyboard" = "mouse"): Promise<void> {
  const entry = SAMPLE_ENTRIES.find((e) => e.id === id);
  if (!entry) throw new Error(`没有示例 ${id}`);
  const button = page.getByRole("button", { name: "载入示例" });
  const item = page.getByRole("menuitem", { name: entry.label, exact: true });
  if (by === "mouse") {
    await button.click();
    await item.click();
  } else {
    // Enter opens the menu on its first item; the arrow keys walk the items, Enter takes one.
    await button.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("menu").waitFor();
    for (let i = 0; i < SAMPLE_ENTRIES.length && !(await item.evaluate((e) => e === document.activeElement)); i++) await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
  }
  await page.getByTestId("preview-note").getByText(`已载入${entry.sample.department} ${entry.sample.year} 年的示例数据`).waitFor();
}

/** A blank preview with one of its samples loaded (all its tables) through the 载入示例 menu, on the task pane's `pane` tab. */
export async function openSample(host: ReturnType<typeof usePreviewHost>, id: string, pane: "校验" | "导出"): Promise<PreviewPage> {
  const page = await host.open("?empty");
  await loadSampleFromMenu(page, id);
  await page.getByRole("tab", { name: pane, exact: true }).click();
  return page;
}
