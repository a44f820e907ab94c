/**
 * The report as one self-contained HTML page (no network): a row per workbook — department, pack and version,
 * tables found, errors, warnings, infos, explained — sortable and filterable; the departments of the expected list
 * that sent nothing; per-rule counts across all workbooks; each workbook's findings grouped by table with their
 * cells. The page reads without script; the script only sorts and filters.
 */
import type { Finding } from "../finding";
import type { Pack } from "../packs/schema";
import { SEVERITY_NAMES } from "../render/marks";
import { reportDate } from "../render/report";
import { RULES } from "../rules";
import { SEVERITIES } from "../finding";
import { summaryOf, type Report, type WorkbookReport } from "./model";
import { byTable, countsText, excelRef } from "./text";

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);

const STYLE = `
body { font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; font-size: 14px; color: #222; margin: 24px; }
h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 28px; } h3 { font-size: 16px; } h4 { font-size: 14px; margin: 12px 0 4px; }
.repeated { color: #8a4b00; }
table { border-collapse: collapse; margin: 8px 0; }
th, td { border: 1px solid #bbb; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
th button { font: inherit; font-weight: bold; background: none; border: 0; padding: 0; cursor: pointer; }
th[aria-sort="ascending"] button::after { content: " ▲"; } th[aria-sort="descending"] button::after { content: " ▼"; }
.error { color: #a4000f; } .warning { color: #8a4b00; } .info { color: #1f4e79; } .explained { color: #2b6a2b; }
tr.unusable td { background: #fff3f3; }
.controls { display: flex; gap: 16px; align-items: center; flex-wrap: wrap; margin: 8px 0; }
.missing li { color: #a4000f; }
`;

/** Sorting by a column's data-value, and filtering by text and by state; the counts say what is shown. */
const SCRIPT = `
(function () {
  var table = document.getElementById("workbooks");
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var filter = document.getElementById("filter");
  var only = document.getElementById("only");
  var shown = document.getElementById("shown");
  function apply() {
    var q = filter.value.trim().toLowerCase();
    var state = only.value;
    var n = 0;
    rows.forEach(function (r) {
      var ok = (!q || r.getAttribute("data-search").indexOf(q) >= 0) && (state === "all" || r.getAttribute("data-state").split(" ").indexOf(state) >= 0);
      r.hidden = !ok;
      if (ok) n++;
    });
    shown.textContent = "显示 " + n + " / " + rows.length + " 个工作簿";
  }
  filter.addEventListener("input", apply);
  only.addEventListener("change", apply);
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
    var button = th.querySelector("button");
    if (!button) return;
    button.addEventListener("click", function () {
      var dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", dir);
      var numeric = th.getAttribute("data-type") === "number";
      rows.sort(function (a, b) {
        var x = a.cells[col].getAttribute("data-value"), y = b.cells[col].getAttribute("data-value");
        var d = numeric ? Number(x) - Number(y) : x.localeCompare(y, "zh-CN", { numeric: true });
        return dir === "ascending" ? d : -d;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  apply();
})();
`;

const cell = (text: string, value: string | number = text, numeric = false) =>
  `<td${numeric ? ' class="n"' : ""} data-value="${escapeHtml(String(value))}">${escapeHtml(text)}</td>`;

/** The states a row can be filtered by: error, clean, unusable, explained. */
function statesOf(r: WorkbookReport): string {
  if (r.error !== undefined) return "unusable";
  const s = summaryOf(r.findings);
  return [s.error ? "error" : "clean", s.warning ? "warning" : "", s.explained ? "explained" : ""].filter(Boolean).join(" ");
}

/** Departments that sent more than one file (a resubmission beside the first, a copy): which one counts is the reviewer's call. */
function repeatedDepartments(report: Report): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of report.files) if (r.department) counts.set(r.department, (counts.get(r.department) ?? 0) + 1);
  return new Map([...counts].filter(([, n]) => n > 1));
}

function workbookRow(r: WorkbookReport, i: number, packs: readonly Pack[], repeated: Map<string, number>): string {
  const s = summaryOf(r.findings);
  const tables = packs.find((p) => p.id === r.pack?.id)?.tables.length ?? 0;
  const pack = r.pack ? `${r.pack.id} ${r.pack.version}` : "";
  const search = [r.file, r.department ?? "", pack, r.pack?.name ?? ""].join(" ").toLowerCase();
  const link = `<td data-value="${escapeHtml(r.file)}"><a href="#wb-${i + 1}">${escapeHtml(r.file)}</a></td>`;
  const counts =
    r.error !== undefined
      ? `<td colspan="5" data-value="">无法校验：${escapeHtml(r.error)}</td>`
      : SEVERITIES.map((k) => cell(String(s[k]), s[k], true)).join("") + cell(String(s.explained), s.explained, true);
  return [
    `<tr class="${r.error !== undefined ? "unusable" : ""}" data-state="${statesOf(r)}" data-search="${escapeHtml(search)}">`,
    link,
    r.department && repeated.has(r.department)
      ? `<td data-value="${escapeHtml(r.department)}">${escapeHtml(r.department)}<br><span class="repeated">（同一部门共 ${repeated.get(r.department)} 个文件）</span></td>`
      : cell(r.department ?? ""),
    cell(pack),
    cell(r.error !== undefined ? "" : `${r.tablesFound.length}/${tables}`, r.tablesFound.length, true),
    counts,
    "</tr>",
  ].join("");
}

/** Findings by rule: RULES.md's in their order, then a pack's own rules (named by their findings) in id order. */
function ruleCounts(report: Report): string {
  const all = report.files.flatMap((r) => r.findings);
  const own = [...new Map(all.filter((f) => f.title !== undefined).map((f) => [f.rule, f.title!])).entries()].sort(([a], [b]) => a.localeCompare(b));
  const rules = [...RULES.map((r) => ({ id: r.id, title: r.title })), ...own.map(([id, title]) => ({ id, title }))];
  const rows = rules.flatMap((rule) => {
    const per = report.files.map((r) => r.findings.filter((f) => f.rule === rule.id));
    const open = per.flat().filter((f) => f.explanation === undefined).length;
    const explained = per.flat().length - open;
    const books = per.filter((list) => list.length > 0).length;
    if (!open && !explained) return [];
    // The levels as reported (a pack may grade a rule otherwise, a figure in the rounding zone is an info).
    const levels = SEVERITIES.filter((s) => per.flat().some((f) => f.severity === s)).map((s) => SEVERITY_NAMES[s]).join("、");
    return [`<tr>${cell(rule.id)}${cell(rule.title)}${cell(levels)}${cell(String(open), open, true)}${cell(String(explained), explained, true)}${cell(String(books), books, true)}</tr>`];
  });
  if (!rows.length) return "<p>各工作簿均未发现问题。</p>";
  return `<table id="rules"><caption>按规则统计（全部工作簿）</caption><thead><tr><th scope="col">规则</th><th scope="col">名称</th><th scope="col">报告级别</th><th scope="col">问题数</th><th scope="col">已说明</th><th scope="col">涉及工作簿</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function findingRow(f: Finding): string {
  const place = f.sheet ? excelRef(f.sheet, f.cell) : "（表外）";
  const explained = f.explanation !== undefined ? `<span class="explained">已说明：${escapeHtml(f.explanation)}</span>` : "";
  return `<tr><td>${escapeHtml(f.rule)}</td><td class="${f.severity}">${SEVERITY_NAMES[f.severity]}</td><td>${escapeHtml(place)}</td><td>${escapeHtml(f.message)}</td><td>${explained}</td></tr>`;
}

function workbookDetails(r: WorkbookReport, i: number, packs: readonly Pack[]): string {
  const head = `<section id="wb-${i + 1}"><h3>${escapeHtml(r.file)}${r.department ? `（${escapeHtml(r.department)}）` : ""}</h3>`;
  if (r.error !== undefined) return `${head}<p class="error">无法校验：${escapeHtml(r.error)}</p></section>`;
  const groups = byTable(r, packs).map(
    (g) =>
      `<h4>${escapeHtml(g.title)}</h4><table><thead><tr><th scope="col">规则</th><th scope="col">级别</th><th scope="col">单元格</th><th scope="col">说明</th><th scope="col">已说明</th></tr></thead><tbody>${g.findings.map(findingRow).join("")}</tbody></table>`,
  );
  return `${head}<p>${escapeHtml(countsText(r.findings))}</p>${groups.join("") || "<p>未发现问题。</p>"}</section>`;
}

export function reportHtml(report: Report, packs: readonly Pack[], title = "部门预算公开审核汇总"): string {
  const all = report.files.flatMap((r) => r.findings);
  const unusable = report.files.filter((r) => r.error !== undefined).length;
  const mode = report.strict ? "严格（不计尾差）" : "常规（允许尾差）";
  const missing =
    report.missing === undefined
      ? ""
      : report.missing.length
        ? `<h2 id="missing">未报送（${report.missing.length} 个部门）</h2><ul class="missing">${report.missing.map((d) => `<li>${escapeHtml(d)}</li>`).join("")}</ul>`
        : `<h2 id="missing">未报送</h2><p>名单中的部门均已报送。</p>`;
  const repeated = repeatedDepartments(report);
  const several = repeated.size
    ? `<p id="repeated" class="repeated">${repeated.size} 个部门报送了多个文件，请确认以哪一个为准：${[...repeated].map(([d, n]) => `${escapeHtml(d)}（${n} 个）`).join("、")}</p>`
    : "";
  const th = (label: string, type: "text" | "number") => `<th scope="col" data-type="${type}"><button type="button">${label}</button></th>`;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>校验时间：${reportDate(report.checkedAt)}　校验方式：${mode}${report.draft !== undefined ? `　导出：${report.draft ? "草稿" : "正式"}` : ""}</p>
<p id="total">共 ${report.files.length} 个工作簿${unusable ? `（${unusable} 个无法校验）` : ""}：${escapeHtml(countsText(all))}</p>
${missing}
${several}
<h2>工作簿</h2>
<div class="controls">
<label>筛选 <input id="filter" type="search" placeholder="文件、部门或模板包"></label>
<label>只看 <select id="only"><option value="all">全部</option><option value="error">有错误</option><option value="warning">有警告</option><option value="clean">无错误</option><option value="explained">有已说明</option><option value="unusable">无法校验</option></select></label>
<span id="shown" role="status" aria-live="polite">显示 ${report.files.length} / ${report.files.length} 个工作簿</span>
</div>
<table id="workbooks">
<thead><tr>${th("文件", "text")}${th("部门", "text")}${th("模板包", "text")}${th("找到的表", "number")}${th("错误", "number")}${th("警告", "number")}${th("提示", "number")}${th("已说明", "number")}</tr></thead>
<tbody>
${report.files.map((r, i) => workbookRow(r, i, packs, repeated)).join("\n")}
</tbody>
</table>
<h2>按规则统计</h2>
${ruleCounts(report)}
<h2>各工作簿的问题</h2>
${report.files.map((r, i) => workbookDetails(r, i, packs)).join("\n")}
<script>${SCRIPT}</script>
</body>
</html>
`;
}
