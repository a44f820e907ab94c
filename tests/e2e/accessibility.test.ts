/**
 * axe-core over the page in headless Chromium: the preview host and each pane of the task pane beside it — 模板 (also
 * with its fields refused), 校验 after a check with findings (one selected), 导出 — with no violation of ours.
 */
import type { AxeResults } from "axe-core";
import type { Page } from "playwright-core";
import { usePreviewHost, type PreviewPage } from "../support/browser";

jest.setTimeout(180_000);

const host = usePreviewHost();

/**
 * axe goes in as a script tag, which Playwright writes inline: the page's Content-Security-Policy (script-src 'self')
 * refuses inline scripts, so these pages, and only these, are opened with the policy lifted (preview.test.ts checks it).
 */
const open = (query: string) => host.open(query, { bypassCSP: true });

/** The preview on one of its samples, the task pane on `pane`. */
async function openSample(id: string, pane: "校验" | "导出"): Promise<PreviewPage> {
  const page = await open(`?sample=${id}`);
  await page.getByTestId("preview-note").waitFor();
  await page.getByRole("tab", { name: pane, exact: true }).click();
  return page;
}

/**
 * Fluent's focus management (tabster) puts focusable, aria-hidden dummy elements at the edges of focus groups, so
 * that Tab leaves a group where it should; axe calls them aria-hidden-focus. They are Fluent's, not ours, and hand
 * focus on at once.
 */
const FLUENT_OWN = "[data-tabster-dummy]";

/** The rule ids axe finds broken on the whole page, each with the elements that break it. */
async function violations(page: Page): Promise<Record<string, string[]>> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: require.resolve("axe-core") });
  const results = await page.evaluate(
    (exclude) => (window as unknown as { axe: { run: (c: unknown) => Promise<AxeResults> } }).axe.run({ exclude: [[exclude]] }),
    FLUENT_OWN,
  );
  return Object.fromEntries(results.violations.map((v) => [v.id, v.nodes.map((n) => n.target.join(" "))]));
}

/** No violation of ours and no error on the page; the page closed whatever the outcome. */
async function expectClean(page: PreviewPage, steps: () => Promise<void> = async () => {}): Promise<void> {
  try {
    await steps();
    expect(await violations(page)).toEqual({});
    expect(page.errors).toEqual([]);
  } finally {
    await page.close();
  }
}

test("模板: the preview host and the pane, also with its fields refused", async () => {
  const page = await open("?empty");
  await expectClean(page, async () => {
    await page.getByRole("button", { name: "插入表格" }).waitFor();
    expect(await violations(page)).toEqual({});
    await page.getByRole("spinbutton", { name: "预算年度" }).fill("");
    await page.getByRole("button", { name: "插入表格" }).click();
    await page.getByText("请填写部门名称。").waitFor();
  });
});

test("校验: after a check with findings, one of them selected, with the sample's grid beside it", async () => {
  const page = await openSample("datong-2023", "校验");
  await expectClean(page, async () => {
    await page.getByRole("button", { name: "开始校验" }).click();
    await page.getByTestId("finding-list").locator("button[data-rule]").first().click();
    await page.getByTestId("finding-list").locator('button[aria-current="true"]').waitFor();
  });
});

test("导出", async () => {
  const page = await openSample("jincheng-2023", "导出");
  await expectClean(page, () => page.getByRole("button", { name: "开始导出" }).waitFor());
});
