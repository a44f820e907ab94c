/**
 * Where a workbook's budget year and department come from (src/domain/read/basis.ts), for the tables that print
 * them (晋城 2023) and for 决算 tables that print neither (普陀区财政局 2024): asked > stamp > titles > a heading of
 * the workbook > the pack's year; the stamp's department, the tables' 部门名称 line, a heading's.
 */
import type { SheetGrid } from "../../src/domain/grid";
import { builtinPack } from "../../src/domain/packs";
import { budgetYearOf, departmentIn, statedYearOf } from "../../src/domain/read/basis";
import { readDisclosure } from "../../src/domain/read/read";
import { stampOf } from "../../src/domain/stamp";
import { jinchengSample, shanghaiFinance2024FinalSample as finalSample } from "../../src/domain/samples";
import { gridsOf } from "../support/disclosure";

const finalPack = builtinPack(finalSample.pack);
const shanxi = builtinPack("shanxi-2023");
const finalGrids = () => gridsOf(finalSample.rows, finalSample.department, finalSample.year, finalPack);
const heading = (text: string): SheetGrid => ({ name: "封面", top: 0, left: 0, values: [[text]] });

describe("the 决算 tables, which print no year and no department", () => {
  const grids = finalGrids();
  const disclosure = readDisclosure(finalPack, grids);

  test("the tables are read, none of them with a year or a department line", () => {
    expect(disclosure.tables.size).toBe(9);
    expect([...disclosure.tables.values()].every((t) => t.year === null && t.department === null)).toBe(true);
  });

  test("alone: the pack's year, and no department; no year the workbook states (next year's is not made from a guess)", () => {
    expect(budgetYearOf(disclosure, grids, { packYear: 2024 })).toEqual({ year: 2024, from: "pack" });
    expect(statedYearOf(disclosure, grids)).toBeNull();
    expect(statedYearOf(disclosure, [heading("2023年度部门决算"), ...grids])).toBe(2023);
    expect(departmentIn(disclosure, grids)).toBe("");
  });

  test("with a part heading: its year and its department", () => {
    const withHeading = [heading("第二部分 上海市普陀区财政局2023年度部门决算表"), ...grids];
    expect(budgetYearOf(disclosure, withHeading, { packYear: 2024 })).toEqual({ year: 2023, from: "heading" });
    expect(departmentIn(disclosure, withHeading)).toBe("上海市普陀区财政局");
  });

  test("a long sentence mentioning a year is no heading", () => {
    const sentence = heading(`2023年度部门决算${"情况说明".repeat(30)}`);
    expect(budgetYearOf(disclosure, [sentence, ...grids], { packYear: 2024 }).from).toBe("pack");
  });

  test("the stamp before a heading; a year asked for before everything", () => {
    const stamp = stampOf(finalPack, "某局", 2022);
    const withHeading = [heading("2023年度部门决算"), ...grids];
    expect(budgetYearOf(disclosure, withHeading, { stamp, packYear: 2024 })).toEqual({ year: 2022, from: "stamp" });
    expect(budgetYearOf(disclosure, withHeading, { asked: 2021, stamp, packYear: 2024 })).toEqual({ year: 2021, from: "asked" });
    expect(departmentIn(disclosure, withHeading, stamp)).toBe("某局");
  });
});

test("晋城: the titles' year before a heading's, the 部门名称 line before a heading's department", () => {
  const grids = [heading("第二部分 别的局2020年度部门预算表"), ...gridsOf(jinchengSample.rows, jinchengSample.department, 2023, shanxi)];
  const disclosure = readDisclosure(shanxi, grids);
  expect(budgetYearOf(disclosure, grids, { packYear: 2023 })).toEqual({ year: 2023, from: "titles" });
  expect(departmentIn(disclosure, grids)).toBe(jinchengSample.department);
});
