/** A sheet's values as a 2-D array, and A1 address helpers. Pure: no office.js, no Node. */

export type CellValue = string | number | boolean | null;

/** What was left out of a sheet too large to read whole (read/bounds.ts): `skipped` when none of it was read, else the values beyond a gap. */
export interface Clipped {
  /** The area the values span, as found ("A1:XFD1048576"). */
  spans: string;
  /** Cells holding a value that were not read. */
  ignored: number;
  /** The first of them, row by row: where the finding stands. */
  first: string;
  skipped: boolean;
}

/** The values of one sheet's used range; `top`/`left` are the 0-based row/column of values[0][0]. */
export interface SheetGrid {
  name: string;
  top: number;
  left: number;
  values: CellValue[][];
  /** Hidden (or very hidden) in Excel: read and checked all the same, and said so (S13). */
  hidden?: boolean;
  /** Values left unread because the sheet spans too much: said so (S14). */
  clipped?: Clipped;
  /** Merges too large to load, read as if unmerged (their values are kept): said so (S14). */
  droppedMerges?: string[];
}

/** Letters of the columns A to ZZ, made when first asked: every cell read asks for its address. */
const LETTERS: string[] = [];

/** 0-based column index → letters (0 → A, 26 → AA). */
export function columnLetters(col: number): string {
  if (Number.isInteger(col) && col >= 0 && col < 702) return (LETTERS[col] ??= lettersOf(col));
  return lettersOf(col);
}

function lettersOf(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based (row, col) → "B3". */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** 0-based rectangle → "A1:C4" (a single cell gives "A1"). */
export function a1Range(top: number, left: number, bottom: number, right: number): string {
  const start = a1(top, left);
  return top === bottom && left === right ? start : `${start}:${a1(bottom, right)}`;
}

export interface CellPos {
  row: number;
  col: number;
}

export interface RangePos {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "B3" → {row: 2, col: 1}. Throws on anything else. */
export function parseA1(ref: string): CellPos {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref.trim().toUpperCase());
  if (!m) throw new Error(`不是有效的单元格地址：${ref}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** "A1:C4" or "B2" → rectangle. */
export function parseRange(ref: string): RangePos {
  const [a, b] = ref.split(":");
  const s = parseA1(a);
  const e = b === undefined ? s : parseA1(b);
  return {
    top: Math.min(s.row, e.row),
    left: Math.min(s.col, e.col),
    bottom: Math.max(s.row, e.row),
    right: Math.max(s.col, e.col),
  };
}

/** Move a range by whole rows/columns ("A1:B1" shifted by 3 rows → "A4:B4"). */
export function shiftRange(ref: string, rows: number, cols = 0): string {
  const r = parseRange(ref);
  return a1Range(r.top + rows, r.left + cols, r.bottom + rows, r.right + cols);
}
