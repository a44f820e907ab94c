/**
 * How a table's logical columns are laid out on the sheet. A code column may be printed as one column
 * ("2011301") or split into 类/款/项 columns ("201 13 01", as Shanghai prints it): the pack says which, the
 * drawing follows it, and the reader takes either. Header rows and merges are physical; body rows are logical.
 * Also how a column and a declared row are captioned, which the drawing, the reader and the messages share.
 */
import { normalizeCode, normalizeName } from "../catalog/catalog";
import type { CellValue } from "../grid";

interface ColumnLike {
  width: number;
  /** Captions of the physical columns a code is split into (类, 款, 项). */
  split?: string[];
}

/** One physical column: the logical column it belongs to, and its width. */
export interface PhysicalColumn {
  column: number;
  width: number;
}

export function physicalColumns(columns: readonly ColumnLike[]): PhysicalColumn[] {
  return columns.flatMap((c, column): PhysicalColumn[] => Array.from({ length: c.split?.length ?? 1 }, () => ({ column, width: c.width })));
}

/**
 * A column's caption as the pack heads it (raw, {year} left in): its lowest header text that is not a column number;
 * over a code split into levels, the caption above the row of the levels' captions (类/款/项).
 */
export function columnCaption(
  decl: { columns: readonly ColumnLike[]; header: { rows: readonly (readonly (string | null)[])[] } },
  column: number,
): string {
  const at = physicalColumns(decl.columns).findIndex((p) => p.column === column);
  const rows = decl.header.rows;
  const split = decl.columns[column].split;
  const below = split
    ? Math.max(
        0,
        rows.findIndex((r) => r[at] !== null && normalizeName(r[at]!) === normalizeName(split[0])),
      )
    : rows.length;
  for (let r = below - 1; r >= 0; r--) {
    const t = rows[r][at];
    if (t && !/^\d+$/.test(normalizeName(t))) return t;
  }
  return "";
}

/** Digits of each level of a code: 类 3, then 2 for each 款 and 项. */
const PART_DIGITS = [3, 2, 2];

/**
 * A code as its split columns print it: "2011301" → ["201", "13", "01"], "201" → ["201", null, null]. Text that
 * is not a code ("合计") stands in the first column.
 */
export function splitCode(value: CellValue, parts: number): CellValue[] {
  const out = new Array<CellValue>(parts).fill(null);
  const text = value === null ? "" : String(value).trim();
  if (!/^\d+$/.test(text)) {
    out[0] = value;
    return out;
  }
  let at = 0;
  for (let i = 0; i < parts && at < text.length; i++) {
    // The last part takes whatever is left, so a code longer than the columns allow is not cut short.
    const n = i === parts - 1 ? text.length - at : PART_DIGITS[i];
    out[i] = text.slice(at, at + n);
    at += n;
  }
  return out;
}

/**
 * The code a row's split columns print. A level left blank under a printed lower level is the one of the code
 * above it ("13 01" under "201"), as budget systems print it; a part typed as a number loses its leading zero
 * (2 for "02"), which is put back. A whole code typed in the first column is taken as it stands. Cells that are
 * not digits ("合计", "…") are returned as text, joined.
 */
export function joinCode(cells: (CellValue | undefined)[], above: string): string {
  const texts = cells.map((v) => normalizeCode(v ?? null));
  if (texts.some((t) => t !== "" && !/^\d+$/.test(t))) return texts.filter((t) => t !== "").join("");
  const last = texts.reduce((n, t, i) => (t !== "" ? i : n), -1);
  if (last < 0) return "";
  if (last === 0) return texts[0];
  let code = "";
  for (let i = 0; i <= last; i++) {
    const digits = PART_DIGITS[i];
    const own = texts[i];
    if (own !== "") code += own.length < digits ? own.padStart(digits, "0") : own;
    else {
      // Inherit the level from the code above, when that code has it.
      const start = PART_DIGITS.slice(0, i).reduce((s, n) => s + n, 0);
      const inherited = above.slice(start, start + digits);
      if (inherited.length !== digits) return texts.filter((t) => t !== "").join("");
      code += inherited;
    }
  }
  return code;
}

/** "一、一般公共预算" → "一般公共预算"; also （一）, (1), 1., 1、, ①. */
export function stripNumbering(s: string): string {
  // ①…⑳ first: NFKC would turn them into plain digits.
  return normalizeName(s.replace(/^\s*[①-⑳]/, "")).replace(/^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十\d]+\)|\d+[.、])/, "");
}

interface DeclaredTable {
  columns: readonly { key: string; kind: string }[];
  body: { rows: readonly DeclaredRow[]; trailing?: readonly DeclaredRow[] };
}
interface DeclaredRow {
  cells: readonly CellValue[];
  aliases?: readonly string[];
}

/**
 * The declared row (leading or trailing) a caption names, numbering ignored: the text column it stands in, and
 * every caption a workbook may print for it (its own, and its aliases). Undefined when the table declares no such row.
 */
export function declaredRow(decl: DeclaredTable, caption: string): { key: string; captions: Set<string> } | undefined {
  const want = stripNumbering(caption);
  for (const row of [...decl.body.rows, ...(decl.body.trailing ?? [])]) {
    const labels = row.cells.flatMap((c, i) =>
      c !== null && decl.columns[i].kind !== "amount" ? [{ text: String(c), key: decl.columns[i].key }] : [],
    );
    const aliases = (row.aliases ?? []).map(stripNumbering);
    const hit = labels.find((l) => stripNumbering(l.text) === want) ?? (aliases.includes(want) ? labels[0] : undefined);
    if (hit) return { key: hit.key, captions: new Set([stripNumbering(hit.text), ...aliases]) };
  }
  return undefined;
}
