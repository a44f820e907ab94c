/** .xlsx/.xlsm → SheetGrid[]: every worksheet's values as the checks read them, from exceljs. */
import * as fs from "node:fs/promises";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { explanationsFromXml, type Explanation } from "../domain/explanations";
import type { CellValue, SheetGrid } from "../domain/grid";
import { fileProblem } from "./context";

/** A date as Excel shows it by default: an amount cell holding one is then text, which S07 reports. */
function dateText(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 19).replace("T", " ");
}

/** One exceljs value as a grid value: what the cell shows, never an object. */
function plain(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return dateText(value);
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("error" in value) return value.error;
  if ("hyperlink" in value) return plain(value.text);
  if ("formula" in value || "sharedFormula" in value) {
    // A formula without a cached result (a file never opened in Excel) shows as its text, so S07 names it.
    const { result } = value as ExcelJS.CellFormulaValue;
    return result === undefined ? `=${"formula" in value ? value.formula : value.sharedFormula}` : plain(result);
  }
  return null;
}

/** The values from A1 to the last cell holding one (top and left 0, so row numbers are the sheet's). */
export function sheetGrid(sheet: ExcelJS.Worksheet): SheetGrid {
  const cells: { row: number; col: number; value: CellValue }[] = [];
  let rows = 0;
  let cols = 0;
  sheet.eachRow((row, r) =>
    row.eachCell((cell, c) => {
      // The other cells of a merge repeat the top-left value; Excel holds it only once.
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const value = plain(cell.value);
      if (value === null) return;
      cells.push({ row: r - 1, col: c - 1, value });
      rows = Math.max(rows, r);
      cols = Math.max(cols, c);
    }),
  );
  const values = Array.from({ length: rows }, () => new Array<CellValue>(cols).fill(null));
  for (const { row, col, value } of cells) values[row][col] = value;
  return { name: sheet.name, top: 0, left: 0, values, ...(sheet.state !== "visible" ? { hidden: true } : {}) };
}

/** A workbook file read: its grids and explained findings, or why it cannot be used (Chinese, without the file name). */
export type ReadOutcome = { grids: SheetGrid[]; explanations: Explanation[] } | { error: string };

/** The explanations the add-in kept in the file's custom XML parts (customXml/itemN.xml); exceljs does not read them. */
function explanationsIn(data: Uint8Array): Explanation[] {
  try {
    const parts = unzipSync(data, { filter: (f) => /^customXml\/item\d+\.xml$/.test(f.name) && f.originalSize < 10_000_000 });
    return Object.values(parts).flatMap((xml) => explanationsFromXml(strFromU8(xml)));
  } catch {
    // exceljs read the file; a part fflate cannot inflate only loses the explanations.
    return [];
  }
}

/** Every worksheet of the .xlsx/.xlsm file, in workbook order. */
export async function readWorkbookFile(file: string): Promise<ReadOutcome> {
  let data: Buffer;
  try {
    data = await fs.readFile(file);
  } catch (e) {
    return { error: `无法读取：${fileProblem(e)}` };
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs is typed for an ArrayBuffer, which a Buffer is not; the copy costs little next to the parse.
    await workbook.xlsx.load(new Uint8Array(data).buffer);
  } catch {
    return { error: "不是可读取的 .xlsx/.xlsm 工作簿（文件已损坏、加了密码，或是 .xls 等其他格式——请在 Excel 中另存为 .xlsx）" };
  }
  return { grids: workbook.worksheets.map(sheetGrid), explanations: explanationsIn(data) };
}
