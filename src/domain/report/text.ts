/** The report as text for a reviewer at a terminal, and as CSV for Excel. */
import type { Finding } from "../finding";
import { csvText } from "../export/csv";
import type { Pack } from "../packs/schema";
import { YEAR_SOURCES } from "../read/basis";
import { SEVERITY_NAMES } from "../render/marks";
import { SEVERITIES } from "../finding";
import { summaryOf, type Report, type WorkbookReport } from "./model";
import type { Reading } from "../checks/narrative";

/** A cell as Excel's Go To (Ctrl+G) takes it: the sheet name quoted when it has spaces or punctuation. */
export function excelRef(sheet: string, cell: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) ? `${sheet}!${cell}` : `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/** 错误 2，警告 0，提示 1（，已说明 1） */
export function countsText(findings: readonly Finding[]): string {
  const s = summaryOf(findings);
  return [...SEVERITIES.map((k) => `${SEVERITY_NAMES[k]} ${s[k]}`), ...(s.explained ? [`已说明 ${s.explained}`] : [])].join("，");
}

/** The findings of a workbook by table, in the pack's order, those outside any table last. */
export function byTable(r: WorkbookReport, packs: readonly Pack[]): { id: string; title: string; findings: Finding[] }[] {
  const pack = packs.find((p) => p.id === r.pack?.id);
  const groups = [...(pack?.tables ?? []).map((t) => ({ id: t.id, title: `${t.sheetName}（${t.id}）` })), { id: "", title: "其他" }];
  const known = new Set(groups.map((g) => g.id));
  return groups
    .map((g) => ({ ...g, findings: r.findings.filter((f) => f.table === g.id || (g.id === "" && !known.has(f.table))) }))
    .filter((g) => g.findings.length > 0);
}

const READ_AS: Record<Reading["read"], string> = {
  item: "核对",
  subject: "核对",
  lastYear: "上年数或另一口径的数（预算文字中的决算数、决算文字中的年初预算数），未核对",
  unresolved: "科目无法确定，未核对",
  none: "未识别所指，未核对",
};

/** validate --explain-text: each sentence of the 情况说明 once, then each amount in it with what was read from it. */
function readingLines(readings: readonly Reading[]): string[] {
  const lines = [`情况说明逐句读出（${readings.length} 处金额）`];
  let sentence: string | undefined;
  for (const r of readings) {
    if (r.sentence !== sentence) {
      sentence = r.sentence;
      lines.push(`  ${excelRef(r.at.sheet, r.at.cell)} ${r.section}：“${r.sentence}”`);
    }
    const about = r.about ? ` → ${r.about}` : "";
    lines.push(`    ${r.amount}${about}${r.change ? `；${r.change}` : ""}  【${READ_AS[r.read]}】`);
  }
  return lines;
}

export function reportText(report: Report, packs: readonly Pack[]): string {
  const lines: string[] = [];
  for (const r of report.files) {
    if (r.error !== undefined) {
      lines.push(`== ${r.file}：无法校验：${r.error}`, "");
      continue;
    }
    const pack = packs.find((p) => p.id === r.pack?.id);
    const used = r.pack ? `模板包 ${r.pack.id} ${r.pack.version}（${r.pack.name}）；` : "";
    lines.push(`== ${r.file}：${used}找到 ${r.tablesFound.length}/${pack?.tables.length ?? 0} 张表；${countsText(r.findings)}`);
    // A year no table states is one the reviewer should know was taken from elsewhere (and can set with --year).
    if (r.year !== undefined && (r.yearFrom === "heading" || r.yearFrom === "pack"))
      lines.push(`   年度 ${r.year}：取自${YEAR_SOURCES[r.yearFrom]}，如有误请用 --year 指定`);
    for (const group of byTable(r, packs)) {
      lines.push(group.title);
      for (const f of group.findings) {
        const place = f.sheet ? ` ${excelRef(f.sheet, f.cell)}` : "";
        const explained = f.explanation !== undefined ? `  【已说明：${f.explanation}】` : "";
        lines.push(`  ${f.rule} ${SEVERITY_NAMES[f.severity]}${place}  ${f.message}${explained}`);
      }
    }
    if (r.readings) lines.push(...readingLines(r.readings));
    lines.push("");
  }
  if (report.missing?.length) lines.push(`未报送（${report.missing.length} 个部门）：${report.missing.join("、")}`, "");
  const unusable = report.files.filter((r) => r.error !== undefined).length;
  lines.push(
    `共 ${report.files.length} 个文件${unusable ? `（${unusable} 个无法校验）` : ""}：${countsText(report.files.flatMap((r) => r.findings))}`,
  );
  return `${lines.join("\n")}\n`;
}

const CSV_HEADER = ["文件", "模板包", "规则", "级别", "表号", "工作表", "单元格", "应为", "实际", "差额", "说明", "已说明"];

export function reportCsv(report: Report): string {
  const rows = report.files.flatMap((r) =>
    // An unusable file still gets a row, so that a filtered spreadsheet does not hide it.
    r.error !== undefined
      ? [[r.file, "", "", "无法校验", "", "", "", "", "", "", r.error, ""]]
      : r.findings.map((f) => [
          r.file,
          r.pack ? `${r.pack.id} ${r.pack.version}` : "",
          f.rule,
          SEVERITY_NAMES[f.severity],
          f.table,
          f.sheet,
          f.cell,
          f.expected ?? "",
          f.actual ?? "",
          f.difference ?? "",
          f.message,
          f.explanation ?? "",
        ]),
  );
  const missing = (report.missing ?? []).map((d) => [d, "", "", "未报送", "", "", "", "", "", "", `${d}未报送工作簿`, ""]);
  return csvText([CSV_HEADER, ...rows, ...missing]);
}
