/** 说明.txt at the top of the package: what each file is, in which unit, and whether the workbook passed the check. */
import type { Pack } from "../packs/schema";
import { unitOf } from "../packs/decls";
import { reportDate } from "../render/report";
import { tableNumberOf, tableTitle } from "../render/render";
import { hasOpenErrors, summaryOf, type Report } from "../report/model";
import { countsText } from "../report/text";
import { csvFileName, DATA_DIR, DATA_PACKAGE, KIND_COLUMN } from "./data";
import { kindWords } from "./rows";

export const README = "说明.txt";

export interface ReadmeInput {
  pack: Pack;
  title: string;
  year: number;
  report: Report;
  /** The files of the package, by path: the document and the tables' workbook. */
  docx: string;
  xlsx: string;
  reportHtml: string;
  reportJson: string;
  /** Tables whose CSV lists rows with a 行类别 column. */
  kinds: ReadonlySet<string>;
}

/** UTF-8 with a BOM and CRLF lines: Notepad on any Windows shows it as written. */
export function packageReadme(r: ReadmeInput): string {
  const findings = r.report.files.flatMap((f) => f.findings);
  const open = hasOpenErrors(findings);
  const status = r.report.draft
    ? `草稿${open ? `：有 ${summaryOf(findings).error} 个未修正的“错误”，文档每页标注“草稿”，不能作为正式公开文件` : "（每页标注“草稿”）"}`
    : "正式版：没有未修正的“错误”";
  const lines = [
    `${r.title} — 文件说明`,
    "",
    `生成时间：${reportDate(r.report.checkedAt)}`,
    `模板包：${r.pack.id} ${r.pack.version}（${r.pack.name}）`,
    `校验结果：${countsText(findings)}；${status}`,
    "",
    "文件：",
    `  ${r.docx}`,
    "    公开文档（Word，A4）：按模板包的顺序排列的各部分、公开表、情况说明、图表和名词解释。",
    `  ${r.xlsx}`,
    "    各公开表，按表样绘制（合并表头、金额格式），只含数据。",
    ...r.pack.tables.flatMap((t) => [
      `  ${DATA_DIR}/${csvFileName(t)}`,
      `    ${[tableNumberOf(r.pack, t), tableTitle(t, r.year)].filter(Boolean).join(" ")}；金额单位：${unitOf(r.pack, t)}${
        r.kinds.has(t.id) ? `；第一列“${KIND_COLUMN}”标明每行是${kindWords(r.pack, t.id).replace(/、([^、]+)$/, "或$1")}` : ""
      }。`,
    ]),
    `  ${DATA_DIR}/${DATA_PACKAGE}`,
    "    数据说明（通用的表格数据包格式，程序可直接读取）：各 CSV 的标题、列名、类型和金额单位。",
    `  ${r.reportHtml}`,
    "    校验报告（网页，可在浏览器中打开）。",
    `  ${r.reportJson}`,
    "    校验报告（JSON，格式与命令行 budget-disclosure validate --format json 相同）。",
    "",
    "CSV 文件为 UTF-8 带 BOM、逗号分隔，Excel 可直接打开；金额为不带千分位的小数，空白表示未填；",
    "以 = + - @ 开头的文字前加了 '，以免被当作公式。",
    "",
  ];
  return `\uFEFF${lines.join("\r\n")}`;
}
