/**
 * How findings show on the workbook's cells: a fill by severity and a note listing what is wrong there.
 * Drawn the same by every WorkbookPort (Excel, the preview host).
 */
import { compareFindings, type CellRef, type Finding, type Severity } from "../finding";
import { titleOf } from "../rules";

export const SEVERITY_NAMES: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };

/** Light red, light orange, light blue: readable under black text, and unlike any fill the templates use. */
export const MARK_FILLS: Record<Severity, string> = { error: "#FFC7CE", warning: "#FFDDB3", info: "#DDEBF7" };

/** Every note the add-in writes starts with this line: it tells the add-in's notes from the user's own. */
export const MARK_NOTE_HEAD = "【预算公开校验】";

/** A note lists at most this many findings; a cell with more says how many were left out. */
const NOTE_FINDINGS = 10;

/** One marked cell: its worst severity and the note naming every finding on it. */
export interface MarkTarget extends CellRef {
  severity: Severity;
  note: string;
}

function noteLine(f: Finding): string {
  const title = titleOf(f);
  return `${f.rule}${title ? ` ${title}` : ""}（${SEVERITY_NAMES[f.severity]}）：${f.message}`;
}

/** Whether a finding points at a cell; a missing table (S01) has no place in the workbook. */
export const hasPlace = (f: Finding): boolean => f.sheet !== "" && f.cell !== "";

/** The cells to mark, one per cell however many findings it has, in finding order (errors first). */
export function markTargets(findings: Finding[]): MarkTarget[] {
  const byCell = new Map<string, Finding[]>();
  for (const f of findings.filter(hasPlace).sort(compareFindings)) {
    const key = `${f.sheet}!${f.cell}`;
    const list = byCell.get(key);
    if (list) list.push(f);
    else byCell.set(key, [f]);
  }
  return [...byCell.values()].map((list) => {
    const more = list.length - NOTE_FINDINGS;
    const lines = [MARK_NOTE_HEAD, ...list.slice(0, NOTE_FINDINGS).map(noteLine), ...(more > 0 ? [`……另有 ${more} 条`] : [])];
    return { sheet: list[0].sheet, cell: list[0].cell, severity: list[0].severity, note: lines.join("\n") };
  });
}
