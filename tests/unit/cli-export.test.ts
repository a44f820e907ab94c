/**
 * `budget-disclosure export` on the fixtures made from the seeds: 晋城 (no errors) exports, as a zip or unpacked;
 * 大同 (收入方漏填政府性基金预算: A04, X02) is refused, naming the cells, and exports as a draft.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { parseCsv } from "../../src/domain/export/csv";
import { runCli, useTempDir } from "../support/cli";
import { seedNarrative, sentences } from "../support/seed-narrative";
import { jinchengInputs } from "../../src/domain/samples";
import { PAGINATE_ROWS } from "../../src/domain/export";
import { largeRows, writeLargeDepartment } from "../../scripts/large-department";

jest.setTimeout(120_000);

const FIXTURES = path.join(__dirname, "../fixtures");
/** The whole 晋城 sample — tables, input sheets, forms — as `template --sample` writes it (beforeAll). */
let JINCHENG = "";
const TABLES_ONLY = path.join(FIXTURES, "jincheng-official.xlsx");
const DATONG = path.join(FIXTURES, "datong-official.xlsx");
const JINCHENG_DOCX = "晋城市商务局2023年度部门预算公开.docx";

const tempDir = useTempDir("cli-export-");

const run = (...args: string[]) => runCli("export", ...args);

const csvs = (names: string[]) => names.filter((n) => /^数据\/T\d\d-.+\.csv$/.test(n));

const sampleDir = useTempDir("cli-export-sample-", "all");
beforeAll(async () => {
  JINCHENG = path.join(sampleDir(), "晋城.xlsx");
  expect((await runCli("template", "--sample", "-o", JINCHENG)).code).toBe(0);
});

describe("budget-disclosure export", () => {
  it("exports 晋城 as a zip: the document, the tables, 13 CSVs with their datapackage, the report", async () => {
    const zip = path.join(tempDir(), "晋城.zip");
    const r = await run(JINCHENG, "-o", zip);

    expect(r.code).toBe(0);
    const files = unzipSync(fs.readFileSync(zip));
    const names = Object.keys(files);
    expect(names).toEqual(expect.arrayContaining([JINCHENG_DOCX, "数据/datapackage.json", "校验报告.html", "校验报告.json"]));
    expect(names.some((n) => n.endsWith(".xlsx"))).toBe(true);
    expect(csvs(names)).toHaveLength(13);
    // The CSV holds the workbook's figures: 表1's 本年收入合计 of 5,307.69 万元.
    const t01 = parseCsv(strFromU8(files[csvs(names).find((n) => n.startsWith("数据/T01"))!]).replace(/^\uFEFF/, ""));
    expect(t01.find((row) => row[0] === "本年收入合计")?.[1]).toBe("5307.69");
    expect(JSON.parse(strFromU8(files["校验报告.json"])).draft).toBe(false);
    // Progress on stderr, the files on stdout.
    expect(r.err).toMatch(/^读取 .+…\n校验（模板包 shanxi-2023 1.0.1）…\n/);
    expect(r.err).toContain("生成 Word 文档…");
    expect(r.out).toContain(`已导出 ${zip}`);
    expect(r.out).toContain(JINCHENG_DOCX);
  });

  it("unpacks into a folder it creates, and overwrites nothing there without --force", async () => {
    const out = path.join(tempDir(), "公开", "晋城");
    expect((await run(JINCHENG, "-o", out)).code).toBe(0);
    expect(fs.readdirSync(out)).toEqual(expect.arrayContaining([JINCHENG_DOCX, "数据", "校验报告.html"]));
    expect(csvs(fs.readdirSync(path.join(out, "数据")).map((n) => `数据/${n}`))).toHaveLength(13);

    const docx = path.join(out, JINCHENG_DOCX);
    fs.writeFileSync(docx, "已修改");
    const again = await run(JINCHENG, "-o", out);
    expect(again.code).toBe(2);
    expect(again.err).toContain("已存在，未作改动");
    expect(again.err).toContain("--force");
    expect(fs.readFileSync(docx, "utf8")).toBe("已修改");

    expect((await run(JINCHENG, "-o", out, "--force")).code).toBe(0);
    expect(fs.readFileSync(docx).subarray(0, 2).toString()).toBe("PK");
  });

  it("does not replace an existing zip without --force, and says so before doing any work", async () => {
    const zip = path.join(tempDir(), "晋城.zip");
    fs.writeFileSync(zip, "旧文件");
    const r = await run(JINCHENG, "-o", zip);
    expect(r.code).toBe(2);
    expect(fs.readFileSync(zip, "utf8")).toBe("旧文件");
    // Refused before any work: the workbook is not even read.
    expect(r.err).toBe(`错误：${zip} 已存在，未作改动。如需覆盖，请加 --force\n`);
  });

  it("refuses 大同 with its errors listed by rule and cell, and writes nothing", async () => {
    const zip = path.join(tempDir(), "大同.zip");
    const r = await run(DATONG, "-o", zip);

    expect(r.code).toBe(1);
    expect(fs.existsSync(zip)).toBe(false);
    expect(r.err).toMatch(/未导出：校验发现 \d+ 个“错误”级别的问题/);
    expect(r.err).toMatch(/^ {2}A04 '表1 预算收支总表'!B\d+ {2}\S/m);
    expect(r.err).toMatch(/^ {2}X02 '表1 预算收支总表'!B\d+ {2}\S/m);
    expect(r.err).toContain("--draft");
    expect(r.out).toBe("");
  });

  it("exports 大同 as a draft with --draft", async () => {
    const zip = path.join(tempDir(), "大同.zip");
    const r = await run(DATONG, "-o", zip, "--draft");

    expect(r.code).toBe(0);
    expect(r.out).toContain("草稿");
    const files = unzipSync(fs.readFileSync(zip));
    expect(csvs(Object.keys(files))).toHaveLength(13);
    // Every page's header says 草稿.
    const docx = unzipSync(files["大同市商务局2023年度部门预算公开.docx"]);
    const headers = Object.keys(docx).filter((n) => /^word\/header\d+\.xml$/.test(n));
    expect(headers.length).toBeGreaterThan(0);
    for (const h of headers) expect(strFromU8(docx[h])).toContain("草稿");
    const report = JSON.parse(strFromU8(files["校验报告.json"]));
    expect(report.draft).toBe(true);
    expect(report.files[0].findings.map((f: { rule: string }) => f.rule)).toEqual(expect.arrayContaining(["A04", "X02"]));
  });

  it("the whole sample (template --sample) exports the seed document: 第一部分 and 第三部分 as the seed says them, 58.02, the 24 forms", async () => {
    const zip = path.join(tempDir(), "全部.zip");
    const r = await run(JINCHENG, "-o", zip);
    expect(r.code).toBe(0);
    const docx = unzipSync(unzipSync(fs.readFileSync(zip))[JINCHENG_DOCX]);
    // The document's text, one paragraph per line, compared as the narrative tests compare sentences.
    const paragraphs = strFromU8(docx["word/document.xml"])
      .split(/<\/w:p>/)
      .map((p) => p.replace(/<[^>]+>/g, ""));
    const all = paragraphs.flatMap(sentences);
    const seed = seedNarrative("jincheng");
    const withoutReasons = (t: string) => t.replace(/[，,]主要原因是[^；;。]*/g, "").replace("增加9.34%", "增长9.34%");
    for (const n of ["一", "二", "三", "四", "五", "七", "八", "九"])
      for (const sentence of withoutReasons(seed.find((s) => s.number === n)!.text).split("\n").flatMap(sentences))
        expect({ n, sentence, found: all.includes(sentence) }).toEqual({ n, sentence, found: true });
    for (const field of ["overview.duties", "overview.organization", "assets", "other"])
      for (const line of jinchengInputs.texts[field].split("\n").filter((l) => l.trim())) expect(paragraphs).toContain(line.trim());
    expect(all).toContain("2023年晋城市商务局部门各单位政府采购预算总额58.02万元。");
    expect(paragraphs.filter((p) => p.startsWith("项目支出绩效目标表（"))).toHaveLength(24);
    expect(paragraphs.join("")).not.toContain("待填写");
  });

  it("the 13 tables alone: refused as final, naming what the document lacks; as a draft, placeholders, never 0.00 or 无", async () => {
    const zip = path.join(tempDir(), "只有表.zip");
    const refused = await run(TABLES_ONLY, "-o", zip);
    expect(refused.code).toBe(1);
    expect(fs.existsSync(zip)).toBe(false);
    for (const item of ["本部门职责", "机构设置情况", "国有资产占有使用情况", "政府采购货物预算", "政府采购工程预算", "政府采购服务预算"])
      expect(refused.err).toContain(`S11 （表外）  公开文档需要的“${item}”未填写（请在“`);

    const draft = await run(TABLES_ONLY, "-o", zip, "--draft");
    expect(draft.code).toBe(0);
    expect(draft.err).toMatch(/草稿中尚有 6 个“错误”，文档中以【待填写：…】标出未填写的内容：\n {2}S11 /);
    const files = unzipSync(fs.readFileSync(zip));
    const document = strFromU8(unzipSync(files[JINCHENG_DOCX])["word/document.xml"]).replace(/<[^>]+>/g, "");
    for (const item of ["本部门职责", "机构设置情况", "国有资产占有使用情况", "政府采购货物预算"]) expect(document).toContain(`【待填写：${item}】`);
    // Nothing invented: no 政府采购 total of 0.00, no 无 for a text nobody wrote.
    expect(document).not.toMatch(/政府采购预算总额0\.00万元/);
    expect(document).toContain("政府采购预算总额【待填写：政府采购预算总额】");
    const report = JSON.parse(strFromU8(files["校验报告.json"]));
    expect(report.files[0].findings.filter((f: { rule: string }) => f.rule === "S11")).toHaveLength(6 + 11);
  });

  it("asks for -o, and names a workbook it cannot read", async () => {
    const none = await run(JINCHENG);
    expect(none.code).toBe(2);
    expect(none.err).toContain("请用 -o 指定");

    const bad = path.join(tempDir(), "坏.xlsx");
    fs.writeFileSync(bad, "不是工作簿");
    const r = await run(bad, "-o", path.join(tempDir(), "x.zip"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("不是可读取的 .xlsx/.xlsm 工作簿");
  });

  it("a department of thousands of rows: its table bodies in the document, one progress line per stage, the 目录 unpaged and said so", async () => {
    const file = path.join(tempDir(), "大型部门.xlsx");
    await writeLargeDepartment(file, 10, 6, 2);
    const projects = largeRows(10, 6, 2).T12!.filter((row) => row.some((v) => /^项目\d+-\d+$/.test(String(v)))).length;
    const zip = path.join(tempDir(), "大型部门.zip");
    const r = await run(file, "--draft", "-o", zip);
    expect(r.code).toBe(0);
    // The Word stage reports rows as it goes; off a terminal that is still one line.
    expect(r.err.match(/^生成 Word 文档/gm)).toHaveLength(1);
    expect(r.err).toContain(`提示：表格超过 ${PAGINATE_ROWS.toLocaleString("zh-CN")} 行，文档目录中不标页码`);
    const files = unzipSync(fs.readFileSync(zip));
    const docx = Object.keys(files).find((n) => n.endsWith(".docx"))!;
    const xml = strFromU8(unzipSync(files[docx])["word/document.xml"]);
    expect(xml).not.toContain("直接写出的表体");
    // Every project is a row of 表12 in the document.
    expect(projects).toBeGreaterThan(3_000);
    expect(xml.match(/>项目\d+-\d+</g)).toHaveLength(projects);
  });

  it("an export that needs more memory than its limit ends in a message, writing nothing", async () => {
    const zip = path.join(tempDir(), "晋城.zip");
    process.env.BUDGET_DISCLOSURE_EXPORT_HEAP_MB = "8";
    try {
      const r = await run(JINCHENG, "-o", zip);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`${JINCHENG} 导出所需的内存超过上限（8 MB），未导出：可用环境变量 BUDGET_DISCLOSURE_EXPORT_HEAP_MB 调高上限`);
    } finally {
      delete process.env.BUDGET_DISCLOSURE_EXPORT_HEAP_MB;
    }
    expect(fs.existsSync(zip)).toBe(false);
  });
});
