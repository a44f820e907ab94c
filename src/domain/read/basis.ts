/**
 * The budget year and the department a workbook is about, decided once for every caller (the task pane's 校验 and
 * 导出, the CLI's validate and export): 决算 tables print neither, so the tables' titles are only one of the places.
 */
import type { SheetGrid } from "../grid";
import type { PackStamp } from "../port";
import { isBudgetYear } from "../budget-year";
import { mostCommon, yearOfTitles } from "./model";
import { departmentOf, type Disclosure } from "./read";
import { comparedText } from "./texts";

/** Where a workbook's budget year was found. */
export type YearSource = "asked" | "stamp" | "titles" | "heading" | "pack";

/** How messages say where the year came from. */
export const YEAR_SOURCES: Record<YearSource, string> = {
  asked: "指定的年度",
  stamp: "工作簿记录的年度",
  titles: "表标题中的年度",
  heading: "文中标题（如“2024年度部门决算”）中的年度",
  pack: "模板包的年度（表中未写年度）",
};

/** A heading that states the year and the department: 上海市普陀区财政局2024年度部门决算表, 2024年度部门决算. */
const HEADING = /^(?:第[一二三四五六七八九十]+部分)?(.*?)(\d{4})年度?(?:部门|单位)(?:预算|决算)/;

/** The headings of the workbook outside its tables' titles: its cover, its part headings. */
function headings(grids: SheetGrid[]): { year: number; department: string }[] {
  const out: { year: number; department: string }[] = [];
  for (const grid of grids)
    for (const row of grid.values)
      for (const v of row) {
        if (typeof v !== "string" || v.length > 80) continue;
        const m = HEADING.exec(comparedText(v));
        if (m && isBudgetYear(Number(m[2]))) out.push({ year: Number(m[2]), department: m[1] });
      }
  return out;
}

/**
 * The budget year: the one asked for (CLI --year, the pane's prompt), the workbook's stamp, the year most tables'
 * titles state, a heading of the workbook, else the year the pack is issued for.
 */
export function budgetYearOf(
  disclosure: Disclosure,
  grids: SheetGrid[],
  given: { asked?: number | null; stamp?: PackStamp | null; packYear: number },
): { year: number; from: YearSource } {
  if (given.asked) return { year: given.asked, from: "asked" };
  if (given.stamp) return { year: given.stamp.year, from: "stamp" };
  const titles = yearOfTitles(disclosure);
  if (titles !== null) return { year: titles, from: "titles" };
  const heading = mostCommon(headings(grids).map((h) => h.year));
  if (heading !== undefined) return { year: heading, from: "heading" };
  return { year: given.packYear, from: "pack" };
}

/** The year the workbook itself states (stamp, titles, a heading), or null: next year's workbook is never made from a guess. */
export function statedYearOf(disclosure: Disclosure, grids: SheetGrid[], stamp?: PackStamp | null): number | null {
  const { year, from } = budgetYearOf(disclosure, grids, { stamp, packYear: 0 });
  return from === "pack" ? null : year;
}

/** The department: the stamp's, the tables' 部门名称 line, else the name a heading gives before its year. */
export function departmentIn(disclosure: Disclosure, grids: SheetGrid[], stamp?: PackStamp | null): string {
  return stamp?.department || departmentOf(disclosure) || (mostCommon(headings(grids).map((h) => h.department).filter(Boolean)) ?? "");
}
