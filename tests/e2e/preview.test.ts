/**
 * The whole add-in in headless Chromium against the preview host: the task pane inserts the official
 * tables into the in-memory workbook, and the grid shows them.
 */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type { Locator, Page } from "playwright-core";
import { cellAt as cell, loadSampleFromMenu, sheetTab, usePreviewHost, type PreviewPage } from "../support/browser";

jest.setTimeout(120_000);

const host = usePreviewHost();

async function open(query = ""): Promise<PreviewPage> {
  const page = await host.open(query);
  await page.getByRole("button", { name: "插入表格" }).waitFor();
  return page;
}

/** Through the 模板 pane: only the tables numbered `numbers`, then 插入表格. */
async function insertOnly(page: Page, ...numbers: number[]): Promise<void> {
  await page.getByRole("checkbox", { name: "全选" }).uncheck();
  for (const n of numbers) await page.getByRole("checkbox", { name: new RegExp(`^${n}\\. `) }).check();
  await page.getByRole("button", { name: "插入表格" }).click();
}

const tab = (page: Page, name: string) => page.getByRole("tab", { name, exact: true });

async function status(page: Page): Promise<string> {
  const box = page.getByTestId("template-status").filter({ hasText: /\S/ });
  await box.waitFor();
  return (await box.innerText()).trim();
}

test("inserts all 13 tables through the task pane into an empty workbook, under a Content-Security-Policy", async () => {
  const page = await open("?empty");
  // Scripts and connections only from the page's own origin and Office's CDN (page.errors holds what it refuses).
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com");
  expect(csp).toContain("connect-src 'self' https://appsforoffice.microsoft.com;");
  expect(csp).toContain("object-src 'none'");
  // The pack's version, publisher, year and content hash under its name: what the workbook's stamp will record.
  expect(await page.getByText(/^版本 1\.0\.1，山西省财政厅发布，2023 年度；内容摘要 [0-9a-f]{16}$/).count()).toBe(1);
  await page.getByLabel("部门名称").fill("晋城市商务局");
  const year = page.getByRole("spinbutton", { name: "预算年度" });
  await year.fill("2023");
  await year.press("Tab");
  await page.getByRole("button", { name: "插入表格" }).click();
  expect(await status(page)).toMatch(/^已插入 13 张表/);

  const tabs = await page.getByRole("tablist", { name: "工作表" }).getByRole("tab").allInnerTexts();
  expect(tabs).toHaveLength(13);
  expect(tabs[0]).toBe("表1 预算收支总表");
  expect(tabs[12]).toBe("表13 项目支出表（上年结转）");

  await tab(page, "表1 预算收支总表").click();
  expect(await cell(page, "A1").innerText()).toBe("预算公开表1");
  expect(await cell(page, "A2").innerText()).toBe("2023年预算收支总表");
  expect(await cell(page, "A2").getAttribute("colspan")).toBe("6");
  expect(await cell(page, "A3").innerText()).toBe("部门名称：晋城市商务局");
  expect(await cell(page, "F3").innerText()).toBe("单位：万元");
  expect(await cell(page, "A4").getAttribute("colspan")).toBe("2");
  expect(await cell(page, "C4").getAttribute("colspan")).toBe("4");
  expect(await cell(page, "C6").innerText()).toBe("一、一般公共服务支出");
  expect(await cell(page, "C35").innerText()).toBe("三十、抗疫特别国债安排的支出");
  expect(await cell(page, "A36").innerText()).toBe("本年收入合计");

  await tab(page, "表10 三公经费支出表").click();
  expect(await cell(page, "A2").innerText()).toBe("2023年一般公共预算“三公”经费支出预算表");
  expect(await cell(page, "A6").innerText()).toBe("因公出国（境）费");
  expect(await cell(page, "A11").innerText()).toBe("合计");

  await tab(page, "表12 项目支出表（本年）").click();
  expect(await cell(page, "C4").innerText()).toBe("2023年财政拨款");
  expect(await cell(page, "A6").innerText()).toBe("1");
  expect(page.errors).toEqual([]);
  await page.close();
});

test("never overwrites: a taken sheet name is renamed or skipped, the sample stays as it was", async () => {
  const page = await open();
  await tab(page, "表1 预算收支总表").waitFor();
  await insertOnly(page, 1, 10);

  const dialog = page.getByRole("alertdialog");
  await dialog.waitFor();
  expect(await dialog.getByRole("group").count()).toBe(2);
  // Keep the proposed new name for 表1, skip 表10.
  await dialog.getByRole("group", { name: "表10 三公经费支出表" }).getByRole("radio", { name: "跳过" }).check();
  await dialog.getByRole("button", { name: "继续插入" }).click();
  const text = await status(page);
  expect(text).toContain("已插入 1 张表：表1 预算收支总表 (2)");
  expect(text).toContain("已跳过：表10 三公经费支出表");

  await tab(page, "表1 预算收支总表").click();
  expect(await cell(page, "B6").innerText()).toBe("5,307.69");
  await tab(page, "表1 预算收支总表 (2)").click();
  expect(await cell(page, "B6").innerText()).toBe("");
  expect(await cell(page, "A2").innerText()).toBe("2023年预算收支总表");
  await page.close();
});

test("cancelling the conflict question changes nothing", async () => {
  const page = await open();
  await tab(page, "表1 预算收支总表").waitFor();
  await insertOnly(page, 3);
  await page.getByRole("alertdialog").getByRole("button", { name: "取消" }).click();
  expect(await status(page)).toBe("已取消，工作簿未做修改。");
  // The closing dialog hides the page from the accessibility tree for a moment.
  await page.getByRole("alertdialog").waitFor({ state: "detached" });
  await tab(page, "表1 预算收支总表").waitFor();
  // The sample's 13 tables and its 公开文本, 说明数据, 绩效目标表, 名词解释 and 目录.
  expect(await page.getByRole("tablist", { name: "工作表" }).getByRole("tab").count()).toBe(18);
  await page.close();
});

test("codes chosen from the catalogue become rows with their parents; a typed code gets its name", async () => {
  const page = await open("?empty");
  await page.getByLabel("部门名称").fill("测试部门");
  await page.getByRole("checkbox", { name: "全选" }).uncheck();
  await page.getByRole("checkbox", { name: /^3\. / }).check();
  const search = page.getByRole("searchbox", { name: "搜索科目" });
  await search.fill("2011301");
  await page.getByRole("button", { name: "添加 2011301 行政运行" }).click();
  // Its only match added, the box is cleared for the next code; searching it again says it is chosen, not missing.
  expect(await search.inputValue()).toBe("");
  await search.fill("2011301");
  await page.getByText("匹配的科目都已添加").waitFor();
  await search.fill("");
  await page.getByRole("button", { name: "插入表格" }).click();
  expect(await status(page)).toMatch(/^已插入 1 张表/);
  expect(await cell(page, "A7").innerText()).toBe("201");
  expect(await cell(page, "B7").innerText()).toBe("一般公共服务支出");
  expect(await cell(page, "A8").innerText()).toBe("20113");
  expect(await cell(page, "B9").innerText()).toBe("行政运行");

  await cell(page, "A10").click();
  const formula = page.getByLabel("单元格内容");
  await formula.fill("2080505");
  await formula.press("Enter");
  // The name arrives after the edit event's read and write: wait for it, then check it exactly.
  await cell(page, "B10").filter({ hasText: "机关事业" }).waitFor({ timeout: 5000 });
  expect(await cell(page, "B10").innerText()).toBe("机关事业单位基本养老保险缴费支出");
  await page.close();
});

test("a malformed pack file is rejected with a message naming the field", async () => {
  const page = await open("?empty");
  const tmp = mkdtempSync(join(tmpdir(), "pack-"));
  const file = join(tmp, "bad-pack.json");
  writeFileSync(file, JSON.stringify({ id: "bad", version: "1", name: "坏模板", unit: "万元", emptyNote: "注", tables: [{ id: "X1" }] }));
  await page.getByTestId("pack-file").setInputFiles(file);
  const text = await status(page);
  expect(text).toMatch(/^模板包格式错误：/);
  expect(text).toContain("tables[0].id");
  rmSync(tmp, { recursive: true, force: true });
  await page.close();
});

/** Whether `locator` lies wholly inside the task pane's visible part (the pane scrolls on its own beside the grid). */
const inView = (locator: Locator) =>
  locator.evaluate((e) => {
    const box = e.getBoundingClientRect();
    const pane = e.closest("aside")!.getBoundingClientRect();
    return box.height > 0 && box.top >= pane.top && box.bottom <= Math.min(pane.bottom, window.innerHeight);
  });

/** What a screen reader reads with a control besides its name: the texts its aria-describedby points to. */
const description = (locator: Locator) =>
  locator.evaluate((e) =>
    (e.getAttribute("aria-describedby") ?? "")
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" "),
  );

test("an empty 部门名称 or 预算年度 is refused with our Chinese message beside the field, never the browser's bubble", async () => {
  const page = await open("?empty");
  // The browser bubbles only for a form that validates itself ("Please fill out this field.", in English).
  expect(await page.locator("form").evaluate((f: HTMLFormElement) => f.noValidate || f.checkValidity())).toBe(true);
  const department = page.getByRole("textbox", { name: "部门名称" });
  await page.getByRole("button", { name: "插入表格" }).click();
  await expect(department.getAttribute("aria-invalid")).resolves.toBe("true");
  await expect(description(department)).resolves.toContain("请填写部门名称。");
  await expect(department.evaluate((e) => e === document.activeElement)).resolves.toBe(true);

  await department.fill("测试部门");
  await expect(department.getAttribute("aria-invalid")).resolves.not.toBe("true");
  const year = page.getByRole("spinbutton", { name: "预算年度" });
  await year.fill("");
  await year.press("Tab");
  await page.getByRole("button", { name: "插入表格" }).click();
  await expect(year.getAttribute("aria-invalid")).resolves.toBe("true");
  await expect(description(year)).resolves.toContain("预算年度应为 2000 到 2100 之间的整数。");
  await expect(year.evaluate((e) => e === document.activeElement)).resolves.toBe(true);
  // Nothing was inserted: the workbook has no sheet and the pane says nothing was.
  await expect(page.getByRole("tablist", { name: "工作表" }).getByRole("tab").count()).resolves.toBe(0);
  await expect(page.getByTestId("template-status").innerText()).resolves.not.toMatch(/已插入/);
  await page.close();
});

test("the insert's result shows where the user looks: in view after 插入表格", async () => {
  const page = await open("?empty");
  await page.getByLabel("部门名称").fill("测试部门");
  await page.getByRole("button", { name: "插入表格" }).click();
  const result = page.getByTestId("template-status").getByText(/^已插入 13 张表/);
  await result.waitFor();
  await expect(inView(result)).resolves.toBe(true);
  await page.close();
});

test("loading another sample keeps the task pane on its tab", async () => {
  const page = await open();
  await tab(page, "校验").click();
  await loadSampleFromMenu(page, "datong-2023");
  await expect(tab(page, "校验").getAttribute("aria-selected")).resolves.toBe("true");
  await page.getByRole("button", { name: "开始校验" }).waitFor();
  await page.close();
});

test("typing into a selected cell starts an edit; an amount typed is a number, a code typed stays a code", async () => {
  const page = await open();
  await sheetTab(page, "表1 预算收支总表").click();
  // The blank 政府性基金预算 income amount, right of its caption.
  const caption = page.locator("td", { hasText: /^二、政府性基金预算$/ }).first();
  const ref = (await caption.getAttribute("data-cell"))!;
  const amount = `B${ref.slice(1)}`;
  await cell(page, amount).click();
  await page.keyboard.type("500");
  await page.keyboard.press("Enter");
  await cell(page, amount).filter({ hasText: "500.00" }).waitFor();
  expect(await cell(page, amount).innerText()).toBe("500.00");

  // A code cell of 表2 keeps what is typed as text: 2011301 is no number 2,011,301.00.
  await sheetTab(page, "表2 预算收入总表").click();
  const code = page.locator("td", { hasText: /^2011301$/ }).first();
  await code.click();
  await page.keyboard.type("2011302");
  await page.keyboard.press("Enter");
  await page.locator("td", { hasText: /^2011302$/ }).first().waitFor();
  expect(await page.locator("td", { hasText: /^2,011,302\.00$/ }).count()).toBe(0);
  expect(page.errors).toEqual([]);
  await page.close();
});
