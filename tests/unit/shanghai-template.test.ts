/**
 * A copy of the 普陀区 2026 部门预算 template filled by a test script with the 商务委员会 2025 figures (titles re-dated)
 * is read: all nine tables found, the checks run, no error — in both ways a clerk fills it (tests/support/
 * shanghai-template.ts): example rows overwritten and rows inserted above 合计, or the template's "…" rows left in
 * place with the figures typed below them. The file is read as the CLI reads it (src/cli/grids.ts), checked with the
 * pack chosen among the built-in ones, and validated by the CLI itself.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { runCli, useTempDir } from "../support/cli";
import { ALL_TABLES, PACK_ID, SAMPLE, checkFile, figuresRead, sampleRowsAsRead, type Checked } from "../support/shanghai-layouts";
import { TEMPLATE, fillTemplate, shownText, type Filled, type Variant } from "../support/shanghai-template";

const dir = useTempDir("shanghai-template-", "all");
const CODE_TABLES = ["T02", "T03", "T05", "T06", "T07", "T08"];

const VARIANTS: [string, Variant][] = [
  ["A: example rows overwritten, rows inserted above 合计", "overwrite"],
  ["B: the template's … rows left in place, figures typed below them", "belowExamples"],
];

it("the template is where the seeds README says", () => {
  expect(fs.existsSync(TEMPLATE)).toBe(true);
});

describe.each(VARIANTS)("the 2026 template filled with the 2025 figures — %s", (_name, variant) => {
  let checked: Checked;
  let filled: Map<string, Filled>;
  let file: string;

  beforeAll(async () => {
    const result = await fillTemplate(variant);
    filled = result.filled;
    file = path.join(dir(), `商务委员会-${variant}.xlsx`);
    await result.workbook.xlsx.writeFile(file);
    checked = await checkFile(file);
  });

  it("is filled as intended: titles re-dated, 编制部门 completed, figures where the script put them", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const t05 = filled.get("T05")!;
    const ws = workbook.getWorksheet(t05.sheet)!;
    expect(shownText(ws.getCell("A2"))).toBe("2025年部门一般公共预算支出功能分类预算表");
    expect(shownText(ws.getCell("A4"))).toBe("编制部门：上海市普陀区商务委员会");
    const total = t05.rows[t05.rows.length - 1];
    expect([shownText(ws.getCell(total, 1)), ws.getCell(total, 5).value]).toEqual(["合计", 371514655]);
    // The 合计 row stands after blank rows.
    expect([1, 2, 3, 4, 5].map((c) => shownText(ws.getCell(total - 1, c)))).toEqual(["", "", "", "", ""]);
    if (variant === "belowExamples") expect(shownText(ws.getCell("A12"))).toBe("…");
  });

  it("is read with the Shanghai 部门预算 pack: all nine tables found, no error-level finding but the template's unfilled text", () => {
    expect(checked.pack?.id).toBe(PACK_ID);
    expect(checked.result.tablesFound).toEqual(ALL_TABLES);
    expect(checked.result.year).toBe(2025);
    // The clerk filled the tables only: the text sheets still hold the template's XXX and 增加（减少）, an error (N11).
    const errors = checked.result.findings.filter((f) => f.severity === "error");
    expect(errors.filter((f) => f.rule !== "N11" || !f.message.includes("留有模板的待填内容"))).toEqual([]);
    expect(new Set(errors.map((f) => f.sheet))).toEqual(new Set(["部门编制说明", "其他相关情况说明"]));
  });

  it("reads the figures the sample has: T05 合计, 项 rows, every code table row for row", () => {
    const read = figuresRead(checked.result);
    const t05 = read.T05 ?? [];
    expect(t05.find((r) => r[0] === "合计")?.[2]).toBe(371514655);
    expect(t05.find((r) => r[0] === "2011301")).toEqual(["2011301", "行政运行", 9389913, 9389913, null]);
    expect(t05.find((r) => r[0] === "2150899")).toEqual(["2150899", "其他支持中小企业发展和管理支出", 293810000, null, 293810000]);
    expect((read.T08 ?? []).find((r) => r[0] === "30217")).toEqual(["30217", "公务接待费", 10000, null, 10000]);
    for (const id of CODE_TABLES) expect({ id, rows: read[id] }).toEqual({ id, rows: sampleRowsAsRead(id) });
    expect(read.T09).toEqual(SAMPLE.rows.T09);
  });

  it("reads T01 and T04 beside the template's own income labels: amounts and expense 类 as the sample has them", () => {
    const read = figuresRead(checked.result);
    for (const id of ["T01", "T04"]) {
      // The template prints 1. 一般公共预算 where the 2025 document prints 1. 一般公共预算资金: labels aside.
      const drop = (rows: unknown[][]) => rows.map((r) => r.slice(1));
      expect({ id, rows: drop(read[id] ?? []) }).toEqual({ id, rows: drop(SAMPLE.rows[id]!) });
    }
  });

  it("the CLI's validate finds the 9 tables and only the unfilled text: exit code 1", async () => {
    const { code, out, err } = await runCli("validate", "--jobs", "1", file);
    expect({ code, err }).toEqual({ code: 1, err: "" });
    expect(out).toMatch(/找到 9\/9 张表；错误 [1-9]/);
    expect(out.split("\n").filter((l) => /^\s+\S+ 错误 /.test(l) && !/^\s+N11 错误 .*留有模板的待填内容/.test(l))).toEqual([]);
  });
});
