/**
 * The disclosure package, one zip: the Word document, the tables as .xlsx, each table as CSV with a
 * datapackage.json, and the check report (HTML, JSON). Pure: drawing SVG to PNG and writing the .xlsx are
 * the host's (hooks), as Node and the browser do them differently.
 */
import { strToU8 } from "fflate";
import type { Finding } from "../finding";
import type { Disclosure } from "../read/read";
import type { DisclosureInputs, GlossaryEntry, NarrativeSection } from "../inputs";
import type { Pack } from "../packs/schema";
import type { SheetPlan } from "../render/plan";
import { renderTables } from "../render/render";
import type { Catalog } from "../catalog/catalog";
import { chartHasData, chartSpecs } from "./charts";
import { chartSvg } from "./chart-svg";
import { dataFiles } from "./data";
import { reportHtml } from "../report/html";
import { reportJson } from "../report/json";
import { openErrors, type Report } from "../report/model";
import { REPORT_TITLE } from "../render/report";
import { rowKindsOf, rowsOf } from "./rows";
import { packageReadme, README } from "./readme";
import { packageZip } from "./zip";
import { buildDocx, disclosureTitle, type WordChart } from "./word";

export { rowsOf } from "./rows";
export { chartSpecs } from "./charts";
export { chartSvg } from "./chart-svg";

export interface ExportRequest {
  pack: Pack;
  department: string;
  year: number;
  /** The tables as read from the workbook. */
  disclosure: Disclosure;
  /** The subject catalogue of the budget year (the charts name 类 by it). */
  catalog: Catalog;
  /** Overview texts, forms … */
  inputs: DisclosureInputs;
  /** The 情况说明 as edited or generated. */
  narrative: NarrativeSection[];
  /** The 名词解释. */
  glossary: GlossaryEntry[];
  /** The 目录 lines. */
  contents: string[];
  /** The check's findings: listed in the report; errors refuse the export unless it is a draft. */
  findings: Finding[];
  /** Whether the findings came from a strict check (the report says so). */
  strict?: boolean;
  draft: boolean;
  generatedAt: Date;
}

export interface ExportHooks {
  /** SVG → PNG of width × height pixels (Node: resvg with a Chinese font; browser: a canvas). */
  rasterize(svg: string, width: number, height: number): Promise<Uint8Array>;
  /** The tables as an .xlsx (exceljs through writePlans). */
  writeXlsx(plans: SheetPlan[]): Promise<Uint8Array>;
  /** Stage names in zh-CN, fraction done 0…1. */
  progress?(stage: string, fraction: number): void;
  /**
   * The page each heading of a rendered .docx starts on, by its text with spaces removed (Node: LibreOffice, where
   * installed); null where the host cannot lay out a document. The 目录 then prints the numbers.
   */
  paginate?(docx: Uint8Array): Promise<Map<string, number> | null>;
}

/** Error-level findings stand, and the export was not asked for as a draft. */
export class ExportRefused extends Error {
  constructor(readonly errors: Finding[]) {
    super(`校验发现 ${errors.length} 个错误，不能导出公开文件包。请先修正错误，或勾选“草稿”导出（每页标注“草稿”）。`);
    this.name = "ExportRefused";
  }
}

/** The tables as one workbook: 表格/预算公开表.xlsx, 表格/决算公开表.xlsx. */
export const xlsxPath = (pack: Pick<Pack, "family">): string => `表格/${pack.family}公开表.xlsx`;
export const REPORT_HTML = "校验报告.html";
export const REPORT_JSON = "校验报告.json";

/** Characters Windows and macOS refuse in file names. */
const safeName = (s: string) => s.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_").trim();

/** The .docx and the .zip are named after the document's title, in characters a file name may hold. */
const packageName = (department: string, year: number, pack: Pack): string => disclosureTitle(safeName(department), year, pack);

/** Table rows past which the 目录 is printed without page numbers: LibreOffice takes some 13 s per 1,000 rows. */
export const PAGINATE_ROWS = 3_000;

/** Drawn at this size in the document (pixels at 96 dpi, about 15 × 9.4 cm) and rasterized at twice that. */
const CHART_SIZE = { width: 567, height: 354 };

export async function buildPackage(
  req: ExportRequest,
  hooks: ExportHooks,
): Promise<{
  fileName: string;
  zip: Uint8Array;
  files: string[];
  /** Whether the 目录 carries page numbers; if not, whether because the document is too long to render for them. */
  paged: boolean;
  tooLongToPage: boolean;
}> {
  // An explained error (已说明) does not hold the package back; the report lists it with its explanation.
  const errors = openErrors(req.findings);
  if (errors.length > 0 && !req.draft) throw new ExportRefused(errors);
  const progress = (stage: string, fraction: number) => hooks.progress?.(stage, fraction);
  const { pack, department, year } = req;

  progress("整理表格数据", 0);
  const rows = rowsOf(pack, req.disclosure);
  const plans = renderTables(pack, { department, year, rows });

  progress("绘制图表", 0.1);
  const charts: WordChart[] = [];
  const specs = chartSpecs(pack, req.disclosure, req.catalog);
  for (const [i, spec] of specs.entries()) {
    const png = chartHasData(spec)
      ? await hooks.rasterize(chartSvg(spec, CHART_SIZE.width, CHART_SIZE.height), CHART_SIZE.width * 2, CHART_SIZE.height * 2)
      : undefined;
    charts.push({ title: spec.title, after: pack.document.charts[i].after, png, ...CHART_SIZE });
  }

  progress("生成 Word 文档", 0.3);
  const name = packageName(department, year, pack);
  const docxInput = {
    pack,
    department,
    year,
    plans,
    inputs: req.inputs,
    narrative: req.narrative,
    glossary: req.glossary,
    contents: req.contents,
    charts,
    draft: req.draft ? { errors: errors.length } : null,
    progress: (done: number, total: number) => progress(`生成 Word 文档（表格 ${done.toLocaleString("zh-CN")}/${total.toLocaleString("zh-CN")} 行）`, 0.3 + (0.2 * done) / total),
  };
  const docx = await buildDocx(docxInput);

  // The 目录's page numbers: where a first rendering put each heading; the numbers change no page break. A document
  // of thousands of pages is not rendered for them: that would take LibreOffice many minutes.
  let document = docx;
  const rowCount = plans.reduce((n, p) => n + p.values.length, 0);
  const paged = hooks.paginate && rowCount <= PAGINATE_ROWS && (progress("计算目录页码", 0.5), await hooks.paginate(docx));
  if (paged) {
    const pages = req.contents.map((line) => paged.get(line.replace(/\s+/g, "")) ?? null);
    document = await buildDocx({ ...docxInput, pages });
  }

  progress("生成 Excel 表格", 0.6);
  const xlsx = await hooks.writeXlsx(plans);

  progress("生成 CSV 数据和校验报告", 0.8);
  const report: Report = {
    checkedAt: req.generatedAt,
    strict: req.strict ?? false,
    draft: req.draft,
    files: [
      {
        file: department,
        department,
        year,
        pack: { id: pack.id, version: pack.version, name: pack.name },
        tablesFound: pack.tables.filter((t) => req.disclosure.tables.has(t.id)).map((t) => t.id),
        findings: req.findings,
      },
    ],
  };
  const kinds = rowKindsOf(pack, req.disclosure);
  const docxPath = `${name}.docx`;
  const readme = packageReadme({
    pack,
    title: name,
    year,
    report,
    docx: docxPath,
    xlsx: xlsxPath(pack),
    reportHtml: REPORT_HTML,
    reportJson: REPORT_JSON,
    kinds: new Set(Object.keys(kinds)),
  });
  const entries: [string, Uint8Array][] = [
    [README, strToU8(readme)],
    [docxPath, document],
    [xlsxPath(pack), xlsx],
    ...dataFiles(pack, department, year, rows, req.generatedAt, kinds).map((f): [string, Uint8Array] => [f.path, strToU8(f.text)]),
    [REPORT_HTML, strToU8(reportHtml(report, [pack], `${department}${year}年度${REPORT_TITLE}`))],
    [REPORT_JSON, strToU8(reportJson(report))],
  ];

  progress("打包", 0.95);
  const zip = packageZip(entries, req.generatedAt);
  progress("完成", 1);
  return { fileName: `${name}.zip`, zip, files: entries.map(([path]) => path), paged: Boolean(paged), tooLongToPage: rowCount > PAGINATE_ROWS };
}
