/**
 * The 导出 pane in headless Chromium against the preview host: 晋城 exports a zip that downloads with the
 * document and the 13 CSVs; 大同 is refused with its blocking findings, each leading to its cell, and exports
 * as a draft; the 情况说明 and the chart sheets land in the workbook without overwriting anything.
 */
import { readFileSync, mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { strFromU8, unzipSync } from "fflate";
import type { Page } from "playwright-core";
import { grid, openSample, sheetTab, usePreviewHost } from "../support/browser";

jest.setTimeout(180_000);

const host = usePreviewHost();
let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "export-e2e-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const status = (page: Page) => page.getByTestId("export-status");

const open = (sample: "datong-2023" | "jincheng-2023") => openSample(host, sample, "导出");

/** Runs the export, clicks the download link and returns the files of the zip it saved. */
async function exportZip(page: Page, name: string): Promise<{ fileName: string; files: Record<string, Uint8Array> }> {
  await page.getByRole("button", { name: "开始导出" }).click();
  const link = page.getByTestId("export-download");
  await link.waitFor({ timeout: 60_000 });
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const file = join(tmp, name);
  await download.saveAs(file);
  return { fileName: download.suggestedFilename(), files: unzipSync(readFileSync(file)) };
}

const csvs = (files: Record<string, Uint8Array>) => Object.keys(files).filter((n) => /^数据\/T\d\d-.+\.csv$/.test(n));

test("晋城: the export downloads a zip with the document, the tables and the 13 CSVs", async () => {
  const page = await open("jincheng-2023");
  const { fileName, files } = await exportZip(page, "晋城.zip");

  expect(fileName).toBe("晋城市商务局2023年度部门预算公开.zip");
  const docx = files["晋城市商务局2023年度部门预算公开.docx"];
  expect(docx).toBeDefined();
  // The document holds both charts, drawn on the pane's canvas.
  const media = Object.keys(unzipSync(docx)).filter((n) => /^word\/media\/.+\.png$/.test(n));
  expect(media.length).toBeGreaterThanOrEqual(2);
  expect(Object.keys(files).some((n) => n.endsWith(".xlsx"))).toBe(true);
  expect(csvs(files)).toHaveLength(13);
  expect(JSON.parse(strFromU8(files["校验报告.json"])).draft).toBe(false);
  await status(page).getByText(/^已生成 晋城市商务局2023年度部门预算公开\.zip（\d+ KB）/).waitFor();
  // The browser cannot lay the document out: the pane says the 目录 has no page numbers, and how to get them.
  await status(page).getByText(/文档目录不含页码；需要页码时请用命令行/).waitFor();
  expect(page.errors).toEqual([]);
  await page.close();
});

test("大同: the blocking findings lead to their cells; the draft exports", async () => {
  const page = await open("datong-2023");
  await page.getByRole("button", { name: "开始导出" }).click();
  const blocking = page.getByTestId("export-blocking");
  await blocking.waitFor();
  await status(page).getByText(/^有 \d+ 个错误，不能导出正式文件/).waitFor();
  expect(await page.getByTestId("export-download").count()).toBe(0);

  const finding = blocking.locator('button[data-table="T01"]:is([data-rule="A04"], [data-rule="X02"])').first();
  const ref = (await finding.getAttribute("data-cell"))!;
  await sheetTab(page, "表5 一般公共预算支出表").click();
  await finding.focus();
  await page.keyboard.press("Enter");
  await expect(grid(page).getAttribute("data-sheet")).resolves.toBe("表1 预算收支总表");
  await expect(grid(page).locator(`td[data-cell="${ref}"]`).getAttribute("aria-selected")).resolves.toBe("true");

  await page.getByRole("checkbox", { name: "导出草稿（每页标注草稿）" }).check();
  const { fileName, files } = await exportZip(page, "大同.zip");
  expect(fileName).toBe("大同市商务局2023年度部门预算公开.zip");
  expect(files["大同市商务局2023年度部门预算公开.docx"]).toBeDefined();
  expect(csvs(files)).toHaveLength(13);
  const report = JSON.parse(strFromU8(files["校验报告.json"]));
  expect(report.draft).toBe(true);
  expect(report.files[0].findings.map((f: { rule: string }) => f.rule)).toEqual(expect.arrayContaining(["A04", "X02"]));
  await status(page).getByText(/^已生成草稿 /).waitFor();
  expect(await blocking.count()).toBe(0);
  expect(page.errors).toEqual([]);
  await page.close();
});

test("情况说明 goes to a new sheet once, then is used as edited; the charts get sheets of their own", async () => {
  const page = await open("jincheng-2023");
  const tabs = () => page.getByRole("tablist", { name: "工作表" }).getByRole("tab").allInnerTexts();
  const before = await tabs();

  await page.getByRole("button", { name: "生成情况说明" }).click();
  await status(page).getByText(/^已生成“情况说明”工作表/).waitFor();
  expect(await tabs()).toEqual([...before, "情况说明"]);
  expect(await grid(page).innerText()).toContain("一般公共服务支出2,636.14万元，占49.67%");

  await page.getByRole("button", { name: "生成情况说明" }).click();
  await status(page).getByText("工作簿中已有情况说明（工作表“情况说明”），导出时按其中编辑过的内容使用，未重新生成。").waitFor();
  expect(await tabs()).toEqual([...before, "情况说明"]);

  await page.getByRole("button", { name: "插入图表" }).click();
  await status(page).getByText("已插入图表：一般公共预算当年拨款结构图、三公经费分布图").waitFor();
  expect(await tabs()).toEqual([...before, "情况说明", "一般公共预算当年拨款结构图", "三公经费分布图"]);
  expect(await grid(page).innerText()).toContain("转移性支出");
  expect(page.errors).toEqual([]);
  await page.close();
});

test("模板: the input sheets and one blank 绩效目标表 per 表12 project join the tables; a second time keeps them", async () => {
  // The 晋城 tables alone, as the 模板 pane inserts them.
  const page = await host.open("?sample=jincheng-2023&tables");
  await sheetTab(page, "表1 预算收支总表").waitFor();
  await page.getByRole("tab", { name: "模板", exact: true }).click();
  const insert = async () => {
    await page.getByRole("checkbox", { name: "全选" }).uncheck();
    await page.getByRole("checkbox", { name: /^1\. / }).check();
    await page.getByRole("button", { name: "插入表格" }).click();
    // 表1 is there already: skip it, so that only the input sheets are new.
    const dialog = page.getByRole("alertdialog");
    await dialog.getByRole("group", { name: "表1 预算收支总表" }).getByRole("radio", { name: "跳过" }).check();
    await dialog.getByRole("button", { name: "继续插入" }).click();
    const box = page.getByTestId("template-status").filter({ hasText: /\S/ });
    await box.waitFor();
    return box.innerText();
  };
  await page.getByRole("checkbox", { name: "同时插入公开文本、说明数据、绩效目标表、名词解释和目录" }).check();

  expect(await insert()).toContain("已插入说明工作表：公开文本、说明数据、绩效目标表、名词解释、目录");
  await sheetTab(page, "绩效目标表").click();
  const forms = grid(page).locator("td", { hasText: /^项目名称$/ });
  // 晋城's 表12 lists 24 projects under its units.
  expect(await forms.count()).toBe(24);
  expect(await grid(page).innerText()).toContain("开发区考核奖励和基础设施建设");
  await sheetTab(page, "说明数据").click();
  expect(await grid(page).innerText()).toContain("上年收入总计");

  await sheetTab(page, "名词解释").click();
  expect(await grid(page).innerText()).toContain("财政专户管理资金");
  expect(await insert()).toContain("已有工作表，保留原内容：公开文本、说明数据、绩效目标表、名词解释、目录");
  expect(page.errors).toEqual([]);
  await page.close();
});

test("the 导出 pane checks as the 校验 pane is set: 晋城 in 严格模式 is refused for its 0.01 differences", async () => {
  const page = await open("jincheng-2023");
  await page.getByRole("tab", { name: "校验", exact: true }).click();
  await page.getByRole("switch", { name: "严格模式" }).check();
  await page.getByRole("tab", { name: "导出", exact: true }).click();
  await page.getByRole("button", { name: "开始导出" }).click();
  await status(page).getByText(/^有 \d+ 个错误，不能导出正式文件/).waitFor();
  const differences = await page.getByTestId("export-blocking").locator("button").allInnerTexts();
  expect(differences.length).toBeGreaterThan(0);
  expect(differences.every((t) => /差额 -?0\.01/.test(t))).toBe(true);
  await page.close();
});
