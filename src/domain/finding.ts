/** A finding: what a check says about one place in the workbook, with the two figures and their difference. */

/** A cell of the workbook: its sheet and A1 address. */
export interface CellRef {
  sheet: string;
  cell: string; // A1 address
}

export type Severity = "error" | "warning" | "info";

export interface Place extends CellRef {
  /** Table id (T01…), or "" for a place outside the tables. */
  table: string;
}

export interface Finding {
  rule: string;
  /** The rule's title, where the rule is the pack's own (not in RULES.md). */
  title?: string;
  severity: Severity;
  table: string;
  sheet: string;
  cell: string;
  /** The other places the finding compares with (the other table's figure, the parts of a sum). */
  related: Place[];
  /** What the figure should be, as printed (two decimals for amounts). */
  expected?: string;
  /** What the figure is. */
  actual?: string;
  /** actual − expected. */
  difference?: string;
  message: string;
  /** Why it is as it is, as the clerk explained it (已说明): kept while the figures stay as they were. */
  explanation?: string;
}

/** Every severity, the gravest first. */
export const SEVERITIES: Severity[] = ["error", "warning", "info"];

/** Severities from the gravest: error 0, warning 1, info 2. */
export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then by table, sheet and position. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    a.table.localeCompare(b.table) ||
    a.sheet.localeCompare(b.sheet) ||
    cellOrder(a.cell) - cellOrder(b.cell) ||
    a.rule.localeCompare(b.rule)
  );
}

function cellOrder(cell: string): number {
  const m = /^([A-Z]+)(\d+)$/.exec(cell);
  if (!m) return 0;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return Number(m[2]) * 1000 + col;
}
