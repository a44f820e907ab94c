/**
 * The check report of the package: HTML for a person — the same 校验报告 sheet the add-in writes (renderReport),
 * drawn as a page — and JSON for programs, with the fields of a file entry of the CLI's JSON report.
 */
import { compareFindings, type Severity } from "../finding";
import { parseRange } from "../grid";
import { cellSpecs, cellText, type SheetPlan, type StyleSpec } from "../render/plan";
import { REPORT_TITLE, renderReport, type ReportInput } from "../render/report";

export const REPORT_HTML = "校验报告.html";
export const REPORT_JSON = "校验报告.json";

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);

function css(spec: StyleSpec): string {
  const rules: string[] = [];
  if (spec.bold) rules.push("font-weight:bold");
  if (spec.fontSize) rules.push(`font-size:${spec.fontSize + 4}px`);
  if (spec.hAlign) rules.push(`text-align:${spec.hAlign}`);
  if (spec.vAlign) rules.push(`vertical-align:${spec.vAlign === "center" ? "middle" : "top"}`);
  if (spec.border) rules.push("border:1px solid #888");
  if (spec.wrap) rules.push("white-space:pre-wrap");
  return rules.join(";");
}

/** A SheetPlan as an HTML table: its merges as col/rowspans, its styles inline, amounts as the sheet shows them. */
export function planHtml(plan: SheetPlan): string {
  const specs = cellSpecs(plan);
  const covered = new Set<string>();
  const spans = new Map<string, { rows: number; cols: number }>();
  for (const merge of plan.merges) {
    const m = parseRange(merge);
    spans.set(`${m.top},${m.left}`, { rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 });
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
  }
  const body = plan.values.map((row, r) => {
    const cells = row.flatMap((value, c) => {
      const key = `${r},${c}`;
      if (covered.has(key)) return [];
      const spec = specs.get(key) ?? {};
      const span = spans.get(key);
      const text = cellText(value, spec);
      const attrs = [
        span && span.cols > 1 ? ` colspan="${span.cols}"` : "",
        span && span.rows > 1 ? ` rowspan="${span.rows}"` : "",
        css(spec) ? ` style="${css(spec)}"` : "",
      ].join("");
      return [`<td${attrs}>${escapeHtml(text)}</td>`];
    });
    return `<tr>${cells.join("")}</tr>`;
  });
  return `<table>\n${body.join("\n")}\n</table>`;
}

export function reportHtml(input: ReportInput): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(`${input.department}${input.year}年度${REPORT_TITLE}`)}</title>
<style>
body { font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; font-size: 14px; color: #222; margin: 24px; }
table { border-collapse: collapse; }
td { padding: 4px 8px; }
</style>
</head>
<body>
${planHtml(renderReport(input))}
</body>
</html>
`;
}

const SEVERITIES: Severity[] = ["error", "warning", "info"];

export function reportJson(input: ReportInput & { draft: boolean }): string {
  const { pack, findings } = input;
  const report = {
    department: input.department,
    year: input.year,
    pack: pack.id,
    generated_at: input.checkedAt.toISOString(),
    strict: input.strict,
    draft: input.draft,
    tables_found: input.tablesFound,
    summary: Object.fromEntries(SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length])),
    findings: [...findings].sort(compareFindings),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
