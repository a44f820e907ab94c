/** The validate report in its three formats: text for the reviewer, JSON for programs, CSV for Excel. */
import type { Finding, Severity } from "../domain/finding";
import type { Pack } from "../domain/packs";
import { csvText } from "../domain/export/csv";

/** One workbook's result; `error` when it could not be checked at all (then nothing else is filled in). */
export interface FileReport {
  file: string;
  /** The pack the file was checked with: its own (found by its tables' titles), or the one given with --pack. */
  pack?: { id: string; version: string; name: string };
  tablesFound: string[];
  findings: Finding[];
  error?: string;
}

export type Format = "text" | "json" | "csv";
export const FORMATS: Format[] = ["text", "json", "csv"];

const SEVERITY: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };
const SEVERITIES = Object.keys(SEVERITY) as Severity[];

/** A cell as Excel's Go To (Ctrl+G) takes it: the sheet name quoted when it has spaces or punctuation. */
export function excelRef(sheet: string, cell: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) ? `${sheet}!${cell}` : `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/** 错误 2，警告 0，提示 1 */
function counts(findings: Finding[]): string {
  return SEVERITIES.map((s) => `${SEVERITY[s]} ${findings.filter((f) => f.severity === s).length}`).join("，");
}

function textReport(reports: FileReport[], packs: readonly Pack[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    if (r.error !== undefined) {
      lines.push(`== ${r.file}：无法校验：${r.error}`, "");
      continue;
    }
    const pack = packs.find((p) => p.id === r.pack?.id);
    const used = r.pack ? `模板包 ${r.pack.id} ${r.pack.version}（${r.pack.name}）；` : "";
    lines.push(`== ${r.file}：${used}找到 ${r.tablesFound.length}/${pack?.tables.length ?? 0} 张表；${counts(r.findings)}`);
    // Findings outside any table (table "") come last.
    const groups = [...(pack?.tables ?? []).map((t) => ({ id: t.id, title: `${t.sheetName}（${t.id}）` })), { id: "", title: "其他" }];
    for (const { id, title } of groups) {
      const findings = r.findings.filter((f) => f.table === id);
      if (!findings.length) continue;
      lines.push(title);
      for (const f of findings) {
        const place = f.sheet ? ` ${excelRef(f.sheet, f.cell)}` : "";
        lines.push(`  ${f.rule} ${SEVERITY[f.severity]}${place}  ${f.message}`);
      }
    }
    lines.push("");
  }
  const unusable = reports.filter((r) => r.error !== undefined).length;
  lines.push(`共 ${reports.length} 个文件${unusable ? `（${unusable} 个无法校验）` : ""}：${counts(reports.flatMap((r) => r.findings))}`);
  return `${lines.join("\n")}\n`;
}

function jsonReport(reports: FileReport[]): string {
  const files = reports.map((r) => ({
    file: r.file,
    ...(r.pack ? { pack: r.pack } : {}),
    tables_found: r.tablesFound,
    findings: r.findings,
    ...(r.error !== undefined ? { error: r.error } : {}),
  }));
  return `${JSON.stringify({ files }, null, 2)}\n`;
}

const CSV_HEADER = ["文件", "模板包", "规则", "级别", "表号", "工作表", "单元格", "应为", "实际", "差额", "说明"];

function csvReport(reports: FileReport[]): string {
  const rows = reports.flatMap((r) =>
    // An unusable file still gets a row, so that a filtered spreadsheet does not hide it.
    r.error !== undefined
      ? [[r.file, "", "", "无法校验", "", "", "", "", "", "", r.error]]
      : r.findings.map((f) => [
          r.file,
          r.pack ? `${r.pack.id} ${r.pack.version}` : "",
          f.rule,
          SEVERITY[f.severity],
          f.table,
          f.sheet,
          f.cell,
          f.expected ?? "",
          f.actual ?? "",
          f.difference ?? "",
          f.message,
        ]),
  );
  return csvText([CSV_HEADER, ...rows]);
}

/** `packs`: the packs the files may have been checked with (for the order and names of their tables). */
export function formatReport(format: Format, reports: FileReport[], packs: readonly Pack[]): string {
  if (format === "json") return jsonReport(reports);
  if (format === "csv") return csvReport(reports);
  return textReport(reports, packs);
}
