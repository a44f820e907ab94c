/**
 * How much of a sheet is read: memory follows what the sheet holds, not how far its used range reaches. One stray
 * value at XFD1048576 would make a rows × columns grid of 17 billion cells; instead the values beyond a wide empty
 * gap are left out, and a sheet whose values still span more than SHEET_CELL_LIMIT cells is skipped — each said in a
 * finding (S14), so the reviewer knows what was not read.
 */
import { a1, a1Range, type CellValue, type Clipped, type RangePos, type SheetGrid } from "../grid";

/** The most cells (rows × columns from A1) a sheet's grid may span: 5 million, ~40 MB of values. */
export const SHEET_CELL_LIMIT = 5_000_000;
/** The most cells one merge may cover, and all of a sheet's merges together: far beyond a table's titles and notes. */
export const MERGE_CELL_LIMIT = 10_000;
export const SHEET_MERGED_LIMIT = 1_000_000;
/** Empty rows, and empty columns, that part a sheet's tables from a stray value beyond them. */
export const GAP_ROWS = 1_000;
export const GAP_COLUMNS = 100;

/**
 * The rows (or columns) kept: from 0 to the end of the last run of occupied ones before a gap wider than `gap`.
 * `spans` are occupied [start, end] intervals, in any order.
 */
function keptEnd(spans: [number, number][], gap: number): number {
  const sorted = spans.slice().sort((a, b) => a[0] - b[0]);
  let end = -1;
  for (const [start, stop] of sorted) {
    if (start - end - 1 > gap) break;
    end = Math.max(end, stop);
  }
  return end;
}

/** Whether a grid from A1 to (bottom, right) is within the limit. */
export const fits = (bottom: number, right: number) => (bottom + 1) * (right + 1) <= SHEET_CELL_LIMIT;

/**
 * The area to read, from A1, of a sheet whose values (single cells from a file, areas from Excel) span more than
 * the limit: up to the first wide gap down and across; `null` when even that is too large, and the sheet is skipped.
 */
export function clippedArea(rects: RangePos[]): { bottom: number; right: number } | null {
  const bottom = keptEnd(rects.map((r) => [r.top, r.bottom]), GAP_ROWS);
  const right = keptEnd(rects.filter((r) => r.top <= bottom).map((r) => [r.left, r.right]), GAP_COLUMNS);
  return fits(bottom, right) ? { bottom, right } : null;
}

/** A sheet's grid from its non-empty cells (row, col 0-based, in any order): dense within the area read. */
export function boundedGrid(name: string, cells: { row: number; col: number; value: CellValue }[], hidden = false): SheetGrid {
  let bottom = -1;
  let right = -1;
  for (const { row, col } of cells) {
    bottom = Math.max(bottom, row);
    right = Math.max(right, col);
  }
  const spans = a1Range(0, 0, bottom, right);
  let skipped = false;
  if (!fits(bottom, right)) {
    const area = clippedArea(cells.map(({ row, col }) => ({ top: row, left: col, bottom: row, right: col })));
    skipped = !area;
    ({ bottom, right } = area ?? { bottom: -1, right: -1 });
  }
  const values = Array.from({ length: bottom + 1 }, () => new Array<CellValue>(right + 1).fill(null));
  let ignored = 0;
  let first: { row: number; col: number } | null = null;
  for (const { row, col, value } of cells) {
    if (row <= bottom && col <= right) values[row][col] = value;
    else {
      ignored++;
      if (!first || row < first.row || (row === first.row && col < first.col)) first = { row, col };
    }
  }
  const clipped: Clipped | null = first && { spans, ignored, first: a1(first.row, first.col), skipped };
  return { name, top: 0, left: 0, values, ...(hidden ? { hidden: true } : {}), ...(clipped ? { clipped } : {}) };
}
