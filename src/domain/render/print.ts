/**
 * How a table prints, worked out from its plan since neither exceljs nor Excel on the web fits rows to their text:
 * the title block and header repeated on every page, the table's name and 第 N 页 in the footer, one page wide and —
 * where the table fits one page at 90 % or more of the width-fit scale — one page tall rather than a spill page of a
 * few rows, and the height each row needs for its wrapped names.
 */
import { parseRange } from "../grid";
import { cellSpecs, isWide, PLAN_FONT, PRINT_MARGINS, type SheetPlan } from "./plan";

/** A4 landscape less the margins, in points. */
const PAGE = {
  width: 842 - (PRINT_MARGINS.left + PRINT_MARGINS.right) * 72,
  height: 595 - (PRINT_MARGINS.top + PRINT_MARGINS.bottom) * 72,
};
/** Points per line of 11 pt text (Excel's default row), and of the 16 pt title. */
const LINE = 14.25;
const TITLE_LINE = 20.25;
/** A table at least this share of the width-fit scale on one page is printed on one page. */
const MIN_SCALE = 0.9;

/** Excel's column width in characters, as points (the '0' of the default font is 7 px, plus 5 px of padding). */
export const charsToPoints = (chars: number): number => (chars * 7 + 5) * 0.75;

/** How wide a text is in Excel's width units: a CJK or full-width character takes two, others one. */
function textUnits(text: string): number {
  let n = 0;
  for (const ch of text) n += isWide(ch) ? 2 : 1;
  return n;
}

/** Lines a text wraps to in a cell `units` wide (a unit of padding on each side). */
const linesIn = (text: string, units: number): number =>
  text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(textUnits(line) / Math.max(1, units - 1))), 0);

/**
 * Row heights (points) where a wrapped cell needs more than one line, null elsewhere. A merge across columns wraps
 * in their summed width; a merge down several rows shares the rows it spans and is left to them.
 */
export function rowHeights(plan: SheetPlan): (number | null)[] {
  const specs = cellSpecs(plan);
  const span = new Map<string, { cols: number[]; rows: number }>();
  const covered = new Set<string>();
  for (const m of plan.merges) {
    const r = parseRange(m);
    span.set(`${r.top},${r.left}`, { cols: Array.from({ length: r.right - r.left + 1 }, (_, i) => r.left + i), rows: r.bottom - r.top + 1 });
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) if (row !== r.top || col !== r.left) covered.add(`${row},${col}`);
  }
  return plan.values.map((row, r) => {
    let lines = 1;
    row.forEach((value, c) => {
      const key = `${r},${c}`;
      const spec = specs.get(key);
      if (value === null || !spec?.wrap || covered.has(key)) return;
      const s = span.get(key) ?? { cols: [c], rows: 1 };
      if (s.rows > 1) return;
      const units = s.cols.reduce((n, i) => n + (plan.columnWidths[i] ?? 8.43), 0);
      lines = Math.max(lines, linesIn(String(value), units));
    });
    return lines > 1 ? lines * LINE : null;
  });
}

/** The plan with its print layout: rows `titleRows` (1-based, inclusive) repeated on every page. */
export function withPrintLayout(plan: SheetPlan, titleRows: [number, number]): SheetPlan {
  const heights = rowHeights(plan);
  const width = plan.columnWidths.reduce((n, w) => n + charsToPoints(w), 0);
  const scale = Math.min(1, PAGE.width / width);
  const height = heights.reduce<number>((n, h, r) => n + (h ?? (r === 1 ? TITLE_LINE : LINE * (PLAN_FONT.size / 11))), 0);
  // Pages tall as printed one page wide: one when the whole fits at no less than 90 % of that scale.
  const onePage = height * scale * MIN_SCALE <= PAGE.height;
  return {
    ...plan,
    rowHeights: heights,
    print: { ...plan.print, titleRows, footer: plan.name, fitToHeight: onePage ? 1 : 0 },
  };
}
