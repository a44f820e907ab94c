/**
 * The 校验 pane in headless Chromium against the preview host: the 大同 sample's known errors are found,
 * a finding leads to its cell, marks colour the cells and clearing them leaves every cell as it was.
 */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type { Locator, Page } from "playwright-core";
import { cellAt, grid, openSample, sheetTab, usePreviewHost } from "../support/browser";

jest.setTimeout(180_000);

const host = usePreviewHost();

const open = (sample: "datong-2023" | "jincheng-2023") => openSample(host, sample, "校验");


const status = (page: Page) => page.getByTestId("check-status");

async function check(page: Page): Promise<Locator> {
  await page.getByRole("button", { name: "开始校验" }).click();
  const summary = page.getByTestId("check-summary");
  await summary.waitFor();
  return summary;
}

/** The count on a severity badge of the summary, e.g. 错误 3. */
async function count(summary: Locator, severity: "错误" | "警告" | "提示"): Promise<number> {
  const text = await summary.getByText(new RegExp(`^${severity} \\d+$`)).innerText();
  return Number(text.split(" ")[1]);
}

/** Every cell of every sheet as drawn: inline style, computed background, tooltip, note markers. */
async function looks(page: Page): Promise<Record<string, string>> {
  const all: Record<string, string> = {};
  const names = await page
    .getByRole("tablist", { name: "工作表" })
    .getByRole("tab")
    .evaluateAll((tabs) => tabs.map((t) => t.getAttribute("data-sheet") ?? ""));
  for (const name of names) {
    await sheetTab(page, name).click();
    await grid(page).and(page.locator(`[data-sheet="${name}"]`)).waitFor();
    const cells = await grid(page)
      .locator("td")
      .evaluateAll((tds) =>
        tds.map((td) => [
          td.getAttribute("data-cell"),
          [td.getAttribute("style"), getComputedStyle(td).backgroundColor, td.getAttribute("title"), td.querySelectorAll("[role=img]").length].join("|"),
        ]),
      );
    for (const [ref, look] of cells) all[`${name}!${ref}`] = look as string;
  }
  return all;
}

test("大同: finds the known errors, leads to the T01 cell, marks it and clears every mark", async () => {
  const page = await open("datong-2023");
  const summary = await check(page);
  expect(await count(summary, "错误")).toBeGreaterThan(0);
  expect(await summary.innerText()).toContain("表1 预算收支总表");

  const before = await looks(page);
  await sheetTab(page, "表5 一般公共预算支出表").click();

  // A04 or X02 on 表1 预算收支总表, the known errors of the 大同 sample.
  const finding = page.locator('button[data-table="T01"][data-severity="error"]:is([data-rule="A04"], [data-rule="X02"])').first();
  const ref = (await finding.getAttribute("data-cell"))!;
  await finding.click();
  await expect(grid(page).getAttribute("data-sheet")).resolves.toBe("表1 预算收支总表");
  await expect(cellAt(page, ref).getAttribute("aria-selected")).resolves.toBe("true");
  expect(await finding.getAttribute("aria-current")).toBe("true");
  const background = () => cellAt(page, ref).evaluate((td) => getComputedStyle(td).backgroundColor);
  const plain = await background();

  await page.getByRole("button", { name: "标记", exact: true }).click();
  await status(page).getByText(/^已标记 \d+ 个单元格/).waitFor();
  expect(await background()).not.toBe(plain);
  expect(await background()).toBe("rgb(255, 199, 206)");
  expect(await cellAt(page, ref).getByRole("img").getAttribute("aria-label")).toMatch(/^批注：【预算公开校验】/);

  await page.getByRole("button", { name: "清除标记" }).click();
  await status(page).getByText("已清除标记，单元格恢复为标记前的样子。").waitFor();
  expect(await looks(page)).toEqual(before);
  expect(page.errors).toEqual([]);
  await page.close();
});

test("a finding is reachable by keyboard, and shows its related cells", async () => {
  const page = await open("datong-2023");
  await check(page);
  const finding = page.locator('button[data-table="T01"][data-rule="A04"]').first();
  await finding.focus();
  await page.keyboard.press("Enter");
  const ref = (await finding.getAttribute("data-cell"))!;
  await expect(cellAt(page, ref).getAttribute("aria-selected")).resolves.toBe("true");
  expect(await grid(page).locator("td[data-related]").count()).toBeGreaterThan(0);
  await page.close();
});

test("filters narrow the list; the report goes to a new sheet, a second one beside it", async () => {
  const page = await open("datong-2023");
  await check(page);
  const items = page.getByTestId("finding-list").locator("button[data-rule]");
  const all = await items.count();
  await page.getByRole("checkbox", { name: /^警告/ }).uncheck();
  await page.getByRole("checkbox", { name: /^提示/ }).uncheck();
  const errors = await items.count();
  expect(errors).toBeGreaterThan(0);
  expect(errors).toBeLessThanOrEqual(all);
  // Shown out of all the findings, not out of those the filters let through.
  expect(await page.getByTestId("finding-list").getByText(/^显示 \d+ \/ \d+ 条$/).innerText()).toBe(`显示 ${errors} / ${all} 条`);
  expect(await page.getByTestId("finding-list").locator('button[data-severity]:not([data-severity="error"])').count()).toBe(0);
  await page.getByRole("searchbox").fill("A04");
  expect(await items.count()).toBeGreaterThan(0);
  expect(new Set(await items.evaluateAll((b) => b.map((e) => e.getAttribute("data-rule"))))).toEqual(new Set(["A04"]));

  await page.getByRole("button", { name: "生成报告" }).click();
  await status(page).getByText("已生成报告工作表“校验报告”。").waitFor();
  await page.getByRole("button", { name: "生成报告" }).click();
  await status(page).getByText("已生成报告工作表“校验报告 (2)”。").waitFor();
  await sheetTab(page, "校验报告").click();
  expect(await cellAt(page, "A1").innerText()).toBe("部门预算公开校验报告");
  await page.close();
});

test("晋城: no error-level finding; an edit is re-checked automatically", async () => {
  const page = await open("jincheng-2023");
  const summary = await check(page);
  expect(await count(summary, "错误")).toBe(0);
  expect(await page.locator('button[data-severity="error"]').count()).toBe(0);

  // 表1 B6 is 一般公共预算拨款收入: changing it unbalances the table.
  await sheetTab(page, "表1 预算收支总表").click();
  await cellAt(page, "B6").click();
  const formula = page.getByLabel("单元格内容");
  await formula.fill("1");
  await formula.press("Enter");
  await summary.getByText(/^错误 [1-9]\d*$/).waitFor({ timeout: 10_000 });
  await page.close();
});

test("an explained finding stays explained through a re-check, and comes back when its figure changes", async () => {
  const page = await open("datong-2023");
  const summary = await check(page);
  const errors = await count(summary, "错误");
  const finding = page.locator('button[data-table="T01"][data-rule="A04"]').first();
  const ref = (await finding.getAttribute("data-cell"))!;
  const item = page.getByTestId("finding-list").locator("li", { has: page.locator(`button[data-table="T01"][data-rule="A04"][data-cell="${ref}"]`) });

  await item.getByRole("button", { name: "标为已说明…" }).click();
  await item.getByRole("button", { name: "保存说明" }).click();
  await item.getByText("请填写说明理由。").waitFor();
  await item.getByLabel("说明理由").fill("政府性基金 559.68 万元经财政局确认列入本年收入");
  await item.getByRole("button", { name: "保存说明" }).click();
  await status(page).getByText("已保存说明，此问题不再计入错误和警告。").waitFor();
  await summary.getByText("已说明 1").waitFor();
  expect(await count(summary, "错误")).toBe(errors - 1);
  const explained = page.locator(`button[data-rule="A04"][data-cell="${ref}"][data-explained]`);
  await expect(explained.getByTestId("explanation").innerText()).resolves.toBe("已说明：政府性基金 559.68 万元经财政局确认列入本年收入");

  // Checked again: the figures are as they were, so it stays explained.
  await page.getByRole("button", { name: "开始校验" }).click();
  await summary.getByText("已说明 1").waitFor();
  expect(await explained.count()).toBe(1);
  expect(await count(summary, "错误")).toBe(errors - 1);

  // Another figure in its cell: the finding is back, unexplained (the automatic re-check after the edit).
  await sheetTab(page, "表1 预算收支总表").click();
  await cellAt(page, ref).click();
  const formula = page.getByLabel("单元格内容");
  await formula.fill("2800");
  await formula.press("Enter");
  await summary.getByText("已说明 1").waitFor({ state: "detached", timeout: 10_000 });
  expect(await page.locator(`button[data-rule="A04"][data-cell="${ref}"]:not([data-explained])`).count()).toBe(1);
  expect(await count(summary, "错误")).toBeGreaterThanOrEqual(errors);
  expect(page.errors).toEqual([]);
  await page.close();
});

test("a complete catalogue imported as CSV replaces the built-in one, and the check runs again", async () => {
  const page = await open("datong-2023");
  const summary = await check(page);
  const errors = await count(summary, "错误");
  expect(await page.locator('button[data-rule="C09"]').count()).toBe(0);

  // 大同's 表7 prints 103, 10301 and 1030148; an official list without 10301 makes 10301 an error.
  const tmp = mkdtempSync(join(tmpdir(), "catalog-"));
  const file = join(tmp, "收入分类科目.csv");
  writeFileSync(file, "\ufeff科目编码,科目名称\r\n103,非税收入\r\n1030148,国有土地使用权出让收入\r\n");
  await page.getByRole("combobox", { name: "目录类别" }).click();
  await page.getByRole("option", { name: "收入分类科目" }).click();
  await page.getByTestId("catalog-file").setInputFiles(file);
  await status(page).getByText("已导入 2023 年收入分类科目 2 条，按完整目录校验。").waitFor();
  await summary.getByText(`错误 ${errors + 1}`, { exact: true }).waitFor();
  expect(await page.locator('button[data-rule="C09"]').count()).toBe(1);
  rmSync(tmp, { recursive: true, force: true });
  await page.close();
});

test("a finding card keeps its severity stripe after another card is selected", async () => {
  const page = await open("datong-2023");
  await check(page);
  const items = page.getByTestId("finding-list").locator("button[data-rule]");
  const [first, second] = [items.nth(0), items.nth(1)];
  const stripe = (card: Locator) => card.evaluate((e) => [getComputedStyle(e).borderLeftWidth, getComputedStyle(e).borderLeftColor].join(" "));
  const before = await stripe(first);
  expect(before).toMatch(/^4px rgb/);
  await first.click();
  expect(await stripe(first)).toBe(before);
  await second.click();
  await expect(second.getAttribute("aria-current")).resolves.toBe("true");
  expect(await first.getAttribute("aria-current")).toBeNull();
  expect(await stripe(first)).toBe(before);
  await page.close();
});
