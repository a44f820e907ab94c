/** .xlsx/.xlsm → SheetGrid[]: every worksheet's values as the checks read them, from exceljs. */
import * as fs from "node:fs/promises";
import type ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { explanationsFromXml, type Explanation } from "../domain/explanations";
import { boundedGrid } from "../domain/read/bounds";
import type { PackStamp } from "../domain/port";
import { stampFromXml } from "../domain/stamp";
import type { CellValue, SheetGrid } from "../domain/grid";
import { fileProblem, megabytes } from "./context";
import { withoutOversizedParts } from "./oversized-parts";

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

/** The values from A1 on (top and left 0, so row numbers are the sheet's), as far as a sheet may reach (bounds.ts). */
function sheetGrid(exceljs: typeof ExcelJS, sheet: ExcelJS.Worksheet, droppedMerges?: string[]): SheetGrid {
  const cells: { row: number; col: number; value: CellValue }[] = [];
  sheet.eachRow((row, r) =>
    row.eachCell((cell, c) => {
      // The other cells of a merge repeat the top-left value; Excel holds it only once.
      if (cell.type === exceljs.ValueType.Merge) return;
      const value = plain(cell.value);
      if (value !== null) cells.push({ row: r - 1, col: c - 1, value });
    }),
  );
  const grid = boundedGrid(sheet.name, cells, sheet.state !== "visible");
  return droppedMerges ? { ...grid, droppedMerges } : grid;
}

/** A workbook file read: its grids, explained findings and stamp, or why it cannot be used (Chinese, without the file name). */
export type ReadOutcome = { grids: SheetGrid[]; explanations: Explanation[]; stamp: PackStamp | null } | { error: string };

/** The add-in's custom XML parts in the file (customXml/itemN.xml), which exceljs does not read. */
function customXmlIn(data: Uint8Array): string[] {
  try {
    const parts = unzipSync(data, { filter: (f) => /^customXml\/item\d+\.xml$/.test(f.name) && f.originalSize < 10_000_000 });
    return Object.values(parts).map((xml) => strFromU8(xml));
  } catch {
    // exceljs read the file; a part fflate cannot inflate only loses the explanations and the stamp.
    return [];
  }
}

/** The largest workbook file read: a department of 100,000 projects is some 15 MB. */
export const WORKBOOK_SIZE_LIMIT = 200 * 1024 * 1024;

/** Every worksheet of the .xlsx/.xlsm file, in workbook order. */
export async function readWorkbookFile(file: string): Promise<ReadOutcome> {
  let data: Buffer;
  try {
    const { size } = await fs.stat(file);
    if (size > WORKBOOK_SIZE_LIMIT) return { error: `文件过大（${megabytes(size)}，最大 ${megabytes(WORKBOOK_SIZE_LIMIT)}），已跳过` };
    data = await fs.readFile(file);
  } catch (e) {
    return { error: `无法读取：${fileProblem(e)}` };
  }
  // Loaded with the first workbook read: the commands that read none (--version, pack) start without it.
  const { default: exceljs } = await import("exceljs");
  const workbook = new exceljs.Workbook();
  const loadable = withoutOversizedParts(data);
  if ("error" in loadable) return loadable;
  try {
    // exceljs is typed for an ArrayBuffer, which a Buffer is not; the copy costs little next to the parse.
    await workbook.xlsx.load(new Uint8Array(loadable.data).buffer);
  } catch {
    return { error: "不是可读取的 .xlsx/.xlsm 工作簿（文件已损坏、加了密码，或是 .xls 等其他格式——请在 Excel 中另存为 .xlsx）" };
  }
  const grids = workbook.worksheets.map((sheet) => sheetGrid(exceljs, sheet, loadable.droppedMerges.get(sheet.name)));
  const parts = customXmlIn(data);
  return { grids, explanations: parts.flatMap(explanationsFromXml), stamp: parts.map(stampFromXml).find((s) => s !== null) ?? null };
}
