import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { strToU8, unzipSync, zipSync } from "fflate";
import { explanationOf, explanationsToXml } from "../../src/domain/explanations";
import { readWorkbookFile } from "../../src/cli/grids";
import { csvText, parseCsv } from "../../src/domain/export/csv";
import { decodeCsv } from "../../src/cli/csv";
import { fileValidator } from "../../src/cli/validate-file";
import { startWorker } from "../../src/cli/validate-pool";
import { writePlans } from "../../src/xlsx/write-plans";
import type { Finding } from "../../src/domain/finding";
import { parseAmount } from "../../src/domain/money";
import { builtinPack } from "../../src/domain/packs";
import { renderTables, type TableRows } from "../../src/domain/render/render";
import { jinchengSample } from "../../src/domain/samples";
import { copyRows, rowIndex, setCell } from "../support/disclosure";
import { runCli, useTempDir } from "../support/cli";
import { withTables } from "../support/packs";

const pack = builtinPack();
const ALL_TABLES = pack.tables.map((t) => t.id);
const tempDir = useTempDir("cli-validate-");

const run = (...args: string[]) => runCli("validate", ...args);

interface JsonReport {
  files: { file: string; pack?: { id: string; version: string; name: string }; tables_found: string[]; findings: Finding[]; error?: string }[];
}

async function runJson(...args: string[]) {
  const r = await run(...args, "--format", "json");
  return { ...r, json: JSON.parse(r.out) as JsonReport };
}

/** The 晋城 sample as the add-in inserts it, optionally with other figures or sheet names. */
async function sampleWorkbook(name: string, options: { rows?: TableRows; sheetNames?: Record<string, string> } = {}) {
  const file = path.join(tempDir(), name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const { department, year } = jinchengSample;
  const workbook = new ExcelJS.Workbook();
  writePlans(workbook, renderTables(pack, { department, year, rows: options.rows ?? jinchengSample.rows, sheetNames: options.sheetNames }));
  await workbook.xlsx.writeFile(file);
  return file;
}

/** The sample with T01's 本年收入合计 raised by `delta` 万元 above the sum of its parts. */
function rowsWithTotalOff(delta: number): TableRows {
  const rows = copyRows(jinchengSample);
  const i = rowIndex(rows, "T01", "incomeItem", "本年收入合计");
  setCell(rows, "T01", i, "incomeAmount", Number(((rows.T01![i][1] as number) + delta).toFixed(2)));
  return rows;
}

const rowsWithWrongTotal = () => rowsWithTotalOff(100);

function unreadable(name: string) {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, "这不是工作簿");
  return file;
}

async function noTables(name: string) {
  const file = path.join(tempDir(), name);
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Sheet1").getCell("A1").value = "会议纪要";
  await workbook.xlsx.writeFile(file);
  return file;
}

const hasError = (findings: Finding[]) => findings.some((f) => f.severity === "error");

describe("reading .xlsx into grids", () => {
  it("gives what each cell shows: results of formulas, plain text, dates as text, error codes, merges once", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("混合");
    sheet.getCell("B2").value = 12.5;
    sheet.getCell("C2").value = "文字";
    sheet.getCell("D2").value = { formula: "B2*2", result: 25 };
    sheet.getCell("E2").value = { formula: "B2*3" } as ExcelJS.CellFormulaValue;
    sheet.getCell("F2").value = { richText: [{ text: "富" }, { text: "文本", font: { bold: true } }] };
    sheet.getCell("G2").value = new Date(Date.UTC(2023, 2, 15));
    sheet.getCell("H2").value = { error: "#REF!" } as ExcelJS.CellErrorValue;
    sheet.getCell("I2").value = { text: "链接", hyperlink: "https://example.com" };
    sheet.getCell("J2").value = true;
    sheet.getCell("K2").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
    sheet.getCell("B4").value = "合并";
    sheet.mergeCells("B4:D5");
    workbook.addWorksheet("空表");
    const file = path.join(tempDir(), "mixed.xlsx");
    await workbook.xlsx.writeFile(file);

    const read = await readWorkbookFile(file);
    if (!("grids" in read)) throw new Error(read.error);
    expect(read.grids.map((g) => g.name)).toEqual(["混合", "空表"]);
    const [mixed, empty] = read.grids;
    expect(mixed).toMatchObject({ top: 0, left: 0 });
    expect(mixed.values[1]).toEqual([null, 12.5, "文字", 25, "=B2*3", "富文本", "2023-03-15", "#REF!", "链接", true, "#DIV/0!"]);
    expect(mixed.values[3]).toEqual([null, "合并", ...new Array(9).fill(null)]);
    // The merge's other cells hold nothing, so the used range ends at its top row, as in Excel.
    expect(mixed.values).toHaveLength(4);
    expect(empty.values).toEqual([]);
    // S07 reports a date in an amount cell: it must not read as a number.
    expect(parseAmount(mixed.values[1][6]).kind).toBe("invalid");
  });

  it("reads .xlsm, and says in Chinese that a text file is not a workbook", async () => {
    const xlsm = await sampleWorkbook("宏.xlsm");
    expect("grids" in (await readWorkbookFile(xlsm))).toBe(true);
    expect(await readWorkbookFile(unreadable("假.xlsx"))).toEqual({ error: expect.stringContaining("不是可读取的 .xlsx/.xlsm 工作簿") });
    expect(await readWorkbookFile(path.join(tempDir(), "没有.xlsx"))).toEqual({ error: "无法读取：文件或目录不存在" });
  });
});

describe("budget-disclosure validate", () => {
  it("--format json: one entry per file with the 13 tables found and the findings", async () => {
    const file = await sampleWorkbook("晋城.xlsx");
    const { code, json, err } = await runJson(file);
    expect(Object.keys(json)).toEqual(["checked_at", "strict", "summary", "files"]);
    expect(json.files).toHaveLength(1);
    const entry = json.files[0];
    expect(Object.keys(entry)).toEqual(["file", "department", "year", "pack", "tables_found", "summary", "findings"]);
    expect(entry).toMatchObject({ department: "晋城市商务局", year: 2023 });
    expect(entry.file).toBe(file);
    expect(entry.pack).toEqual({ id: "shanxi-2023", version: "1.0.1", name: "山西省部门预算公开表样（2023）" });
    expect(entry.tables_found).toEqual(ALL_TABLES);
    for (const f of entry.findings) expect(f).toEqual(expect.objectContaining({ rule: expect.any(String), severity: expect.any(String), message: expect.any(String) }));
    // The sample is the published disclosure: consistent, so no error.
    expect(hasError(entry.findings)).toBe(false);
    expect(code).toBe(0);
    expect(err).toBe("");
  });

  it("exits 1 on an error-level finding, and names it in every format", async () => {
    const file = await sampleWorkbook("错.xlsx", { rows: rowsWithWrongTotal() });
    const { code, json } = await runJson(file);
    const errors = json.files[0].findings.filter((f) => f.severity === "error");
    // A04 (收支总表平衡) sees the 100 added to 本年收入合计.
    expect(errors).toContainEqual(expect.objectContaining({ table: "T01", difference: "100.00" }));
    expect(code).toBe(1);

    const text = await run(file);
    expect(text.code).toBe(1);
    const [summary] = text.out.split("\n");
    expect(summary).toMatch(new RegExp(`^== .*错\\.xlsx：模板包 shanxi-2023 1\\.0\\.1（山西省部门预算公开表样（2023））；找到 13/13 张表；错误 ${errors.length}，警告 \\d+，提示 \\d+$`));
    expect(text.out).toContain("表1 预算收支总表（T01）\n");
    expect(text.out).toMatch(/\n {2}[A-Z]\d\d 错误 '表1 预算收支总表'!B\d+ {2}\S/);
    expect(text.out).toMatch(new RegExp(`\\n共 1 个文件：错误 ${errors.length}，警告 \\d+，提示 \\d+\\n$`));
  });

  it("--strict turns a difference of 0.01, which rounding allows, into an error", async () => {
    const file = await sampleWorkbook("尾差.xlsx", { rows: rowsWithTotalOff(0.01) });
    const loose = await runJson(file);
    const strict = await runJson(file, "--strict");
    expect(hasError(loose.json.files[0].findings)).toBe(false);
    expect(hasError(strict.json.files[0].findings)).toBe(true);
    expect([loose.code, strict.code]).toEqual([0, 1]);
  });

  it("--format csv: BOM, CRLF, Chinese header, one row per finding, formula-like cells made inert", async () => {
    const file = await sampleWorkbook("公式.xlsx", { rows: rowsWithWrongTotal(), sheetNames: { T01: "=SUM" } });
    const { code, out } = await run(file, "--format", "csv");
    expect(code).toBe(1);
    expect(out.startsWith("\uFEFF文件,模板包,规则,级别,表号,工作表,单元格,应为,实际,差额,说明,已说明\r\n")).toBe(true);
    const rows = parseCsv(out.slice(1));
    const { json } = await runJson(file);
    expect(rows.slice(1)).toHaveLength(json.files[0].findings.length);
    const onSum = rows.filter((r) => r[5].includes("SUM"));
    expect(onSum.length).toBeGreaterThan(0);
    for (const r of onSum) expect(r[5]).toBe("'=SUM");
    const error = rows.find((r) => r[3] === "错误" && r[9] === "100.00")!;
    expect(error).toBeDefined();
    expect(error.slice(0, 2)).toEqual([file, "shanxi-2023 1.0.1"]);
  });

  it("escapes formula starts but leaves numbers and quotes RFC 4180 style", () => {
    const text = csvText([["=SUM(A1)", "+cmd", "-2+3", "@A1", "-559.68", "+1,234.50", "a,b", '说"好"', "两\n行"]]);
    expect(text).toBe(`\uFEFF'=SUM(A1),'+cmd,'-2+3,'@A1,-559.68,"+1,234.50","a,b","说""好""","两\n行"\r\n`);
    expect(parseCsv(text.slice(1))).toEqual([["'=SUM(A1)", "'+cmd", "'-2+3", "'@A1", "-559.68", "+1,234.50", "a,b", '说"好"', "两\n行"]]);
  });

  it("exits 2 on a file that is not a workbook or has no table, and still reports the others", async () => {
    const good = await sampleWorkbook("a-晋城.xlsx");
    const bad = unreadable("b-坏.xlsx");
    const empty = await noTables("c-空.xlsx");
    const { code, json, err } = await runJson(good, bad, empty);
    expect(code).toBe(2);
    expect(json.files.map((f) => f.file)).toEqual([good, bad, empty]);
    expect(json.files[0].tables_found).toEqual(ALL_TABLES);
    const nothing = { tables_found: [], findings: [] };
    expect(json.files[1]).toEqual({ file: bad, ...nothing, error: expect.stringContaining("不是可读取的") });
    expect(json.files[2]).toEqual({ file: empty, ...nothing, error: expect.stringContaining("未找到任何公开表") });
    expect(err).toBe(`错误：${bad}：${json.files[1].error}\n错误：${empty}：${json.files[2].error}\n`);

    const text = await run(empty);
    expect(text.code).toBe(2);
    expect(text.out).toContain(`== ${empty}：无法校验：未找到任何公开表`);
    expect(text.out).toContain("共 1 个文件（1 个无法校验）");
    const csv = parseCsv((await run(bad, "--format", "csv")).out.slice(1));
    expect(csv[1]).toEqual([bad, "", "", "无法校验", "", "", "", "", "", "", json.files[1].error, ""]);
  });

  it("an unusable file outweighs errors elsewhere: exit 2", async () => {
    const wrong = await sampleWorkbook("错.xlsx", { rows: rowsWithWrongTotal() });
    expect((await run(wrong, unreadable("坏.xlsx"))).code).toBe(2);
  });

  it("walks folders for .xlsx and .xlsm, skipping Excel's ~$ lock files and other files", async () => {
    await sampleWorkbook("各部门/表10.xlsx");
    await sampleWorkbook("各部门/表2.xlsm");
    await sampleWorkbook("各部门/下级/商务局.XLSX");
    fs.writeFileSync(path.join(tempDir(), "各部门", "~$表2.xlsm"), "lock");
    fs.writeFileSync(path.join(tempDir(), "各部门", "说明.txt"), "text");
    const folder = path.join(tempDir(), "各部门");
    // In pinyin order, as a Chinese file manager lists them: 表 (biǎo) before 下 (xià), 表2 before 表10.
    const { code, json } = await runJson(folder, path.join(folder, "表2.xlsm"));
    expect(json.files.map((f) => path.relative(folder, f.file))).toEqual(["表2.xlsm", "表10.xlsx", path.join("下级", "商务局.XLSX")]);
    expect(json.files.every((f) => f.tables_found.length === 13)).toBe(true);
    expect(code).toBe(0);
  });

  it("--jobs 1 and --jobs 2 give the same report, in the order given, with nothing on stderr", async () => {
    const files = [await sampleWorkbook("1.xlsx"), await sampleWorkbook("2.xlsx", { rows: rowsWithWrongTotal() }), await sampleWorkbook("3.xlsx")];
    for (const format of ["text", "json"]) {
      // The time of the check aside.
      const untimed = <T extends { out: string }>(r: T): T => ({ ...r, out: r.out.replace(/"checked_at": "[^"]*"/, "") });
      const one = untimed(await run(...files, "--format", format, "--jobs", "1"));
      const two = untimed(await run(...files, "--format", format, "--jobs", "2"));
      expect(two).toEqual(one);
      expect(one.err).toBe("");
    }
  });

  it("a worker thread reports a file as this thread does", async () => {
    // With --jobs 2 this thread may finish a few small files before the worker is ready: talk to one directly.
    const file = await sampleWorkbook("错.xlsx", { rows: rowsWithWrongTotal() });
    const setup = { pack, strict: false };
    const worker = startWorker(setup);
    try {
      const reply = await new Promise((resolve, reject) => {
        worker.on("message", (m: { ready?: true }) => (m.ready ? worker.postMessage({ id: 7, file }) : resolve(m)));
        worker.on("error", reject);
      });
      expect(reply).toEqual({ id: 7, report: await fileValidator(setup)(file) });
    } finally {
      await worker.terminate();
    }
  });

  it("-o writes the report to a file, and never over a workbook", async () => {
    const file = await sampleWorkbook("晋城.xlsx");
    const out = path.join(tempDir(), "结果.json");
    fs.writeFileSync(out, "旧报告");
    const r = await run(file, "--format", "json", "-o", out);
    expect(r).toEqual({ code: 0, out: `已写入 ${out}：1 个文件，错误 0，警告 0，提示 0\n`, err: "" });
    expect((JSON.parse(fs.readFileSync(out, "utf8")) as JsonReport).files[0].tables_found).toEqual(ALL_TABLES);

    const csv = path.join(tempDir(), "结果.csv");
    await run(file, "--format", "csv", "-o", csv);
    expect(fs.readFileSync(csv).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));

    const before = fs.readFileSync(file);
    const refused = await run(file, "-o", file);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("不能是工作簿文件");
    expect(fs.readFileSync(file)).toEqual(before);
  });

  it("--pack reads only the pack's tables", async () => {
    const packFile = path.join(tempDir(), "pack.json");
    fs.writeFileSync(packFile, JSON.stringify(withTables(builtinPack(), 2)));
    const { json } = await runJson(await sampleWorkbook("晋城.xlsx"), "--pack", packFile);
    expect(json.files[0].tables_found).toEqual(["T01", "T02"]);
  });

  describe("--catalog", () => {
    const catalogCsv = "科目编码,科目名称\r\n201,一般公共服务支出\r\n20113,商贸事务\r\n2011301,行政运行\r\n";

    it("imports a .csv catalogue, says which kind on stderr, and checks against it", async () => {
      const catalog = path.join(tempDir(), "功能科目.csv");
      fs.writeFileSync(catalog, `\uFEFF${catalogCsv}`);
      const r = await runJson(await sampleWorkbook("晋城.xlsx"), "--catalog", catalog);
      expect(r.err).toBe(`已导入科目目录 ${catalog}：支出功能分类科目 3 个，按完整目录校验（其他类别仍用内置目录）\n`);
      expect(r.json.files[0].tables_found).toEqual(ALL_TABLES);
    });

    it("reads a catalogue saved by Chinese Excel as GB18030, and one in .xlsx without a header", async () => {
      const gbk = Buffer.from([0xd0, 0xd0, 0xd5, 0xfe, 0xd4, 0xcb, 0xd0, 0xd0]); // 行政运行
      expect(decodeCsv(Buffer.concat([Buffer.from("2011301,"), gbk]))).toBe("2011301,行政运行");

      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet("目录");
      sheet.addRows([[301, "工资福利支出"], ["30101", "基本工资"]]);
      const catalog = path.join(tempDir(), "经济科目.xlsx");
      await workbook.xlsx.writeFile(catalog);
      const r = await run(await sampleWorkbook("晋城.xlsx"), "--catalog", catalog);
      expect(r.err).toContain("部门预算支出经济分类科目 2 个");
    });

    it.each([
      ["科目编码,科目名称\n201,一般公共服务支出\n201,重复\n", "第3行"],
      ["科目编码,科目名称\n201,一般公共服务支出\n301,工资福利支出\n", "第3行"],
      ["编码,名称\n401,某某\n", "以 4 开头"],
      ["编码,名称\n", "没有科目编码"],
    ])("refuses a bad catalogue with exit 2 before reading any workbook: %j", async (content, message) => {
      const catalog = path.join(tempDir(), "目录.csv");
      fs.writeFileSync(catalog, content);
      const r = await run(await sampleWorkbook("晋城.xlsx"), "--catalog", catalog);
      expect(r.code).toBe(2);
      expect(r.out).toBe("");
      expect(r.err).toMatch(/^错误：科目目录 /);
      expect(r.err).toContain(message);
    });
  });

  it.each([
    [[], "请指定要校验的工作簿或目录"],
    [["不存在.xlsx"], "文件或目录不存在"],
    [["SAMPLE", "--format", "xml"], "--format 应为 text、json、csv、html 之一"],
    [["SAMPLE", "--jobs", "0"], "--jobs 应为 1 至 64 之间的整数"],
    [["SAMPLE", "--catalog", "目录.txt"], "科目目录应为 .xlsx 或 .csv 文件"],
    [["SAMPLE", "--bogus"], "未知选项 --bogus"],
  ])("%j is refused with exit 2", async (args, message) => {
    const sample = await sampleWorkbook("晋城.xlsx");
    const r = await run(...args.map((a) => (a === "SAMPLE" ? sample : a)));
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/^错误：/);
    expect(r.err).toContain(message);
  });

  it("refuses an empty folder with exit 2", async () => {
    fs.mkdirSync(path.join(tempDir(), "空"));
    const r = await run(path.join(tempDir(), "空"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("没有 .xlsx 或 .xlsm 文件");
  });

  it("runs from the bin script with the exit code", async () => {
    const bin = path.join(__dirname, "../../bin/budget-disclosure.js");
    const r = spawnSync(process.execPath, [bin, "validate", await sampleWorkbook("错.xlsx", { rows: rowsWithWrongTotal() })], { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^== .*错\.xlsx：模板包 shanxi-2023 .*；找到 13\/13 张表；错误 [1-9]/);
    expect(r.stderr).toBe("");
  });

  it("--explain-text: each sentence of the 情况说明 with what was read from each amount, in text and JSON", async () => {
    const file = path.join(tempDir(), "上海.xlsx");
    expect((await runCli("template", "--pack", "shanghai-putuo-2025", "--sample", "-o", file)).code).toBe(0);
    const text = await run(file, "--explain-text");
    expect(text.out).toContain("情况说明逐句读出（43 处金额）");
    expect(text.out).toContain("    938.99万元 → 一般公共服务支出（类）商贸事务（款）行政运行（项）  【核对】");
    expect(text.out).toMatch(/ 部门编制说明!A3 “部门预算编制说明”：“1\. “一般公共服务支出（类）商贸事务（款）行政运行（项）”938\.99万元，/);
    const json = JSON.parse((await run(file, "--explain-text", "--format", "json")).out);
    const readings = json.files[0].readings as { amount: string; read: string; about?: string }[];
    expect(readings).toHaveLength(43);
    expect(readings.filter((r) => r.read === "item" || r.read === "subject")).toHaveLength(41);
    // Without the option, nothing of it.
    expect((await run(file)).out).not.toContain("逐句读出");
  });

  it("prints Chinese help with the exit codes", async () => {
    const r = await run("--help");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/用法：\s*budget-disclosure validate \[选项\] \[文件或目录\.\.\.\]/);
    expect(r.out).toContain("--catalog <文件>");
    expect(r.out).toContain("退出码：0 没有未说明的错误；1");
  });
});

describe("a reviewer's run: explained findings, --baseline, --rules, --expect", () => {
  /** The file with explanations of `findings` kept as the add-in keeps them: a custom XML part. */
  function explain(file: string, findings: Finding[], text = "已与财政局核对") {
    const parts = unzipSync(fs.readFileSync(file));
    const list = findings.map((f) => explanationOf(f, text, new Date("2026-12-01T00:00:00Z")));
    parts["customXml/item1.xml"] = strToU8(explanationsToXml(list));
    fs.writeFileSync(file, zipSync(parts));
  }
  const errors = (findings: Finding[]) => findings.filter((f) => f.severity === "error");

  it("a finding explained in the workbook is reported as explained, in every format, and no longer fails the run", async () => {
    const file = await sampleWorkbook("说明.xlsx", { rows: rowsWithWrongTotal() });
    const before = await runJson(file);
    expect(before.code).toBe(1);
    explain(file, errors(before.json.files[0].findings));
    const after = await runJson(file);
    expect(after.code).toBe(0);
    const explained = after.json.files[0].findings.filter((f) => f.explanation !== undefined);
    expect(explained.map((f) => f.rule)).toEqual(errors(before.json.files[0].findings).map((f) => f.rule));
    expect(explained[0].explanation).toBe("已与财政局核对");
    const text = await run(file);
    expect(text.out).toContain("【已说明：已与财政局核对】");
    expect(text.out).toMatch(/错误 0，警告 \d+，提示 \d+，已说明 \d+/);
    const csv = parseCsv((await run(file, "--format", "csv")).out.slice(1));
    expect(csv.filter((r) => r[11] === "已与财政局核对")).toHaveLength(explained.length);
    expect(await run(file, "--format", "html").then((r) => r.out)).toContain("已说明：已与财政局核对");
  });

  it("an explanation holds only while the figures are those it explained", async () => {
    const file = await sampleWorkbook("改过.xlsx", { rows: rowsWithWrongTotal() });
    const wrong = errors((await runJson(file)).json.files[0].findings);
    // The same cells with another wrong figure: the explanation is of 100.00 off, not of 50.00 off.
    const other = await sampleWorkbook("改过.xlsx", { rows: rowsWithTotalOff(50) });
    explain(other, wrong);
    const r = await runJson(other);
    expect(r.code).toBe(1);
    expect(r.json.files[0].findings.filter((f) => f.explanation !== undefined)).toEqual([]);
  });

  it("--baseline prints only the findings new since an earlier JSON report", async () => {
    const file = await sampleWorkbook("基线/晋城.xlsx");
    const baseline = path.join(tempDir(), "上次.json");
    fs.writeFileSync(baseline, (await run(file, "--format", "json")).out);
    const same = await runJson(file, "--baseline", baseline);
    expect(same.json.files[0].findings).toEqual([]);
    expect(same.code).toBe(0);
    // The same file with an error planted since.
    await sampleWorkbook("基线/晋城.xlsx", { rows: rowsWithWrongTotal() });
    const planted = await runJson(file, "--baseline", baseline);
    const all = await runJson(file);
    expect(planted.json.files[0].findings.length).toBeGreaterThan(0);
    expect(planted.json.files[0].findings.every((f) => f.severity === "error")).toBe(true);
    expect(planted.json.files[0].findings).toEqual(errors(all.json.files[0].findings));
    expect(planted.code).toBe(1);

    fs.writeFileSync(baseline, "{}");
    const bad = await run(file, "--baseline", baseline);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("不是 validate --format json 的报告：files：");
  });

  it("--rules turns rules off or grades them otherwise; a bad rules file is refused naming the field", async () => {
    const file = await sampleWorkbook("规则.xlsx", { rows: rowsWithWrongTotal() });
    const rules = (data: unknown) => {
      const f = path.join(tempDir(), "规则.json");
      fs.writeFileSync(f, JSON.stringify(data));
      return f;
    };
    const found = (await runJson(file)).json.files[0].findings;
    const ids = [...new Set(errors(found).map((f) => f.rule))];
    const off = await runJson(file, "--rules", rules({ rules: Object.fromEntries(ids.map((id) => [id, "off"])) }));
    expect(off.json.files[0].findings.filter((f) => ids.includes(f.rule))).toEqual([]);
    expect(off.code).toBe(0);
    const lowered = await runJson(file, "--rules", rules({ rules: Object.fromEntries(ids.map((id) => [id, "warning"])) }));
    expect(lowered.json.files[0].findings.filter((f) => ids.includes(f.rule)).map((f) => f.severity)).toEqual(errors(found).map(() => "warning"));
    expect(lowered.code).toBe(0);

    for (const [data, message] of [
      [{ rules: { Z99: "off" } }, "rules.Z99：没有这条规则"],
      [{ rules: { A04: "loud" } }, "rules.A04：应为 off、error、warning 或 info"],
      [{ rule: { A04: "off" } }, "不认识的字段 rule"],
    ] as const) {
      const r = await run(file, "--rules", rules(data));
      expect(r.code).toBe(2);
      expect(r.err).toContain(message);
      expect(r.out).toBe("");
    }
  });

  it("--expect lists the departments that sent nothing (a header row skipped, names compared loosely)", async () => {
    const file = await sampleWorkbook("名单/晋城.xlsx");
    const list = path.join(tempDir(), "名单.csv");
    fs.writeFileSync(list, "\uFEFF部门名称\r\n晋城市 商务局\r\n晋城市财政局\r\n");
    const r = await runJson(file, "--expect", list);
    expect((JSON.parse(r.out) as { missing: string[] }).missing).toEqual(["晋城市财政局"]);
    expect((await run(file, "--expect", list)).out).toContain("未报送（1 个部门）：晋城市财政局");
    fs.writeFileSync(list, "部门名称\r\n");
    const empty = await run(file, "--expect", list);
    expect(empty.code).toBe(2);
    expect(empty.err).toContain("中没有部门名称");
  });
});
