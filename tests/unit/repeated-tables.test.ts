/**
 * S12: a table held twice — a copy of 表2 with other figures left on another sheet — is a finding at the copy that
 * names both places and says which one the checks read (the first in sheet order), in either order; a true copy is
 * a warning. S13: a table on a sheet hidden in Excel is checked and said to be hidden (an info), read by the CLI.
 */
import * as path from "node:path";
import ExcelJS from "exceljs";
import { writePlans } from "../../src/xlsx/write-plans";
import { runCli, useTempDir } from "../support/cli";
import { builtinCatalog } from "../../src/domain/catalog/catalog";
import { checkWorkbook } from "../../src/domain/checks/check-workbook";
import type { SheetGrid } from "../../src/domain/grid";
import { renderTables } from "../../src/domain/render/render";
import { jinchengSample } from "../../src/domain/samples";
import { copyRows, gridsOf, pack, plansToGrids } from "../support/disclosure";

const J = jinchengSample;
const check = (grids: SheetGrid[]) => checkWorkbook(pack, grids, { strict: false, catalogFor: builtinCatalog }).findings;

/** 表2 again on a sheet of its own, its 合计 raised by 100 when `changed`. */
function copyOfT02(changed: boolean): SheetGrid {
  const rows = copyRows(J);
  if (changed) rows.T02![0][2] = (rows.T02![0][2] as number) + 100;
  const [plan] = renderTables(pack, { department: J.department, year: J.year, rows, tables: ["T02"] });
  return plansToGrids([{ ...plan, name: "旧版表2" }])[0];
}

test("a copy with other figures after the table: S12 at the copy, the checks read the first", () => {
  const found = check([...gridsOf(J.rows, J.department), copyOfT02(true)]);
  const s12 = found.filter((f) => f.rule === "S12");
  expect(s12.map((f) => `${f.severity} ${f.sheet}!${f.cell} ${f.message}`)).toEqual([
    "error 旧版表2!A2 表2“预算收入总表”出现了两次：工作表“表2 预算收入总表”A2和工作表“旧版表2”A2各有一份，数字不同；校验按工作表“表2 预算收入总表”A2的一份进行",
  ]);
  expect(s12[0].related).toEqual([{ table: "T02", sheet: "表2 预算收入总表", cell: "A2" }]);
  // The copy's wrong 合计 is not checked: no error stands on its sheet besides S12.
  expect(found.filter((f) => f.sheet === "旧版表2" && f.rule !== "S12")).toEqual([]);
});

test("the copy first in sheet order: it is the one checked, and S12 says so at the other", () => {
  const found = check([copyOfT02(true), ...gridsOf(J.rows, J.department)]);
  const s12 = found.filter((f) => f.rule === "S12");
  expect(s12.map((f) => `${f.sheet}!${f.cell}`)).toEqual(["表2 预算收入总表!A2"]);
  expect(s12[0].message).toContain("校验按工作表“旧版表2”A2的一份进行");
  expect(found.some((f) => f.sheet === "旧版表2" && f.severity === "error" && f.rule !== "S12")).toBe(true);
});

test("a true copy is a warning; a workbook with each table once has no S12", () => {
  expect(check([...gridsOf(J.rows, J.department), copyOfT02(false)]).filter((f) => f.rule === "S12").map((f) => f.severity)).toEqual(["warning"]);
  expect(check(gridsOf(J.rows, J.department)).filter((f) => f.rule === "S12")).toEqual([]);
});

const tempDir = useTempDir("repeated-tables-");

test("a table on a hidden or very hidden sheet: checked, and reported as hidden (info)", async () => {
  const file = path.join(tempDir(), "隐藏.xlsx");
  const workbook = new ExcelJS.Workbook();
  writePlans(workbook, renderTables(pack, { department: J.department, year: J.year, rows: J.rows }));
  workbook.getWorksheet("表2 预算收入总表")!.state = "hidden";
  workbook.getWorksheet("表7 政府性基金收入表")!.state = "veryHidden";
  await workbook.xlsx.writeFile(file);
  const r = await runCli("validate", file, "--format", "json");
  const findings = (JSON.parse(r.out) as { files: { findings: { rule: string; severity: string; cell: string; message: string }[] }[] }).files[0].findings;
  expect(findings.filter((f) => f.rule === "S13").map((f) => `${f.severity} ${f.cell} ${f.message}`)).toEqual([
    "info A2 表2“预算收入总表”在隐藏的工作表“表2 预算收入总表”上：在 Excel 中看不到，已照常校验",
    "info A2 表7“政府性基金预算收入表（不含上年结转）”在隐藏的工作表“表7 政府性基金收入表”上：在 Excel 中看不到，已照常校验",
  ]);
  expect(r.code).toBe(0);
});

test("a title typed into every cell of its row, not merged, is one table, not a table per cell", () => {
  const grids = gridsOf(J.rows, J.department);
  const t02 = grids.find((g) => g.name === "表2 预算收入总表")!;
  const title = t02.values[1][0];
  t02.values[1] = t02.values[1].map(() => title);
  const found = check(grids);
  expect(found.filter((f) => f.rule === "S12")).toEqual([]);
  expect(found.filter((f) => f.severity === "error")).toEqual([]);
});
