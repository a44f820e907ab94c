/**
 * The CLI on inputs built to hurt (scripts/hostile-inputs.ts), each run as its own process with a 1 GB heap: each
 * ends in its documented finding or message instead of running out of memory; and a folder run with hostile and
 * broken files among good ones reports every good one and names the bad.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { writeHostileInputs, type HostileInput } from "../../scripts/hostile-inputs";
import { writeReviewFolder } from "../../scripts/review-folder";
import { useTempDir } from "../support/cli";

const BIN = path.join(__dirname, "../../bin/budget-disclosure.js");
const tempDir = useTempDir("hostile-", "all");
let inputs: Record<HostileInput, string>;

/** The CLI in a child process whose heap is bounded: running out of it is exit 134, which fails the test. */
async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ["--max-old-space-size=1024", BIN, ...args], {
      maxBuffer: 64 * 1024 * 1024,
      timeout: 120_000,
    });
    return { code: 0, out: stdout, err: stderr };
  } catch (e) {
    const { code, stdout, stderr, signal } = e as { code: number; stdout: string; stderr: string; signal?: string };
    return { code: signal ? 128 : code, out: stdout, err: `${signal ?? ""}${stderr}` };
  }
}

interface Found {
  rule: string;
  severity: string;
  sheet: string;
  cell: string;
  message: string;
}

async function findings(input: HostileInput): Promise<{ code: number; found: Found[] }> {
  const r = await cli("validate", inputs[input], "--format", "json");
  expect(r.err).toBe("");
  return { code: r.code, found: JSON.parse(r.out).files[0].findings };
}

const lines = (found: Found[], rule: string) => found.filter((f) => f.rule === rule).map((f) => `${f.severity} ${f.sheet}!${f.cell} ${f.message}`);

beforeAll(async () => {
  inputs = await writeHostileInputs(tempDir());
}, 120_000);

describe("workbooks", () => {
  it("a stray value at XFD1048576 on a sheet of its own: left out and said so, the tables checked", async () => {
    const { code, found } = await findings("远处单元格.xlsx");
    expect(lines(found, "S14")).toEqual([
      "warning 备注!XFD1048576 工作表“备注”中有 1 个单元格远离其余数据（最早的在 XFD1048576，数据区域因此达 A1:XFD1048576，超过 500 万个单元格的上限），已忽略、未校验",
    ]);
    expect(found.filter((f) => f.severity === "error")).toEqual([]);
    expect(code).toBe(0);
  }, 120_000);

  // After the cells, where the schema puts merges, or before them (then the whole sheet is searched).
  it.each<HostileInput>(["巨大合并.xlsx", "巨大合并-在单元格前.xlsx"])("a merge B40:XFD1048576 (%s): read as unmerged and said so", async (input) => {
    const { code, found } = await findings(input);
    expect(lines(found, "S14")).toEqual([
      "warning 说明!B40 工作表“说明”的合并区域 B40:XFD1048576 过大（单个超过 1 万个单元格，或合计超过 100 万个），已按未合并读取",
    ]);
    expect(code).toBe(0);
  }, 120_000);

  it("values across the whole sheet with no gap: the sheet skipped and said so", async () => {
    const { found } = await findings("稀疏对角.xlsx");
    expect(lines(found, "S14")).toEqual([
      "warning 草稿!A1 工作表“草稿”的数据区域过大（A1:XCI1048501，超过 500 万个单元格的上限），已跳过：其中 1166 个有内容的单元格未读取、未校验",
    ]);
  }, 120_000);

  it("表2 twice, the copy after it: S12 at the copy, the real 表2 checked", async () => {
    const { code, found } = await findings("重复表-副本在后.xlsx");
    expect(found.filter((f) => f.severity === "error").map((f) => `${f.rule} ${f.sheet}!${f.cell}`)).toEqual(["S12 旧版表2!A2"]);
    expect(code).toBe(1);
  }, 120_000);

  it("表2 twice, the copy first: the copy checked, and S12 says so at the real one", async () => {
    const { found } = await findings("重复表-副本在前.xlsx");
    expect(lines(found, "S12")).toEqual([
      "error 表2 预算收入总表!A2 表2“预算收入总表”出现了两次：工作表“旧版表2”A2和工作表“表2 预算收入总表”A2各有一份，数字不同；校验按工作表“旧版表2”A2的一份进行",
    ]);
  }, 120_000);

  it("表2 on a hidden sheet: checked, and S13 says it is hidden", async () => {
    const { code, found } = await findings("隐藏工作表.xlsx");
    expect(lines(found, "S13")).toEqual(["info 表2 预算收入总表!A2 表2“预算收入总表”在隐藏的工作表“表2 预算收入总表”上：在 Excel 中看不到，已照常校验"]);
    expect(code).toBe(0);
  }, 120_000);

  it("an amount of 100,000 digits: S07 in a short message", async () => {
    const { found } = await findings("超长数字.xlsx");
    const [s07] = found.filter((f) => f.rule === "S07");
    expect(s07).toMatchObject({ sheet: "表2 预算收入总表", cell: "C6", severity: "error" });
    expect(s07.message.length).toBeLessThan(200);
  }, 120_000);
});

describe("packs", () => {
  const refused = async (input: HostileInput) => {
    const out = path.join(tempDir(), `${input}.xlsx`);
    const r = await cli("template", "--pack", inputs[input], "-o", out);
    expect(fs.existsSync(out)).toBe(false);
    return r;
  };

  it("saved as GB18030: refused, saying it is not UTF-8", async () => {
    const r = await refused("模板包-GB18030.json");
    expect(r.code).toBe(2);
    expect(r.err).toContain("文件不是 UTF-8 编码（可能是 GB18030/GBK）");
  }, 120_000);

  it("an optional key misspelt: refused, naming it with its path", async () => {
    const r = await refused("模板包-拼错键.json");
    expect(r.code).toBe(2);
    expect(r.err).toContain("  - tables[1].columns[0]：未知字段 widht\n");
  }, 120_000);

  it("600,000 fixed rows (30 MB): refused by size before it is parsed", async () => {
    const r = await refused("模板包-60万行.json");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/文件过大（\d+\.\d MB，模板包最大 8 MB）/);
  }, 120_000);
});

it("a folder with hostile and broken files among good ones: every good file reported, the broken one named", async () => {
  const dir = path.join(tempDir(), "文件夹");
  const good = await writeReviewFolder(path.join(tempDir(), "好"), 3);
  fs.mkdirSync(dir);
  for (const f of good.files) fs.copyFileSync(f.file, path.join(dir, path.basename(f.file)));
  fs.copyFileSync(inputs["远处单元格.xlsx"], path.join(dir, "远处单元格.xlsx"));
  fs.copyFileSync(inputs["巨大合并.xlsx"], path.join(dir, "巨大合并.xlsx"));
  fs.writeFileSync(path.join(dir, "损坏.xlsx"), Buffer.from("PK\u0003\u0004 not really a workbook"));
  const report = path.join(tempDir(), "报告.json");
  const r = await cli("validate", dir, "--format", "json", "-o", report);
  // A file that cannot be read is exit 2, named on stderr; the report of the others is written all the same.
  expect(r.code).toBe(2);
  expect(r.err).toContain(`错误：${path.join(dir, "损坏.xlsx")}：不是可读取的 .xlsx/.xlsm 工作簿`);
  const files: { file: string; error?: string; tables_found: string[] }[] = JSON.parse(fs.readFileSync(report, "utf8")).files;
  expect(files.map((f) => path.basename(f.file)).sort()).toEqual(
    [...good.files.map((f) => path.basename(f.file)), "远处单元格.xlsx", "巨大合并.xlsx", "损坏.xlsx"].sort(),
  );
  for (const f of files.filter((x) => !x.file.endsWith("损坏.xlsx"))) expect(f.tables_found.length).toBeGreaterThan(0);
  expect(files.find((f) => f.file.endsWith("损坏.xlsx"))?.error).toMatch(/^不是可读取的 \.xlsx\/\.xlsm 工作簿/);
}, 180_000);
