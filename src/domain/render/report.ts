/**
 * Findings → the 校验报告 sheet: the title, a department / year / date line, a summary per table, then one
 * row per finding. Drawn with the named styles of plan.ts, like the tables themselves.
 */
import { compareFindings, SEVERITIES, type Finding } from "../finding";
import { a1Range, type CellValue } from "../grid";
import { parseAmount } from "../money";
import type { Pack } from "../packs/schema";
import { SEVERITY_NAMES } from "./marks";
import type { SheetPlan, StyledRange } from "./plan";
import { summaryOf, type Report, type WorkbookReport } from "../report/model";

export const REPORT_SHEET = "校验报告";
export const REPORT_TITLE = "部门预算公开校验报告";

/** One workbook's report (the one report object), drawn on a sheet with its pack's tables. */
export interface ReportInput extends Pick<Report, "checkedAt" | "strict"> {
  pack: Pack;
  workbook: WorkbookReport;
  /** The sheet's name: REPORT_SHEET, or a free variant when that is taken. */
  name?: string;
}

/** The finding list's columns and their widths in characters. */
const COLUMNS: [string, number][] = [
  ["序号", 6],
  ["规则", 8],
  ["级别", 6],
  ["表", 8],
  ["工作表", 24],
  ["单元格", 8],
  ["应为", 14],
  ["实际", 14],
  ["差额", 12],
  ["说明", 60],
];
const LAST = COLUMNS.length - 1;

const pad = (n: number) => String(n).padStart(2, "0");

/** Local time, to the minute: 2024-05-01 14:03. */
export function reportDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A printed figure as a number, when the finding compares amounts; otherwise its text, kept as text. */
function figure(text: string | undefined, amounts: boolean): CellValue {
  if (text === undefined) return null;
  const parsed = amounts ? parseAmount(text) : null;
  return parsed?.kind === "amount" ? parsed.value.toNumber() : text;
}

export function renderReport(input: ReportInput): SheetPlan {
  const { pack } = input;
  const { findings, tablesFound, department, year } = input.workbook;
  const values: CellValue[][] = [];
  const merges: string[] = [];
  const styles: StyledRange[] = [];
  const row = (cells: CellValue[]): number => {
    values.push(Array.from({ length: COLUMNS.length }, (_, i) => cells[i] ?? null));
    return values.length - 1;
  };
  const wide = (r: number, style: StyledRange["style"]) => {
    merges.push(a1Range(r, 0, r, LAST));
    styles.push({ range: a1Range(r, 0, r, LAST), style });
  };
  const heading = (text: string) => {
    const r = row([text]);
    styles.push({ range: a1Range(r, 0, r, 0), style: "total" });
  };

  wide(row([REPORT_TITLE]), "title");
  const mode = input.strict ? "严格（不计尾差）" : "常规（允许尾差）";
  wide(
    row([`部门名称：${department || "（未填写）"}　预算年度：${year ?? "（未知）"}　校验时间：${reportDate(input.checkedAt)}　校验方式：${mode}`]),
    "meta",
  );
  row([]);

  // ---- summary: every table of the pack, then findings outside them, then the total ----
  // An explained finding counts apart, as in every report.
  const count = (list: Finding[]) => {
    const s = summaryOf(list);
    return SEVERITIES.map((k) => s[k]);
  };
  const known = new Set(pack.tables.map((t) => t.id));
  const summary: [string, string, Finding[]][] = pack.tables.map((t) => [
    t.sheetName,
    tablesFound.includes(t.id) ? "已找到" : "未找到",
    findings.filter((f) => f.table === t.id),
  ]);
  const elsewhere = findings.filter((f) => !known.has(f.table));
  if (elsewhere.length > 0) summary.push(["其他", "", elsewhere]);

  heading("一、汇总");
  const head = row(["表", null, null, null, null, "状态", ...SEVERITIES.map((s) => SEVERITY_NAMES[s])]);
  const top = head + 1;
  for (const [label, status, list] of summary) row([label, null, null, null, null, status, ...count(list)]);
  const total = row(["合计", null, null, null, null, `${tablesFound.length}/${pack.tables.length}`, ...count(findings)]);
  for (let r = head; r <= total; r++) merges.push(a1Range(r, 0, r, 4));
  const explained = summaryOf(findings).explained;
  if (explained > 0) values[total][LAST] = `另有已说明 ${explained} 条，不计入上列`;
  styles.push(
    { range: a1Range(head, 0, head, 8), style: "header" },
    { range: a1Range(top, 0, total, 8), style: "label" },
    { range: a1Range(total, 0, total, 8), style: "total" },
  );
  row([]);

  // ---- the findings, errors first ----
  heading(`二、问题清单（共 ${findings.length} 条）`);
  const listHead = row(COLUMNS.map(([name]) => name));
  styles.push({ range: a1Range(listHead, 0, listHead, LAST), style: "header" });
  const numberOf = new Map(pack.tables.map((t) => [t.id, `表${t.number}`]));
  [...findings].sort(compareFindings).forEach((f, i) => {
    // Only a finding with a difference compares amounts; other figures (codes, names, years) stay text.
    const amounts = f.difference !== undefined;
    const r = row([
      i + 1,
      f.rule,
      f.explanation !== undefined ? `${SEVERITY_NAMES[f.severity]}（已说明）` : SEVERITY_NAMES[f.severity],
      numberOf.get(f.table) ?? f.table,
      f.sheet,
      f.cell,
      figure(f.expected, amounts),
      figure(f.actual, amounts),
      figure(f.difference, amounts),
      f.explanation !== undefined ? `${f.message}\n已说明：${f.explanation}` : f.message,
    ]);
    styles.push(
      { range: a1Range(r, 0, r, 5), style: "label" },
      { range: a1Range(r, 6, r, 8), style: amounts ? "amount" : "code" },
      { range: a1Range(r, LAST, r, LAST), style: "label" },
    );
  });
  if (findings.length === 0) wide(row(["未发现问题。"]), "note");

  return {
    name: input.name ?? REPORT_SHEET,
    tableId: "report",
    values,
    merges,
    styles,
    columnWidths: COLUMNS.map(([, width]) => width),
    freezeRows: 0,
    print: { orientation: "landscape", paper: "A4", fitToWidth: true },
  };
}
