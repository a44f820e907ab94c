/**
 * The disclosure package built from the 晋城 sample (tables read from the rendered sample sheets, the seed's
 * texts), with the Node hooks the CLI uses: what the zip holds, what the .docx says, refusal and draft marking.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { unzipSync, strFromU8 } from "fflate";
import { nodeExportHooks } from "../../src/cli/export-hooks";
import type { Finding } from "../../src/domain/finding";
import { buildPackage, ExportRefused, type ExportRequest } from "../../src/domain/export";
import { chartSpecs, CHART_FONT } from "../../src/domain/export/charts";
import { chartSvg } from "../../src/domain/export/chart-svg";
import { balancedLines, chineseDate, pairedIndicators } from "../../src/domain/export/word-tables";
import { tableTitle } from "../../src/domain/render/render";
import { catalog, pack } from "../support/disclosure";
import { jinchengRequest } from "../support/export-request";

const DOCX = "晋城市商务局2023年度部门预算公开.docx";

async function build(overrides: Partial<ExportRequest> = {}) {
  const stages: [string, number][] = [];
  // The 目录's page numbers take a LibreOffice run each: print-render.test.ts checks them, once.
  const result = await buildPackage(jinchengRequest(overrides), nodeExportHooks((stage, fraction) => stages.push([stage, fraction]), { pages: false }));
  const files = unzipSync(result.zip);
  const docx = unzipSync(files[DOCX]);
  const part = (path: string) => strFromU8(docx[path]);
  const parts = (pattern: RegExp) => Object.keys(docx).filter((p) => pattern.test(p)).map(part);
  return { result, files, docx, document: part("word/document.xml"), part, parts, stages };
}

const error: Finding = {
  rule: "A04",
  severity: "error",
  table: "T01",
  sheet: "表1 预算收支总表",
  cell: "B36",
  related: [],
  expected: "5,307.69",
  actual: "5,407.69",
  difference: "100.00",
  message: "表1“预算收支总表”第36行（本年收入合计）为 5,407.69，应为各收入项目之和 5,307.69，相差 100.00 <script>",
};

/** The XML of the Word table after a text's last occurrence (a table's title; the first is in the 目录). */
function tableAfter(document: string, text: string): string {
  const at = document.lastIndexOf(text);
  expect(at).toBeGreaterThan(0);
  const start = document.indexOf("<w:tbl>", at);
  return document.slice(start, document.indexOf("</w:tbl>", start));
}

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(data: Uint8Array): [number, number] {
  expect(Array.from(data.slice(1, 4))).toEqual([0x50, 0x4e, 0x47]); // "PNG"
  const view = new DataView(data.buffer, data.byteOffset);
  return [view.getUint32(16), view.getUint32(20)];
}

describe("buildPackage (晋城 2023)", () => {
  let built: Awaited<ReturnType<typeof build>>;
  beforeAll(async () => {
    built = await build();
  });

  it("names the zip after the department and year, and holds the document, the tables, the data and the report", () => {
    expect(built.result.fileName).toBe("晋城市商务局2023年度部门预算公开.zip");
    const expected = [
      "说明.txt",
      DOCX,
      "表格/预算公开表.xlsx",
      ...pack.tables.map((t) => `数据/${t.id}-${t.sheetName.replace(/^表\d+\s*/, "")}.csv`),
      "数据/datapackage.json",
      "校验报告.html",
      "校验报告.json",
    ];
    expect(built.result.files).toEqual(expected);
    expect(Object.keys(built.files)).toEqual(expected);
    expect(built.result.files).toContain("数据/T12-项目支出表（本年）.csv");
  });

  it("says in 说明.txt what each file is, its unit and the check's outcome (UTF-8 with BOM, CRLF)", () => {
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(built.files["说明.txt"]);
    expect(text.startsWith("\uFEFF晋城市商务局2023年度部门预算公开 — 文件说明\r\n")).toBe(true);
    expect(text).toContain("校验结果：错误 0，警告 0，提示 0；正式版：没有未修正的“错误”");
    expect(text).toContain("  数据/T12-项目支出表（本年）.csv\r\n    预算公开表12 2023年项目支出预算表（本年预算）；金额单位：万元；第一列“行类别”标明每行是部门合计、单位或项目。");
    expect(text).toContain("  数据/T03-预算支出总表.csv\r\n    预算公开表3 2023年预算支出总表；金额单位：万元；第一列“行类别”标明每行是合计、类、款或项。");
    expect(text).toContain("  数据/T01-预算收支总表.csv\r\n    预算公开表1 2023年预算收支总表；金额单位：万元。");
    for (const f of Object.keys(built.files).filter((f) => f !== "说明.txt")) expect(text).toContain(`  ${f}\r\n`);
  });

  it("names every entry so that Debian's unzip shows it: UTF-8, with the Info-ZIP Unicode Path field", () => {
    const dir = mkdtempSync(join(tmpdir(), "zip-names-"));
    try {
      const zip = join(dir, "包.zip");
      writeFileSync(zip, built.result.zip);
      const listed = spawnSync("unzip", ["-Z1", zip], { encoding: "utf8" });
      expect(listed.status).toBe(0);
      expect(listed.stdout.trim().split("\n")).toEqual(built.result.files);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reports its stages in order, ending at 1", () => {
    const fractions = built.stages.map(([, f]) => f);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(built.stages[built.stages.length - 1]).toEqual(["完成", 1]);
    expect(built.stages.map(([s]) => s)).toContain("生成 Word 文档");
  });

  it("sets every table in the document under its number and title, with the 部门名称 and 单位 lines", () => {
    for (const t of pack.tables) {
      expect(built.document).toContain(`预算公开表${t.number}<`);
      expect(built.document).toContain(tableTitle(t, 2023));
    }
    expect(built.document.split("部门名称：晋城市商务局").length - 1).toBe(13);
    expect(built.document.split("单位：万元").length - 1).toBe(13);
    // T07, T08, T09 and T13 print no figure in the 晋城 disclosure.
    expect(built.document.split("注：本表无数据").length - 1).toBe(4);
  });

  it("draws the merged headers as merged Word cells: gridSpan across, vMerge down", () => {
    const t01 = tableAfter(built.document, tableTitle(pack.tables[0], 2023));
    const firstRow = t01.slice(0, t01.indexOf("</w:tr>"));
    expect(firstRow.match(/<w:gridSpan w:val="\d+"\/>/g)).toEqual(['<w:gridSpan w:val="2"/>', '<w:gridSpan w:val="4"/>']);
    expect(firstRow).toContain(">收入<");
    expect(firstRow).toContain(">支出<");
    // The header rows repeat on every page the table runs over.
    expect(t01.match(/<w:tblHeader\/>/g)).toHaveLength(2);

    const t04 = tableAfter(built.document, tableTitle(pack.tables[3], 2023));
    // 项目 / 金额 / 项目 stand over two header rows (A2:A3, B2:B3, C2:C3).
    expect(t04.match(/<w:vMerge w:val="restart"\/>/g)).toHaveLength(3);
    expect(t04.match(/<w:vMerge w:val="continue"\/>/g)).toHaveLength(3);
  });

  it("prints amounts right-aligned with two decimals and thousands separators", () => {
    const t01 = tableAfter(built.document, tableTitle(pack.tables[0], 2023));
    const cell = t01.slice(t01.lastIndexOf("<w:tc>", t01.indexOf(">5,307.69<")), t01.indexOf(">5,307.69<"));
    expect(cell).toContain('<w:jc w:val="right"/>');
    expect(built.document).toContain(">2,636.14<");
    expect(built.document).toContain(">1,090.30<");
    expect(built.document).not.toContain(">5307.69<");
  });

  it("sets wide tables on landscape pages and the rest portrait, all A4", () => {
    const sizes = built.document.match(/<w:pgSz [^>]*\/>/g) ?? [];
    // T01, T02, T04, T09 and T12 are wider than a portrait page.
    expect(sizes.filter((s) => s.includes('w:orient="landscape"'))).toHaveLength(5);
    for (const s of sizes) expect(s).toMatch(/w:w="(11906|16838)" w:h="(16838|11906)"/);
  });

  it("inserts the two charts as PNG images after sections 五 and 七", () => {
    const media = Object.keys(built.docx).filter((p) => /^word\/media\/.+\.png$/.test(p));
    expect(media).toHaveLength(2);
    for (const m of media) expect(pngSize(built.docx[m])).toEqual([1134, 708]);
    const doc = built.document;
    const drawings = [...doc.matchAll(/<w:drawing>/g)].map((m) => m.index ?? 0);
    const at = (text: string) => doc.lastIndexOf(text);
    expect(drawings).toHaveLength(2);
    expect(drawings[0]).toBeGreaterThan(at("五、一般公共预算支出情况说明"));
    expect(drawings[0]).toBeLessThan(at("六、一般公共预算基本支出情况说明"));
    expect(drawings[1]).toBeGreaterThan(at("七、“三公”经费增减变动原因说明"));
    expect(drawings[1]).toBeLessThan(at("八、机关运行经费增减变动原因说明"));
    expect(doc).toContain(">一般公共预算当年拨款结构图<");
    expect(doc).toContain(">三公经费分布图<");
  });

  it("sets the performance form as tables in section 十, amounts in 元, the indicators' header repeating on every page", () => {
    const title = "项目支出绩效目标表（2023年遗属补助）";
    const form = tableAfter(built.document, title);
    expect(built.document.indexOf(title)).toBeGreaterThan(built.document.lastIndexOf("十、绩效管理情况"));
    expect(form).toContain(">94,940<");
    // The indicators: a table of their own after the funds and goals, its first row a header row Word repeats.
    const doc = built.document;
    const second = doc.indexOf("<w:tbl>", doc.indexOf("</w:tbl>", doc.lastIndexOf(title)));
    const indicators = doc.slice(second, doc.indexOf("</w:tbl>", second));
    expect(indicators).toContain(">遗属满意度<");
    expect(indicators.split("<w:tblHeader/>").length - 1).toBe(1);
    expect(indicators.indexOf("<w:tblHeader/>")).toBeLessThan(indicators.indexOf(">一级指标<"));
    // 产出指标 spans its indicator rows; the date is written 2022年11月24日, not 20221124194720.
    expect(indicators.split(">产出指标<").length - 1).toBe(1);
    expect(indicators).toMatch(/>\d{4}年\d{1,2}月\d{1,2}日</);
    expect(indicators).not.toMatch(/>\d{14}</);
  });

  it("pairs the indicators of the 实施期 and of the year within each 一级指标, never across", () => {
    const x = (level1: string, level2: string) => ({ level1, level2, level3: level2, value: "" });
    const pairs = pairedIndicators(
      [x("产出指标", "数量指标"), x("产出指标", "质量指标"), x("效益指标", "社会效益指标")],
      [x("产出指标", "数量指标"), x("效益指标", "社会效益指标"), x("效益指标", "可持续影响指标"), x("满意度指标", "服务对象满意度指标")],
    );
    expect(pairs.map((p) => `${p.level1}:${p.impl?.level2 ?? "-"}|${p.annual?.level2 ?? "-"}`)).toEqual([
      "产出指标:数量指标|数量指标",
      "产出指标:质量指标|-",
      "效益指标:社会效益指标|社会效益指标",
      "效益指标:-|可持续影响指标",
      "满意度指标:-|服务对象满意度指标",
    ]);
    expect(["20221124194720", "2023-1-19", "2023/01/19", "2023年1月19日", "待定"].map(chineseDate)).toEqual([
      "2022年11月24日",
      "2023年1月19日",
      "2023年1月19日",
      "2023年1月19日",
      "待定",
    ]);
  });

  it("breaks a short header or title into balanced lines, never one with a character left over", () => {
    expect(balancedLines("国有资本经营预算", 7 * 180)).toBe("国有资本\n经营预算");
    expect(balancedLines("一般公共预算", 1200)).toBe("一般公共预算");
    expect(balancedLines("财政专户管理资金", 7 * 180)).toBe("财政专户\n管理资金");
    // A long text wraps as Word wraps it.
    const long = "根据山西省人事厅、山西省财政厅的规定，国家机关、事业单位的工作人员死亡后给予补助";
    expect(balancedLines(long, 10 * 180)).toBe(long);
  });

  it("has the four parts, the 目录, the glossary and the cover", () => {
    for (const text of ["第一部分 概况", "第二部分 2023年部门预算报表", "第三部分 2023年度部门预算情况说明", "第四部分 名词解释", "目　录", "2023年度部门预算公开", "十二、财政拨款：", "一、本部门职责"])
      expect(built.document).toContain(text);
  });

  it("numbers the pages in the footer from 第一部分 on, and names 宋体 and 仿宋 for Chinese text", () => {
    const footers = built.parts(/^word\/footer\d+\.xml$/);
    expect(footers.length).toBeGreaterThan(0);
    for (const f of footers) expect(f).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(built.document).toContain('<w:pgNumType w:start="1"/>');
    expect(built.document).toContain('w:eastAsia="宋体"');
    expect(built.document).toContain('w:eastAsia="仿宋"');
  });

  it("marks nothing as a draft when the check passed", () => {
    expect(built.parts(/^word\/header\d+\.xml$/).join("")).not.toContain("草稿");
  });

  it("writes the 13 tables to the .xlsx as the add-in draws them", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(built.files["表格/预算公开表.xlsx"]) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(pack.tables.map((t) => t.sheetName));
    const t01 = workbook.getWorksheet("表1 预算收支总表")!;
    expect(t01.getCell("B6").value).toBe(5307.69);
    expect(t01.getCell("B6").numFmt).toBe("#,##0.00");
  });

  it("writes the report as a page and as JSON", () => {
    const html = strFromU8(built.files["校验报告.html"]);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain("未发现问题。");
    const json = JSON.parse(strFromU8(built.files["校验报告.json"]));
    // The shape of validate --format json, with the one workbook exported.
    expect(json).toMatchObject({ draft: false, summary: { files: 1, error: 0, warning: 0, info: 0, explained: 0 } });
    expect(json.files).toHaveLength(1);
    expect(json.files[0]).toMatchObject({ department: "晋城市商务局", year: 2023, pack: { id: "shanxi-2023" }, findings: [] });
    expect(json.files[0].tables_found).toEqual(pack.tables.map((t) => t.id));
  });
});

describe("buildPackage with errors", () => {
  it("refuses while an error stands, naming how many", async () => {
    const warning: Finding = { ...error, rule: "C02", severity: "warning", message: "警告" };
    const refused = buildPackage(jinchengRequest({ findings: [error, warning, { ...error, cell: "D36" }] }), nodeExportHooks());
    await expect(refused).rejects.toBeInstanceOf(ExportRefused);
    await expect(refused).rejects.toMatchObject({ errors: [error, { ...error, cell: "D36" }], message: expect.stringContaining("2 个错误") });
  });

  it("exports a draft anyway, marked 草稿（未通过校验） on every page, with the finding in the report", async () => {
    const { document, parts, files } = await build({ findings: [error], draft: true });
    const sections = document.match(/<w:sectPr/g)?.length ?? 0;
    expect(document.match(/<w:headerReference w:type="default"/g)).toHaveLength(sections);
    const headers = parts(/^word\/header\d+\.xml$/);
    expect(headers).toHaveLength(sections);
    for (const h of headers) {
      expect(h).toContain(">草稿（未通过校验）<");
      // Word's own watermark shape: a WordArt 草稿 behind the text.
      expect(h).toMatch(/<v:textpath [^>]*string="草稿"/);
    }
    const html = strFromU8(files["校验报告.html"]);
    expect(html).toContain("相差 100.00 &lt;script&gt;");
    // The page's own sorting script, and no other.
    expect(html.match(/<script>/g)).toHaveLength(1);
    const json = JSON.parse(strFromU8(files["校验报告.json"]));
    expect(json).toMatchObject({ draft: true, summary: { error: 1 }, files: [{ findings: [error] }] });
  });

  it("marks a draft without errors 草稿 only", async () => {
    const { parts } = await build({ draft: true });
    const header = parts(/^word\/header\d+\.xml$/)[0];
    expect(header).toContain(">草稿<");
    expect(header).not.toContain("未通过校验");
  });
});

describe("charts", () => {
  const specs = chartSpecs(pack, jinchengRequest().disclosure, catalog);

  it("take 一般公共预算当年拨款 by 类 from T05 and the 三公 items from T10", () => {
    expect(specs).toEqual([
      {
        sheet: "一般公共预算当年拨款结构图",
        title: "一般公共预算当年拨款结构图",
        type: "pie",
        categories: ["一般公共服务支出", "社会保障和就业支出", "卫生健康支出", "住房保障支出", "转移性支出"],
        values: [2636.14, 262.87, 51.02, 73.26, 2284.41],
      },
      {
        sheet: "三公经费分布图",
        title: "三公经费分布图",
        type: "bar",
        categories: ["因公出国（境）费", "公务接待费", "公务用车购置费", "公务用车运行维护费"],
        values: [0, 0.5, 0, 2.55],
      },
    ]);
  });

  it("draw as SVG naming a Chinese face, shares summing to 100.00%", () => {
    const svg = chartSvg(specs[0], 567, 354);
    expect(svg).toMatch(/^<svg [^>]*width="567" height="354"/);
    expect(svg).toContain("WenQuanYi Micro Hei");
    expect(CHART_FONT).toContain("Microsoft YaHei");
    const shares = [...svg.matchAll(/占(\d+\.\d\d)%/g)].map((m) => Number(m[1]));
    expect(shares).toEqual([49.67, 4.95, 0.96, 1.38, 43.04]);
    expect(shares.reduce((s, x) => s + x * 100, 0)).toBe(10000);
    expect(chartSvg(specs[1], 567, 354)).toContain(">2.55<");
  });

  it("leave a chart out when there is nothing to draw, saying so", async () => {
    const disclosure = jinchengRequest().disclosure;
    disclosure.tables.delete("T05");
    const { docx, document } = await build({ disclosure });
    expect(Object.keys(docx).filter((p) => p.startsWith("word/media/"))).toHaveLength(1);
    expect(document).toContain("一般公共预算当年拨款结构图：本年度无相关数据，不附图。");
    expect(document).toContain(">三公经费分布图<");
  });
});
