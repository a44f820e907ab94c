/** A sheet's non-empty cells, row by row, with their places: what the form and text readers walk. */
import { a1, type CellValue, type SheetGrid } from "../grid";
import type { CellRef } from "../finding";

export interface GridCell {
  /** 0-based row and column on the sheet. */
  row: number;
  col: number;
  value: CellValue;
  /** The value as text, trimmed. */
  text: string;
  ref: CellRef;
}

/** Grids are never changed once read; the readers of texts, forms, glossary and 目录 may each walk the same sheet. */
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
