/** A sheet's non-empty cells, row by row, with their places: what the form and text readers walk. */
import { a1, type CellValue, type SheetGrid } from "../grid";
import type { CellRef } from "../finding";
import { normalizeName } from "../catalog/catalog";

export interface GridCell {
  /** 0-based row and column on the sheet. */
  row: number;
  col: number;
  value: CellValue;
  /** The value as text, trimmed. */
  text: string;
  ref: CellRef;
}

/** A cell's value as texts are compared (normalizeName): "" for a blank. */
export const comparedText = (v: CellValue | undefined): string => (v === null || v === undefined ? "" : normalizeName(String(v)));

const normalized = new WeakMap<SheetGrid, string[][]>();

/**
 * A grid's cells as compared, row by row and column by column as in `values`; worked out once per grid: each pack
 * tried on a workbook, its input sheets and the texts' titles all look at the same cells.
 */
export function gridTexts(grid: SheetGrid): readonly (readonly string[])[] {
  let texts = normalized.get(grid);
  if (!texts) normalized.set(grid, (texts = grid.values.map((row) => row.map(comparedText))));
  return texts;
}

/** Grids are never changed once read; the readers of texts, forms, glossary and 目录 each walk every sheet. */
const walked = new WeakMap<SheetGrid, readonly (readonly GridCell[])[]>();

/**
 * One entry per row of the grid (in order, blank rows as []), each the row's non-empty cells from left to right.
 * Made once per grid: callers must not change what they are given.
 */
export function gridRows(grid: SheetGrid): readonly (readonly GridCell[])[] {
  let rows = walked.get(grid);
  if (!rows) walked.set(grid, (rows = cellsOf(grid)));
  return rows;
}

function cellsOf(grid: SheetGrid): GridCell[][] {
  return grid.values.map((values, i) =>
    values.flatMap((value, j) => {
      const text = value === null || value === undefined ? "" : String(value).trim();
      const row = grid.top + i;
      const col = grid.left + j;
      return text === "" ? [] : [{ row, col, value, text, ref: { sheet: grid.name, cell: a1(row, col) } }];
    }),
  );
}
