/**
 * Two packs that are data only, through the whole task pane in headless Chromium against the preview host:
 * - the built-in 部门决算 pack: the 模板 pane inserts its nine tables (no year, no department line, as the national
 *   format prints them); the 普陀区财政局 2024 sample loads over them and 校验 finds only the two real problems of its
 *   published 情况说明 (X17), the year taken from the workbook's stamp; 导出 refuses them, and the draft downloads a
 *   部门决算 document named as such;
 * - a bureau's pack loaded from a file in the 模板 pane, with one rule and check of its own: the tables inserted with
 *   it carry it, 校验 reports its rule and 导出 is refused for it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { strFromU8, unzipSync } from "fflate";
import { cellAt as cell, loadSampleFromMenu, openSample, sheetTab, usePreviewHost } from "../support/browser";
import { bureauPack } from "../support/pack-versions";

jest.setTimeout(180_000);

const host = usePreviewHost();
let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "final-e2e-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const PACK = "上海市普陀区部门决算（2024 年度，全国统一格式）";
const DEPARTMENT = "上海市普陀区财政局";

test("模板 → 载入示例 → 校验: the 决算 tables inserted as the format prints them, the sample's two real problems found", async () => {
  const page = await host.open("?empty");
  try {
    await page.getByRole("combobox", { name: "模板包" }).click();
    await page.getByRole("option", { name: PACK }).click();
    await page.getByLabel("部门名称").fill(DEPARTMENT);
    const year = page.getByRole("spinbutton", { name: "预算年度" });
    await year.fill("2024");
    await year.press("Tab");
    expect(await page.getByRole("checkbox", { name: /^\d+\. / }).count()).toBe(9);
    await page.getByRole("button", { name: "插入表格" }).click();
    await page.getByTestId("template-status").filter({ hasText: /^已插入 9 张表/ }).waitFor();

    // The title without a year, and no 部门名称 line: only the unit over the header.
    await sheetTab(page, "表1 收入支出决算总表").click();
    expect(await cell(page, "A2").innerText()).toBe("收入支出决算总表");
    expect(await cell(page, "A3").innerText()).toBe("");
    expect(await cell(page, "D3").innerText()).toBe("单位：万元");

    await loadSampleFromMenu(page, "shanghai-finance-2024-final");
    await page.getByRole("tab", { name: "校验", exact: true }).click();
    await page.getByRole("button", { name: "开始校验" }).click();
    const summary = page.getByTestId("check-summary");
    // The published text: 财政拨款收入支出总计“0.3万元” (表4 总计 2,961.68) and 一般公共服务支出“占71.73%” (2,106.66 ÷ 2,940.05).
    await summary.getByText("错误 2", { exact: true }).waitFor();
    const errors = await page.locator('button[data-severity="error"]').allInnerTexts();
    expect(errors.map((t) => (t.includes("0.3") ? "总计" : t.includes("71.73") ? "占比" : t))).toEqual(expect.arrayContaining(["总计", "占比"]));
    expect(await page.getByTestId("check-basis").innerText()).toMatch(/^模板包：上海市普陀区部门决算（2024 年度，全国统一格式）（1\.\d+\.\d+）；找到 9\/9 张公开表，按 2024 年科目目录校验/);
    // The year is the stamp's: nothing asks for it.
    expect(await page.getByTestId("check-year").count()).toBe(0);
    expect(page.errors).toEqual([]);
  } finally {
    await page.close();
  }
});

test("导出: refused for the two errors; the draft is a 部门决算 document, named as one", async () => {
  const page = await openSample(host, "shanghai-finance-2024-final", "导出");
  try {
    await page.getByRole("button", { name: "开始导出" }).click();
    await page.getByTestId("export-blocking").waitFor();
    expect(await page.getByTestId("export-blocking").locator('button[data-rule="X17"]').count()).toBe(2);
    await page.getByRole("checkbox", { name: "导出草稿（每页标注草稿）" }).check();
    await page.getByRole("button", { name: "开始导出" }).click();
    const link = page.getByTestId("export-download");
    await link.waitFor({ timeout: 90_000 });
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    const file = join(tmp, "final.zip");
    await download.saveAs(file);
    expect(download.suggestedFilename()).toBe(`${DEPARTMENT}2024年度部门决算公开.zip`);
    const files = unzipSync(readFileSync(file));
    expect(Object.keys(files)).toEqual(expect.arrayContaining([`${DEPARTMENT}2024年度部门决算公开.docx`, "表格/决算公开表.xlsx"]));
    const text = strFromU8(unzipSync(files[`${DEPARTMENT}2024年度部门决算公开.docx`])["word/document.xml"]).replace(/<[^>]+>/g, "");
    // The nine tables, each under its title, and the 目录 with the department filled in.
    for (const title of ["收入支出决算总表", "收入决算表", "财政拨款收入支出决算总表", "财政拨款“三公”经费支出决算表", "国有资本经营预算财政拨款收入支出决算表"])
      expect(text).toContain(title);
    expect(text).toContain(`${DEPARTMENT}2024年度部门决算表`);
    expect(text).not.toContain("{department}");
    expect(page.errors).toEqual([]);
  } finally {
    await page.close();
  }
});

test("a bureau's pack loaded from a file: its own rule fires in 校验 and blocks 导出", async () => {
  const file = join(tmp, "bureau.json");
  writeFileSync(file, JSON.stringify(bureauPack("bureau-e2e", "收入总计须已填报", "1")));
  const page = await host.open("?empty");
  try {
    await page.getByTestId("pack-file").setInputFiles(file);
    await page.getByRole("combobox", { name: "模板包" }).filter({ hasText: "某市财政局部门预算表样" }).waitFor();
    await page.getByLabel("部门名称").fill("某某局");
    await page.getByRole("button", { name: "插入表格" }).click();
    await page.getByTestId("template-status").filter({ hasText: /^已插入 13 张表/ }).waitFor();

    await page.getByRole("tab", { name: "校验", exact: true }).click();
    await page.getByRole("button", { name: "开始校验" }).click();
    await page.getByTestId("check-summary").waitFor();
    expect(await page.getByTestId("check-basis").innerText()).toMatch(/^模板包：某市财政局部门预算表样（1\.0\.0）/);
    const finding = page.locator('button[data-rule="F01"]');
    await finding.first().waitFor();
    expect(await finding.first().innerText()).toContain("收入总计须已填报");

    await page.getByRole("tab", { name: "导出", exact: true }).click();
    await page.getByRole("button", { name: "开始导出" }).click();
    const blocking = page.getByTestId("export-blocking");
    await blocking.waitFor();
    expect(await blocking.locator('button[data-rule="F01"]').count()).toBe(1);
    expect(await page.getByTestId("export-download").count()).toBe(0);
    expect(page.errors).toEqual([]);
  } finally {
    await page.close();
  }
});
