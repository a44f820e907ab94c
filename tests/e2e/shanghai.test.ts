/**
 * The Shanghai pack through the whole task pane, in headless Chromium against the preview host: the 模板 pane
 * inserts the 上海市普陀区部门预算（2025） tables (codes in 类/款/项 columns, 合计 at the bottom); the
 * 上海市普陀区商务委员会 sample loads from the 载入示例 menu over them (the same page: the 模板 pane, switched to the
 * Shanxi pack first, returns to the Shanghai pack on the sample's stamp), and 校验 names the Shanghai pack and finds
 * no error; on a page of its own with the sample loaded, 导出 downloads the Shanghai document in the pack's order
 * with its per-code paragraphs.
 */
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { strFromU8, unzipSync } from "fflate";
import { cellAt as cell, loadSampleFromMenu, openSample, sheetTab, usePreviewHost, type PreviewPage } from "../support/browser";

jest.setTimeout(180_000);

const host = usePreviewHost();
let page: PreviewPage;
let tmp: string;
beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "shanghai-e2e-"));
  page = await host.open("?empty");
  await page.getByRole("button", { name: "插入表格" }).waitFor();
});
afterAll(async () => {
  await page?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const PACK = "上海市普陀区部门预算（2025）";
const SHANXI_PACK = "山西省部门预算公开表样（2023）";
const DEPARTMENT = "上海市普陀区商务委员会";

const status = (testId: string) => page.getByTestId(testId).filter({ hasText: /\S/ });
const packBox = () => page.getByRole("combobox", { name: "模板包" });

test("模板: the Shanghai pack's 9 tables, with the chosen codes split into 类/款/项 and the 合计 at the bottom", async () => {
  await packBox().click();
  await page.getByRole("option", { name: PACK }).click();
  await page.getByLabel("部门名称").fill(DEPARTMENT);
  const year = page.getByRole("spinbutton", { name: "预算年度" });
  await year.fill("2025");
  await year.press("Tab");

  // The pack's own tables, inputs and code tables.
  await page.getByRole("checkbox", { name: "2. 2025年部门收入预算总表" }).waitFor();
  expect(await page.getByRole("checkbox", { name: /^\d+\. / }).count()).toBe(9);
  await page.getByText("与公开文件中的“编制部门”一致，例如：上海市普陀区商务委员会").waitFor();
  await page.getByText("功能分类科目（填入表2、表3、表5、表6、表7）").waitFor();
  await page.getByRole("checkbox", { name: "同时插入公开文本、说明数据、上年预算执行数、名词解释和目录" }).check();

  await page.getByRole("searchbox", { name: "搜索科目" }).fill("2011301");
  await page.getByRole("button", { name: "添加 2011301 行政运行" }).click();
  await page.getByRole("button", { name: "插入表格" }).click();
  const text = await status("template-status").innerText();
  expect(text).toMatch(/^已插入 9 张表：部门收支总表、部门收入总表/);
  expect(text).toContain("已插入说明工作表：公开文本、说明数据、上年预算执行数、名词解释、目录");

  await sheetTab(page, "部门收入总表").click();
  expect(await cell(page, "A2").innerText()).toBe("2025年部门收入预算总表");
  expect(await cell(page, "A2").getAttribute("colspan")).toBe("9");
  expect(await cell(page, "A3").innerText()).toBe("编制部门：上海市普陀区商务委员会");
  expect(await cell(page, "I3").innerText()).toBe("单位：元");
  expect(await cell(page, "A5").innerText()).toBe("功能分类科目编码");
  expect(await cell(page, "A5").getAttribute("colspan")).toBe("3");
  expect([await cell(page, "A6").innerText(), await cell(page, "B6").innerText(), await cell(page, "C6").innerText()]).toEqual(["类", "款", "项"]);
  expect(await cell(page, "D5").getAttribute("rowspan")).toBe("2");
  // 2011301 with its 类 and 款, each level in its column; then the pack's 合计 across code and name.
  const row = (n: number) => Promise.all(["A", "B", "C", "D"].map((c) => cell(page, `${c}${n}`).innerText()));
  expect(await row(7)).toEqual(["201", "", "", "一般公共服务支出"]);
  expect(await row(8)).toEqual(["201", "13", "", "商贸事务"]);
  expect(await row(9)).toEqual(["201", "13", "01", "行政运行"]);
  expect(await cell(page, "A10").innerText()).toBe("合计");
  expect(await cell(page, "A10").getAttribute("colspan")).toBe("4");

  // 表8 lists 经济分类 codes: the functional ones are not put there.
  await sheetTab(page, "部门一般公共预算拨款基本支出明细表").click();
  expect([await cell(page, "A6").innerText(), await cell(page, "B6").innerText()]).toEqual(["类", "款"]);
  expect(await cell(page, "A7").innerText()).toBe("");
  expect(page.errors).toEqual([]);
});

test("载入示例 → 校验: the 模板 pane returns to the sample's pack; the sample checks with it, without errors", async () => {
  // Another pack chosen in the 模板 pane: only the sample's stamp brings the Shanghai pack back.
  await page.getByRole("tab", { name: "模板", exact: true }).click();
  await packBox().click();
  await page.getByRole("option", { name: SHANXI_PACK }).click();
  expect(await packBox().innerText()).toBe(SHANXI_PACK);

  const menu = page.getByRole("button", { name: "载入示例" });
  expect(await menu.getAttribute("aria-haspopup")).toBe("menu");
  await loadSampleFromMenu(page, "shanghai-commerce-2025", "keyboard");
  expect(await menu.getAttribute("aria-expanded")).toBe("false");
  await sheetTab(page, "部门一般公共预算拨款表").click();
  expect(await cell(page, "D9").innerText()).toBe("行政运行");
  expect(await cell(page, "E9").innerText()).toBe("9,389,913.00");

  // The task pane remounted on the sample's stamp: the 模板 pane is on its pack.
  await page.getByRole("tab", { name: "模板", exact: true }).click();
  expect(await packBox().innerText()).toBe(PACK);

  await page.getByRole("tab", { name: "校验", exact: true }).click();
  await page.getByRole("button", { name: "开始校验" }).click();
  const summary = page.getByTestId("check-summary");
  await summary.waitFor();
  await summary.getByText("错误 0", { exact: true }).waitFor();
  expect(await page.getByTestId("check-basis").innerText()).toMatch(
    /^模板包：上海市普陀区部门预算（2025）（1\.0\.1）；找到 9\/9 张公开表，按 2025 年科目目录校验/,
  );
  // How much of the 情况说明 was read and compared is said beside the counts.
  expect(await page.getByTestId("check-text-coverage").innerText()).toMatch(/^情况说明共 43 处金额：41 处读出所指项目或科目并与表格核对，/);
  expect(await page.locator('button[data-severity="error"]').count()).toBe(0);
  expect(page.errors).toEqual([]);
});

test("导出: the zip holds the Shanghai document, in the pack's order, and the CSVs", async () => {
  const page = await openSample(host, "shanghai-commerce-2025", "导出");
  try {
    await exportsTheDocument(page);
  } finally {
    await page.close();
  }
});

async function exportsTheDocument(page: PreviewPage): Promise<void> {
  await page.getByRole("button", { name: "开始导出" }).click();
  const link = page.getByTestId("export-download");
  await link.waitFor({ timeout: 60_000 });
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const file = join(tmp, "shanghai.zip");
  await download.saveAs(file);
  expect(download.suggestedFilename()).toBe(`${DEPARTMENT}2025年度部门预算公开.zip`);
  const files = unzipSync(readFileSync(file));

  const docx = files[`${DEPARTMENT}2025年度部门预算公开.docx`];
  expect(docx).toBeDefined();
  const text = strFromU8(unzipSync(docx)["word/document.xml"]).replace(/<[^>]+>/g, "");
  const parts = [
    "一、部门主要职能",
    "二、部门机构设置",
    "三、名词解释",
    "四、部门预算编制说明",
    "五、部门预算表",
    "六、其他相关情况说明",
    "七、项目经费情况说明",
  ];
  // Each heading in the body (after the 目录 listing them): in the pack's order.
  const at = parts.map((p) => text.lastIndexOf(p));
  expect(at.every((i) => i >= 0)).toBe(true);
  expect([...at].sort((a, b) => a - b)).toEqual(at);
  const perCode = text.indexOf("“一般公共服务支出（类）商贸事务（款）行政运行（项）”938.99万元");
  expect(perCode).toBeGreaterThan(at[3]);
  expect(perCode).toBeLessThan(at[4]);

  const csv = files["数据/T01-部门收支总表.csv"];
  expect(csv).toBeDefined();
  expect(strFromU8(csv).replace(/^\ufeff/, "")).toMatch(/财政拨款收入/);
  expect(Object.keys(files).filter((n) => /^数据\/T\d\d-.+\.csv$/.test(n))).toHaveLength(9);
  expect(JSON.parse(strFromU8(files["校验报告.json"])).draft).toBe(false);
  await page
    .getByTestId("export-status")
    .getByText(new RegExp(`^已生成 ${DEPARTMENT}2025年度部门预算公开\\.zip`))
    .waitFor();
  expect(page.errors).toEqual([]);
}
