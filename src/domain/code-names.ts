/**
 * When a clerk types a subject code, the catalogue's name goes into the name cell beside it.
 * The code column is recognised by its header text, so this works on any layout, not only ours.
 */
import { a1, parseA1, type CellValue, type SheetGrid } from "./grid";
import type { CellWrite } from "./port";

export type CodeKind = "functional" | "income";

/** Header texts of code columns, and which catalogue their codes belong to. */
const CODE_HEADERS: Record<string, CodeKind> = { 科目编码: "functional", 功能分类科目编码: "functional", 收入科目编码: "income" };
const NAME_HEADERS = new Set(["科目名称", "功能分类科目名称", "收入科目名称"]);
/** How far above a cell its header may stand, and how far right the name column. */
const HEADER_REACH = 60;
const NAME_REACH = 3;

const squeeze = (v: CellValue | undefined) => (v === null || v === undefined ? "" : String(v).replace(/\s+/g, ""));

export function isSubjectCode(text: string): boolean {
  return /^\d{3}(\d{2}){0,2}$/.test(text);
}

/** The write that fills the name beside an edited code cell, or null when there is nothing to fill. */
export function codeNameFill(
  grid: SheetGrid,
  cell: string,
  nameOf: (kind: CodeKind, code: string) => string | undefined,
): CellWrite | null {
  const { row, col } = parseA1(cell);
  const at = (r: number, c: number) => grid.values[r - grid.top]?.[c - grid.left];
  const code = squeeze(at(row, col));
  if (!isSubjectCode(code)) return null;
  for (let r = row - 1; r >= Math.max(grid.top, row - HEADER_REACH); r--) {
    const kind = CODE_HEADERS[squeeze(at(r, col))];
    if (!kind) continue;
    for (let c = col + 1; c <= col + NAME_REACH; c++) {
      if (!NAME_HEADERS.has(squeeze(at(r, c))) && !NAME_HEADERS.has(squeeze(at(r - 1, c)))) continue;
      if (squeeze(at(row, c)) !== "") return null;
      const name = nameOf(kind, code);
      return name ? { sheet: grid.name, cell: a1(row, c), value: name } : null;
    }
    return null;
  }
  return null;
}
