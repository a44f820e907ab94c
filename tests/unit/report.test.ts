import { readInputs } from "../../src/domain/inputs/read-inputs";
import type { Finding } from "../../src/domain/finding";
import { parseA1, parseRange } from "../../src/domain/grid";
import { builtinPack } from "../../src/domain/packs";
import { cellSpecs } from "../../src/domain/render/plan";
import { renderTables } from "../../src/domain/render/render";
import { REPORT_SHEET, REPORT_TITLE, renderReport, reportDate, type ReportInput } from "../../src/domain/render/report";
import { datongSample } from "../../src/domain/samples";
import { createExcelPort } from "../../src/excel/workbook";
import { MemoryWorkbook } from "../../src/preview/memory-workbook";
import { parseCsv } from "../../src/domain/export/csv";
import { runCheck, writeReport, type CheckRun } from "../../src/taskpane/check";
import { yearOfTitles } from "../../src/domain/read/model";
import { builtinCatalog } from "../../src/domain/catalog/catalog";
import { readDisclosure } from "../../src/domain/read/read";
import { reportHtml } from "../../src/domain/report/html";
import { MockWorkbook } from "../support/excel-mock";

const pack = builtinPack();

const findings: Finding[] = [
  {
    rule: "C02",
    severity: "warning",
    table: "T03",
    sheet: "表3 预算支出总表",
    cell: "A9",
    related: [],
    actual: "2010199",
    message: "表3“预算支出总表”科目编码 2010199 不在目录中",
  },
  {
    rule: "A04",
    severity: "error",
    table: "T01",
    sheet: "表1 预算收支总表",
    cell: "B36",
    related: [{ table: "T01", sheet: "表1 预算收支总表", cell: "D36" }],
    expected: "2,636.14",
    actual: "2,636.41",
    difference: "0.27",
    message: "表1“预算收支总表”收入总计为 2,636.41，应为支出总计 2,636.14，相差 0.27",
  },
  {
    rule: "S01",
    severity: "error",
    table: "T13",
    sheet: "",
    cell: "",
    related: [],
    message: "缺少表13",
  },
];

const workbook = {
  file: "大同市商务局",
  department: "大同市商务局",
  year: 2023,
  tablesFound: pack.tables.slice(0, 12).map((t) => t.id),
  findings,
};
const input: ReportInput = { pack, checkedAt: new Date(2024, 4, 1, 9, 5), strict: false, workbook };

const textOf = (values: unknown[][]) => values.map((r) => r.map((v) => (v === null ? "" : String(v))));

describe("renderReport", () => {
  const plan = renderReport(input);
  const rows = textOf(plan.values);
  const rowOf = (first: string) => rows.findIndex((r) => r[0] === first);

  it("titles the sheet and states department, year, time and mode", () => {
    expect(plan.name).toBe(REPORT_SHEET);
    expect(rows[0][0]).toBe(REPORT_TITLE);
    expect(rows[1][0]).toBe("部门名称：大同市商务局　预算年度：2023　校验时间：2024-05-01 09:05　校验方式：常规（允许尾差）");
    expect(plan.merges).toEqual(expect.arrayContaining(["A1:J1", "A2:J2"]));
    expect(plan.styles).toEqual(expect.arrayContaining([{ range: "A1:J1", style: "title" }, { range: "A2:J2", style: "meta" }]));
  });

  it("summarises every table of the pack: found or not, and errors / warnings / info", () => {
    const head = rowOf("表");
    expect(rows[head].slice(5, 9)).toEqual(["状态", "错误", "警告", "提示"]);
    expect(rows[head + 1].slice(0, 9)).toEqual(["表1 预算收支总表", "", "", "", "", "已找到", "1", "0", "0"]);
    expect(rows[head + 3][0]).toBe("表3 预算支出总表");
    expect(rows[head + 3].slice(6, 9)).toEqual(["0", "1", "0"]);
    expect(rows[head + 13].slice(5, 9)).toEqual(["未找到", "1", "0", "0"]);
    expect(rows[head + 14].slice(5, 9)).toEqual(["12/13", "2", "1", "0"]);
    expect(rows[head + 14][0]).toBe("合计");
    expect(plan.styles).toContainEqual({ range: `A${head + 15}:I${head + 15}`, style: "total" });
  });

  it("lists one row per finding, errors first, amounts as numbers and other figures as text", () => {
    const head = rowOf("序号");
    expect(rows[head]).toEqual(["序号", "规则", "级别", "表", "工作表", "单元格", "应为", "实际", "差额", "说明"]);
    expect(rows[head - 1][0]).toBe("二、问题清单（共 3 条）");
    const a04 = plan.values[head + 1];
    expect(a04.slice(0, 6)).toEqual([1, "A04", "错误", "表1", "表1 预算收支总表", "B36"]);
    expect(a04.slice(6, 9)).toEqual([2636.14, 2636.41, 0.27]);
    expect(plan.styles).toContainEqual({ range: `G${head + 2}:I${head + 2}`, style: "amount" });
    expect(plan.values[head + 2].slice(0, 4)).toEqual([2, "S01", "错误", "表13"]);
    const c02 = plan.values[head + 3];
    expect(c02.slice(1, 3)).toEqual(["C02", "警告"]);
    // A code stays text, in a text-formatted cell, or Excel would show 2,010,199.00.
    expect(c02[7]).toBe("2010199");
    expect(plan.styles).toContainEqual({ range: `G${head + 4}:I${head + 4}`, style: "code" });
    expect(c02[9]).toBe(findings[0].message);
  });

  it("is a well-formed plan: rectangular values, merges and styles inside them, ten column widths", () => {
    const width = plan.values[0].length;
    expect(plan.values.every((r) => r.length === width)).toBe(true);
    expect(plan.columnWidths).toHaveLength(width);
    for (const ref of [...plan.merges, ...plan.styles.map((s) => s.range)]) {
      const r = parseRange(ref);
      expect(r.bottom).toBeLessThan(plan.values.length);
      expect(r.right).toBeLessThan(width);
    }
    expect(cellSpecs(plan).get(`${parseA1("G1").row},6`)).toMatchObject({ bold: true });
  });

  it("says so when there is nothing to report, and names the strict mode", () => {
    const clean = renderReport({ ...input, workbook: { ...workbook, findings: [] }, strict: true, name: "校验报告 (2)" });
    const text = textOf(clean.values);
    expect(clean.name).toBe("校验报告 (2)");
    expect(text[1][0]).toContain("校验方式：严格（不计尾差）");
    expect(text.at(-1)?.[0]).toBe("未发现问题。");
    expect(text.some((r) => r[0] === "二、问题清单（共 0 条）")).toBe(true);
  });

  it("formats the time as local minutes", () => {
    expect(reportDate(new Date(2023, 11, 31, 23, 59, 59))).toBe("2023-12-31 23:59");
  });
});

describe("the check flow", () => {
  async function datong(stamped: boolean): Promise<MemoryWorkbook> {
    const wb = new MemoryWorkbook();
    const plans = renderTables(pack, { department: datongSample.department, year: datongSample.year, rows: datongSample.rows });
    await wb.apply(plans, stamped ? { pack: pack.id, version: pack.version, department: "大同市商务局", year: 2023 } : undefined);
    wb.syncs = 0;
    return wb;
  }

  it("reads the workbook once, and takes the year and department from the stamp", async () => {
    const wb = await datong(true);
    const asked: number[] = [];
    const run = await runCheck(wb, {
      stamp: await wb.metadata.get(),
      strict: false,
      catalogFor: (year) => (asked.push(year), builtinCatalog(year)),
    });
    expect(wb.syncs).toBe(5); // the stamp above (2 in Excel), the one read of every sheet (2), the explanations (1: none)
    expect(asked).toEqual([2023]);
    expect(run.result.tablesFound).toHaveLength(13);
    expect(run).toMatchObject({ year: 2023, department: "大同市商务局", strict: false });
  });

  it("without a stamp, takes the year and department from the tables' titles", async () => {
    const wb = await datong(false);
    const run = await runCheck(wb, { stamp: null, strict: true, catalogFor: builtinCatalog });
    expect(run).toMatchObject({ year: 2023, department: "大同市商务局", strict: true });
    expect(yearOfTitles(readDisclosure(pack, []))).toBeNull();
  });

  it("writes the report under a free name, never over a user's sheet", async () => {
    const wb = await datong(true);
    const result = { disclosure: readDisclosure(pack, []), inputs: readInputs(pack, []), year: 2023, yearFrom: "titles" as const, department: "大同市商务局", catalog: builtinCatalog(2023), tablesFound: [], findings };
    const run: CheckRun = { pack, year: 2023, department: "大同市商务局", strict: false, checkedAt: new Date(), result, report: workbook };
    await wb.apply([{ ...renderReport(input), name: "校验报告", values: [["用户自己的表"]], merges: [], styles: [] }]);

    expect(await writeReport(wb, run)).toBe("校验报告 (2)");
    expect(await writeReport(wb, run)).toBe("校验报告 (3)");
    expect(wb.sheet("校验报告")?.cells).toEqual([["用户自己的表"]]);
    expect(wb.sheet("校验报告 (3)")?.cells[0][0]).toBe(REPORT_TITLE);
  });

  it("draws the report in Excel within the adapter's two syncs", async () => {
    const book = new MockWorkbook([{ name: "Sheet1" }]);
    await createExcelPort(book.run, () => true).apply([renderReport(input)]);
    expect(book.syncs).toBe(2);
    expect(book.added).toEqual([REPORT_SHEET]);
  });
});

describe("parseCsv", () => {
  it("reads UTF-8 CSV with a BOM, CRLF, quoted commas, quotes and line breaks", () => {
    expect(parseCsv('\ufeff科目编码,科目名称\r\n201,一般公共服务支出\r\n"20101","人大事务, ""其他"""\n2010101,"行政\n运行"')).toEqual([
      ["科目编码", "科目名称"],
      ["201", "一般公共服务支出"],
      ["20101", '人大事务, "其他"'],
      ["2010101", "行政\n运行"],
    ]);
    expect(parseCsv("")).toEqual([]);
    expect(parseCsv("a,b\n")).toEqual([["a", "b"]]);
  });
});

test("the HTML review page flags a department that sent several files, on its rows and above the table", () => {
  const file = (name: string, department: string) => ({ file: name, department, tablesFound: [], findings: [] });
  const html = reportHtml({ checkedAt: new Date(), strict: false, files: [file("a.xlsx", "甲局"), file("b.xlsx", "乙局"), file("c.xlsx", "甲局")] }, []);
  expect(html).toContain('<p id="repeated" class="repeated">1 个部门报送了多个文件，请确认以哪一个为准：甲局（2 个）</p>');
  expect(html.match(/（同一部门共 2 个文件）/g)).toHaveLength(2);
  expect(reportHtml({ checkedAt: new Date(), strict: false, files: [file("a.xlsx", "甲局"), file("b.xlsx", "乙局")] }, [])).not.toContain("repeated\">");
});
