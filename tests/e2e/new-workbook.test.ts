/**
 * The 模板 pane's 新工作簿 in headless Chromium against the preview host: next year's workbook from the 万里街道 2024
 * sample downloads with 2025's titles and the 上年 figures the published 2025 text uses; with version 1.1.0 of the
 * Shanxi pack loaded, the 晋城 sample upgrades into a workbook with 表3's new column. The open workbook is unchanged.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type { Page } from "playwright-core";
import { readWorkbookFile } from "../../src/cli/grids";
import { readInputs } from "../../src/domain/inputs/read-inputs";
import { builtinPack } from "../../src/domain/packs";
import { readPackData } from "../../src/domain/packs/validate";
import { readDisclosure } from "../../src/domain/read/read";
import { cellAt, loadSampleFromMenu, usePreviewHost } from "../support/browser";
import { shanxi110 } from "../support/pack-versions";

jest.setTimeout(120_000);
const host = usePreviewHost();
const tmp = mkdtempSync(join(tmpdir(), "new-workbook-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function downloaded(page: Page, name: string) {
  const link = page.getByTestId("new-workbook-download");
  await link.waitFor({ timeout: 60_000 });
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const file = join(tmp, name);
  await download.saveAs(file);
  const read = await readWorkbookFile(file);
  if ("error" in read) throw new Error(read.error);
  return { fileName: download.suggestedFilename(), grids: read.grids };
}

test("生成 2025 年度工作簿 from 万里街道 2024: 2025's tables, the 上年 figures of the published 2025 text", async () => {
  const page = await host.open("?empty");
  await loadSampleFromMenu(page, "shanghai-wanli-2024");
  await page.getByRole("tab", { name: "模板", exact: true }).click();
  const before = await cellAt(page, "A2").innerText();
  // No newer version of its pack is loaded: no 升级模板, and the hint says when there would be one.
  expect(await page.getByRole("button", { name: /^升级模板/ }).count()).toBe(0);
  await page.getByText(/有新版本时，在上面载入新版，这里会出现“升级模板”/).waitFor();
  await page.getByRole("button", { name: "生成 2025 年度工作簿" }).click();
  const { fileName, grids } = await downloaded(page, "2025.xlsx");
  expect(fileName).toBe("上海市普陀区人民政府万里街道办事处2025年.xlsx");
  const pack = builtinPack("shanghai-putuo-2025");
  const inputs = readInputs(pack, grids);
  expect(inputs.amounts["previous.fiscalIncome"]?.toFixed(2)).toBe("15621.11");
  expect(inputs.amounts["previous.threePublic"]?.toFixed(2)).toBe("47.91");
  expect(readDisclosure(pack, grids).tables.get("T01")?.title.value).toBe("2025年部门财务收支预算总表");
  expect(await page.getByTestId("new-workbook-status").innerText()).toContain("已生成 2025 年度工作簿");
  // The open workbook is as it was.
  expect(await cellAt(page, "A2").innerText()).toBe(before);
  expect(page.errors).toEqual([]);
  await page.close();
});

test("升级模板 1.0.1 → 1.1.0 for the 晋城 sample: the new version's column in 表3, every figure carried", async () => {
  const page = await host.open("?empty");
  await loadSampleFromMenu(page, "jincheng-2023");
  await page.getByRole("tab", { name: "模板", exact: true }).click();
  const file = join(tmp, "1.1.0.json");
  writeFileSync(file, JSON.stringify(shanxi110()));
  await page.getByTestId("pack-file").setInputFiles(file);
  await page.getByRole("button", { name: "升级模板 1.0.1 → 1.1.0" }).click();
  const { grids } = await downloaded(page, "1.1.0.xlsx");
  const t03 = readDisclosure(readPackData(shanxi110()), grids).tables.get("T03")!;
  expect(t03.headerProblems).toEqual([]);
  expect(t03.rows.length).toBeGreaterThan(5);
  expect(await page.getByTestId("new-workbook-status").innerText()).toMatch(/^已按模板包 1\.1\.0 生成新工作簿：转入 \d+ 个单元格。\s*新增：表3新增列“其他支出”/);
  expect(readFileSync(join(tmp, "1.1.0.xlsx")).subarray(0, 2).toString()).toBe("PK");
  expect(page.errors).toEqual([]);
  await page.close();
});
