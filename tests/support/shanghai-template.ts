/**
 * The 普陀区 2026 部门预算 template (tests/fixtures/seeds/templates/shanghai-putuo-2026-department-budget-template.xlsx)
 * filled as a clerk would, with the 商务委员会 2025 figures: each table sheet's title re-dated to 2025, its 编制部门：
 * line completed, the 类/款/项 columns, names and amounts typed under the header (类 as a number, 款 and 项 as
 * text "13", "01", as the template's own examples), the 财务收支/财政拨款 sheets' printed income labels left as they
 * are with the amounts beside them and the expense 类 rows typed into the expense columns, the 合计 row's amounts
 * filled, and the 注 line typed under an empty table's 合计.
 *
 * - Variant "overwrite": the example rows (205 教育支出 …, "…") are overwritten or cleared; where the template has
 *   too few rows, rows are inserted above its 合计 so that its blank rows still stand between the figures and 合计.
 * - Variant "belowExamples": the "…" cells of the example rows stay where they are (the example codes and names
 *   themselves are deleted: left in, they would be codes of this department with no figures, e.g. a second 301 in
 *   表8); the figures are typed below the last example row and above 合计, rows inserted as needed.
 */
import ExcelJS from "exceljs";
import * as path from "node:path";
import type { CellValue } from "../../src/domain/grid";
import { SEEDS_DIR } from "./seed-text";
import { DEPARTMENT, SAMPLE, TABLES } from "./shanghai-layouts";

export const TEMPLATE = path.join(SEEDS_DIR, "templates", "shanghai-putuo-2026-department-budget-template.xlsx");

export type Variant = "overwrite" | "belowExamples";

/** What a cell shows: rich text joined, numbers as written. */
export function shownText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && "richText" in v) return v.richText.map((r) => r.text).join("");
  return String(v);
}

const ELLIPSIS = /^[.…·]+$/;

/** Where a table landed in the filled template: sheet, and the sheet row of each sample row (1-based). */
export interface Filled {
  sheet: string;
  /** Sheet row of each of the sample's rows of the table. */
  rows: number[];
}

interface Sheet {
  id: string;
  ws: ExcelJS.Worksheet;
  titleCell: ExcelJS.Cell;
}

/** The table sheets of the template, by the title they print (2026年 + the 2025 title without its year). */
function tableSheets(workbook: ExcelJS.Workbook): Sheet[] {
  const out: Sheet[] = [];
  for (const ws of workbook.worksheets)
    for (let r = 1; r <= 5; r++)
      ws.getRow(r).eachCell((cell) => {
        const spec = TABLES.find((t) => shownText(cell).trim() === `2026年${t.title}`);
        if (spec && !out.some((s) => s.id === spec.id)) out.push({ id: spec.id, ws, titleCell: cell });
      });
  return out;
}

/** The first row (from `from`) whose column `col` shows `text` (spaces ignored). */
function findRow(ws: ExcelJS.Worksheet, col: number, test: (t: string) => boolean, from = 1, to = 80): number {
  for (let r = from; r <= to; r++) if (test(shownText(ws.getCell(r, col)).replace(/\s/g, ""))) return r;
  throw new Error(`${ws.name}: no row found in column ${col}`);
}

const rowEmpty = (ws: ExcelJS.Worksheet, r: number, width: number) =>
  Array.from({ length: width }, (_, c) => shownText(ws.getCell(r, c + 1)).trim()).every((t) => t === "");

const set = (ws: ExcelJS.Worksheet, r: number, c: number, value: CellValue) => {
  ws.getCell(r, c).value = value === null ? null : (value as ExcelJS.CellValue);
};

/** Fills the template with the sample; returns where each table's rows went. */
export async function fillTemplate(variant: Variant): Promise<{ workbook: ExcelJS.Workbook; filled: Map<string, Filled> }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(TEMPLATE);
  const filled = new Map<string, Filled>();
  const sheets = tableSheets(workbook);
  if (sheets.length !== 9) throw new Error(`template: ${sheets.length} table sheets found`);

  for (const { id, ws, titleCell } of sheets) {
    const spec = TABLES.find((t) => t.id === id)!;
    const rows = SAMPLE.rows[id]!;
    titleCell.value = shownText(titleCell).replace("2026年", "2025年");
    // 编制部门： completed.
    const deptRow = findRow(ws, 1, (t) => t.startsWith("编制部门"));
    ws.getCell(deptRow, 1).value = `编制部门：${DEPARTMENT}`;
    const width = ws.columnCount;

    if (id === "T09") {
      const data = findRow(ws, 4, (t) => t === "小计") + 1;
      rows[0].forEach((v, c) => set(ws, data, c + 1, v));
      filled.set(id, { sheet: ws.name, rows: [data] });
      continue;
    }

    if (id === "T01" || id === "T04") {
      // Income labels printed by the template; amounts beside them; expense 类 rows typed into the expense columns.
      const first = findRow(ws, 2, (t) => t === "预算数") + 1;
      const total = findRow(ws, 1, (t) => t === "收入总计", first);
      const body = rows.slice(0, -1);
      if (first + body.length > total) throw new Error(`${id}: template has too few rows`);
      const incomeLabels = body.filter((r) => r[0] !== null).length;
      for (let k = 0; k < incomeLabels; k++)
        if (shownText(ws.getCell(first + k, 1)).trim() === "") throw new Error(`${id}: no income label on row ${first + k}`);
      // The template's example expense rows (二、…, 三、) are typed over.
      for (let r = first; r < total; r++) for (let c = 3; c <= spec.keys.length; c++) set(ws, r, c, null);
      const sheetRows: number[] = [];
      [...body, rows[rows.length - 1]].forEach((row, k) => {
        const r = k < body.length ? first + k : total;
        sheetRows.push(r);
        row.forEach((v, c) => {
          if (c === 0) return; // the printed income label (or the 收入总计 caption) stays
          if (c === 2 && k === body.length) return; // 支出总计 caption printed
          set(ws, r, c + 1, v);
        });
      });
      filled.set(id, { sheet: ws.name, rows: sheetRows });
      continue;
    }

    // Code tables: 类/款(/项) columns, name, amounts; the 合计 row at the bottom.
    const levels = spec.levels!;
    const bodyStart = findRow(ws, 1, (t) => t === "类") + 1;
    let total = findRow(ws, 1, (t) => t === "合计", bodyStart);
    const entries = rows.filter((r) => r[0] !== "合计");
    const totalValues = rows.find((r) => r[0] === "合计")!;
    let lastExample = bodyStart - 1;
    for (let r = bodyStart; r < total; r++) if (!rowEmpty(ws, r, width)) lastExample = r;
    const trailingBlank = total - 1 - lastExample;

    let start: number;
    if (variant === "overwrite") {
      for (let r = bodyStart; r <= lastExample; r++) for (let c = 1; c <= width; c++) set(ws, r, c, null);
      start = bodyStart;
    } else {
      for (let r = bodyStart; r <= lastExample; r++)
        for (let c = 1; c <= width; c++) if (!ELLIPSIS.test(shownText(ws.getCell(r, c)).trim())) set(ws, r, c, null);
      start = lastExample + 1;
    }
    // Rows inserted above 合计 where the template has too few, its blank rows kept before 合计.
    const missing = start + entries.length + trailingBlank - total;
    if (missing > 0) {
      ws.insertRows(
        total,
        Array.from({ length: missing }, () => []),
        "i+",
      );
      total += missing;
    }
    const sheetRows: number[] = [];
    entries.forEach((row, k) => {
      const r = start + k;
      sheetRows.push(r);
      const code = String(row[0]);
      set(ws, r, 1, Number(code.slice(0, 3)));
      if (code.length >= 5) set(ws, r, 2, code.slice(3, 5));
      if (levels === 3 && code.length >= 7) set(ws, r, 3, code.slice(5));
      row.slice(1).forEach((v, c) => set(ws, r, levels + 1 + c, v));
    });
    totalValues.slice(2).forEach((v, c) => set(ws, total, levels + 2 + c, v));
    sheetRows.push(total);
    if (spec.note) ws.getCell(total + 1, 1).value = spec.note.replace(/^注:/, "注：");
    filled.set(id, { sheet: ws.name, rows: sheetRows });
  }
  return { workbook, filled };
}
