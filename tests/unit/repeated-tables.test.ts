/**
 * S12: a table held twice — a copy of 表2 with other figures left on another sheet — is a finding at the copy that
 * names both places and says which one the checks read (the first in sheet order), in either order; a true copy is
 * a warning.
 */
import { builtinCatalog } from "../../src/domain/catalog/catalog";
import { checkWorkbook } from "../../src/domain/checks/check-workbook";
import type { SheetGrid } from "../../src/domain/grid";
import { renderTables } from "../../src/domain/render/render";
import { jinchengSample } from "../../src/domain/samples";
import { copyRows, gridsOf, pack, plansToGrids } from "../support/disclosure";

const J = jinchengSample;
const check = (grids: SheetGrid[]) => checkWorkbook(pack, grids, { strict: false, catalogFor: builtinCatalog, fallbackYear: 2023 }).findings;

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
