/**
 * A SheetPlan says what is drawn on one sheet — values, merges, styles, widths — never how.
 * The Excel adapter, the preview host, the .xlsx writer and (later) the Word export all draw from it.
 */
import { parseRange, type CellValue } from "../grid";
import { Decimal, formatAmount } from "../money";

/** Named styles; each drawing target maps them to its own formatting. */
export type StyleName =
  | "tableNumber" // 预算公开表N
  | "title" // merged, bold, large, centred
  | "meta" // 部门名称 line
  | "unit" // 单位：万元, right-aligned
  | "header" // bold, centred, bordered, wrapped
  | "label" // body text cells, bordered
  | "code" // subject codes, bordered, kept as text
  | "amount" // bordered, #,##0.00
  | "yuan" // 元 in the 绩效目标表, whole: bordered, #,##0
  | "total" // bold body row (合计 …), bordered
  | "note"; // 注：本表无数据

export const AMOUNT_FORMAT = "#,##0.00";
export const YUAN_FORMAT = "#,##0";

/** What each style sets. Every drawing target (Excel, .xlsx, preview, Word) translates these the same way. */
export interface StyleSpec {
  bold?: boolean;
  fontSize?: number;
  hAlign?: "left" | "center" | "right";
  vAlign?: "top" | "center";
  wrap?: boolean;
  /** Thin borders on every edge of every cell. */
  border?: boolean;
  /** Excel number format; "@" keeps codes as text. */
  numberFormat?: string;
}

/** Whether a character prints two columns wide (CJK, full-width forms and punctuation, curly quotes, …, —). */
export const isWide = (ch: string): boolean => /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”‘’…—]/.test(ch);

/** One face throughout: 宋体 is the usual face of published budget tables and ships with every Chinese Windows. */
export const PLAN_FONT = { name: "宋体", size: 11 };

export const STYLE_SPECS: Record<StyleName, StyleSpec> = {
  tableNumber: { hAlign: "left" },
  title: { bold: true, fontSize: 16, hAlign: "center", vAlign: "center" },
  meta: { hAlign: "left" },
  unit: { hAlign: "right" },
  header: { bold: true, hAlign: "center", vAlign: "center", wrap: true, border: true },
  label: { border: true, wrap: true, vAlign: "center" },
  code: { border: true, numberFormat: "@", hAlign: "left", vAlign: "center" },
  amount: { border: true, numberFormat: AMOUNT_FORMAT, hAlign: "right", vAlign: "center" },
  yuan: { border: true, numberFormat: YUAN_FORMAT, hAlign: "right", vAlign: "center" },
  total: { bold: true },
  note: { hAlign: "left" },
};

export interface StyledRange {
  range: string; // A1 range
  style: StyleName;
}

export interface SheetPlan {
  /** Sheet name: ≤ 31 characters, unique in the workbook. */
  name: string;
  tableId: string;
  /** Rectangular values from A1 (null = empty cell). */
  values: CellValue[][];
  merges: string[];
  /** Applied in order; a later style changes only what it sets (a total row keeps its amount format). */
  styles: StyledRange[];
  /** Column widths in characters (Excel's own unit). */
  columnWidths: number[];
  /** Rows frozen at the top (title, meta and header). */
  freezeRows: number;
  /** A4 landscape, fit to one page wide; a table's print layout besides (print.ts). */
  print: {
    orientation: "landscape";
    paper: "A4";
    fitToWidth: true;
    /** Rows printed at the top of every page (1-based, inclusive): the title block and the header. */
    titleRows?: [number, number];
    /** The footer's name of the sheet, beside 第 N 页，共 M 页. */
    footer?: string;
    /** Pages tall: 1 where the table fits one page at 90 % of the width-fit scale or more, else as many as needed. */
    fitToHeight?: 0 | 1;
  };
  /** Row heights in points where wrapped text needs more than one line; null for Excel's default. */
  rowHeights?: (number | null)[];
}

/** Page margins in inches, narrower than Excel's normal ones as published tables are printed: more rows to a page. */
export const PRINT_MARGINS = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.2, footer: 0.2 };

/** The footer Excel prints: the sheet's name at the left, 第 N 页，共 M 页 at the right. */
export const footerCode = (name: string): { left: string; right: string } => ({ left: name.replace(/&/g, "&&"), right: "第 &P 页，共 &N 页" });

/** The spec of every styled cell, keyed "row,col" (0-based): styles in plan order, each changing only what it sets. */
export function cellSpecs(plan: SheetPlan): Map<string, StyleSpec> {
  // Each cell's styles by name first, then one shared object per combination: a large table has a million cells
  // and a dozen combinations.
  const names = new Map<string, string>();
  for (const { range, style } of plan.styles) {
    const r = parseRange(range);
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) {
        const key = `${row},${col}`;
        const before = names.get(key);
        names.set(key, before === undefined ? style : `${before} ${style}`);
      }
  }
  const combined = new Map<string, StyleSpec>();
  const specs = new Map<string, StyleSpec>();
  for (const [key, joined] of names) {
    const spec = combined.get(joined) ?? Object.assign({}, ...joined.split(" ").map((s) => STYLE_SPECS[s as StyleName]));
    combined.set(joined, spec);
    specs.set(key, spec);
  }
  return specs;
}

/**
 * A cell as printed by a target that has no number formats of its own (Word, HTML, the preview): numbers in the
 * two amount formats with separators and their decimals; anything else, a code typed as a number included, as is.
 */
export function cellText(value: CellValue, spec: StyleSpec | undefined): string {
  if (value === null) return "";
  if (typeof value !== "number") return String(value);
  const amount = formatAmount(new Decimal(String(value)));
  if (spec?.numberFormat === AMOUNT_FORMAT) return amount;
  if (spec?.numberFormat === YUAN_FORMAT) return amount.replace(/\.\d+$/, "");
  return String(value);
}
