/**
 * The 上海市普陀区商务委员会 2025 部门预算 in workbooks the code has never seen (tests/support/shanghai-layouts.ts):
 * (a) as printed, (b) as printed with higher code levels left blank and levels typed as numbers, (c) as a budget
 * system exports them (all tables on one sheet, no merges, captions repeated, one 科目编码 column). Each is written
 * to .xlsx with exceljs and read back as the CLI reads files (src/cli/grids.ts), the pack chosen among the built-in
 * ones, and checked.
 *
 * Clean: the right pack, all nine tables, no error, every figure read as the sample has it. Then one planted
 * error per check kind the Shanghai pack uses: the rule fires at the table and the exact cell changed (or, for a
 * rule comparing figures, at the figure it names first with the changed cell among `related`), with the rule's
 * severity (RULES.md). Amounts change by ≥ 100.00 元 (0.01 万元 in T09) so that the rounding tolerance is irrelevant.
 * Every plant runs in every layout, and also in (c′): (c) with the code and name columns headed in the pack's words
 * (功能分类科目编码 …), which tells the captions "科目编码"/"科目名称" apart from the rest of what (c) does. A code
 * finding stands where the reader places a code read from 类/款/项 columns: its lowest printed level.
 */
import type { Severity } from "../../src/domain/finding";
import { a1, parseA1 } from "../../src/domain/grid";
import {
  ALL_TABLES,
  LAYOUTS,
  PACK_ID,
  buildWorkbook,
  errorsOf,
  figuresRead,
  findingsAt,
  line,
  plus,
  rowOf,
  sampleRows,
  sampleRowsAsRead,
  setValue,
  writeAndCheck,
  type Built,
  type Checked,
  type LayoutName,
  type Place,
  type Rows,
  type TablePlace,
} from "../support/shanghai-layouts";
import { useTempDir } from "../support/cli";

const dir = useTempDir("shanghai-layouts-", "all");

const NAMES: Record<LayoutName, string> = {
  printed: "(a) as printed",
  sparse: "(b) as printed, higher levels blank",
  exported: "(c) as a budget system exports them",
  exportedPackCaptions: "(c′) as (c), code and name headed in the pack's words",
};

/** Each layout's clean workbook, written and checked once (its tests and every plant's "none before" share it). */
const clean = new Map<LayoutName, Promise<Checked>>();
const checkedClean = (layout: LayoutName): Promise<Checked> => {
  if (!clean.has(layout)) clean.set(layout, writeAndCheck(buildWorkbook(layout).workbook, dir(), `${layout}-clean`));
  return clean.get(layout)!;
};

describe.each(LAYOUTS.map((l) => [NAMES[l], l] as const))("%s: the clean workbook", (_name, layout) => {
  it("is read with the Shanghai 部门预算 pack: nine tables, no error-level finding", async () => {
    const { pack, result } = await checkedClean(layout);
    expect(pack?.id).toBe(PACK_ID);
    expect(result.tablesFound).toEqual(ALL_TABLES);
    expect(result.year).toBe(2025);
    expect(errorsOf(result.findings)).toEqual([]);
  });

  it("reads every figure, code and name as the sample has it", async () => {
    const { result } = await checkedClean(layout);
    const read = figuresRead(result);
    for (const id of ALL_TABLES) expect({ id, rows: read[id] }).toEqual({ id, rows: sampleRowsAsRead(id) });
  });
});

/** One planted error: what is changed, and the finding it must raise. */
interface Plant {
  kind: string;
  what: string;
  rule: string;
  severity: Severity;
  /** The table the finding belongs to. */
  table: string;
  /** Changes to the sample's rows before the workbook is built. */
  rows?: (rows: Rows) => void;
  /** Changes to the built workbook (texts outside the rows: titles, headers, notes …). */
  edit?: (b: Built) => void;
  /** Where the finding stands (or one of several cells, e.g. of a merged caption); null for no place (a missing table). */
  at: (b: Built, rows: Rows) => Place | Place[] | null;
  /** A cell that must be among the finding's related cells. */
  related?: (b: Built, rows: Rows) => TablePlace;
  /** Further assertions on the result. */
  also?: (tablesFound: string[]) => void;
}

const PLANTS: Plant[] = [
  // A — arithmetic inside one table
  {
    kind: "columnSum",
    what: "T02 2011301 合计 +1,000.00 (A01)",
    rule: "A01",
    severity: "error",
    table: "T02",
    rows: (r) => setValue(r, "T02", "2011301", "total", plus(1000)),
    at: (b) => b.cell("T02", "2011301", "total"),
    related: (b) => b.cell("T02", "2011301", "fiscal"),
  },
  {
    kind: "columnSum",
    what: "T09 三公 合计 1.00 → 2.00 万元 (A06)",
    rule: "A06",
    severity: "error",
    table: "T09",
    rows: (r) => setValue(r, "T09", 0, "total", 2),
    at: (b) => b.cell("T09", 0, "total"),
    related: (b) => b.cell("T09", 0, "reception"),
  },
  {
    kind: "hierarchy",
    what: "T05 款 20113 基本支出 +1,000.00 (A02)",
    rule: "A02",
    severity: "error",
    table: "T05",
    rows: (r) => setValue(r, "T05", "20113", "basic", plus(1000)),
    at: (b) => b.cell("T05", "20113", "basic"),
    related: (b) => b.cell("T05", "2011301", "basic"),
  },
  {
    kind: "hierarchy",
    what: "T08 类 302 公用经费 +1,000.00 (A05)",
    rule: "A05",
    severity: "error",
    table: "T08",
    rows: (r) => setValue(r, "T08", "302", "public", plus(1000)),
    at: (b) => b.cell("T08", "302", "public"),
    related: (b) => b.cell("T08", "30201", "public"),
  },
  {
    kind: "totalOfClasses",
    what: "T03 合计 项目支出 +1,000.00 (A03)",
    rule: "A03",
    severity: "error",
    table: "T03",
    rows: (r) => setValue(r, "T03", "合计", "project", plus(1000)),
    at: (b) => b.cell("T03", "合计", "project"),
    related: (b) => b.cell("T03", "201", "project"),
  },
  {
    kind: "balance",
    what: "T01 收入总计 +1,000.00 (A04)",
    rule: "A04",
    severity: "error",
    table: "T01",
    rows: (r) => setValue(r, "T01", "收入总计", "incomeAmount", plus(1000)),
    at: (b) => b.cell("T01", "收入总计", "incomeAmount"),
    related: (b) => b.cell("T01", "一、财政拨款收入", "incomeAmount"),
  },
  {
    kind: "columnHome",
    what: "T08 30101 基本工资 1,000.00 moved to 公用经费, its 类 and 合计 kept consistent (A05 warning)",
    rule: "A05",
    severity: "warning",
    table: "T08",
    rows: (r) => {
      for (const row of ["30101", "301", "合计"]) {
        setValue(r, "T08", row, "personnel", plus(-1000));
        setValue(r, "T08", row, "public", plus(1000));
      }
    },
    at: (b) => b.cell("T08", "30101", "public"),
    related: (b) => b.cell("T08", "30101", "personnel"),
  },
  // X — across tables
  {
    kind: "agree",
    what: "T04 一般公共预算 income +1,000.00 (X01)",
    rule: "X01",
    severity: "error",
    table: "T04",
    rows: (r) => setValue(r, "T04", "一、一般公共预算资金", "incomeAmount", plus(1000)),
    at: (b) => b.cell("T04", "一、一般公共预算资金", "incomeAmount"),
    related: (b) => b.cell("T01", "1. 一般公共预算资金", "incomeAmount"),
  },
  {
    kind: "equal",
    what: "T08 合计 +1,000.00: T05 基本支出 合计 ≠ T08 合计 (X10)",
    rule: "X10",
    severity: "error",
    table: "T05",
    rows: (r) => setValue(r, "T08", "合计", "total", plus(1000)),
    at: (b) => b.cell("T05", "合计", "basic"),
    related: (b) => b.cell("T08", "合计", "total"),
  },
  {
    kind: "equal",
    what: "T08 30108 养老保险缴费 +1,000.00: T05 2080505 基本支出 ≠ (X14 warning)",
    rule: "X14",
    severity: "warning",
    table: "T05",
    rows: (r) => setValue(r, "T08", "30108", "total", plus(1000)),
    at: (b) => b.cell("T05", "2080505", "basic"),
    related: (b) => b.cell("T08", "30108", "total"),
  },
  {
    kind: "atMost",
    what: "T09 机关运行经费 171.01 → 181.01 万元 > T08 公用经费 合计 (X11 warning)",
    rule: "X11",
    severity: "warning",
    table: "T09",
    rows: (r) => setValue(r, "T09", 0, "operating", 181.01),
    at: (b) => b.cell("T09", 0, "operating"),
    related: (b) => b.cell("T08", "合计", "public"),
  },
  {
    kind: "atLeast",
    what: "T08 30217 公务接待费 10,000.00 → 30,000.00 > T09 公务接待费 1.00 万元 (X12 warning)",
    rule: "X12",
    severity: "warning",
    table: "T09",
    rows: (r) => setValue(r, "T08", "30217", "total", 30000),
    at: (b) => b.cell("T09", 0, "reception"),
    related: (b) => b.cell("T08", "30217", "total"),
  },
  {
    kind: "byClass",
    what: "T01 二、科学技术支出 +1,000.00 ≠ T03 类 206 (X06)",
    rule: "X06",
    severity: "error",
    table: "T01",
    rows: (r) => setValue(r, "T01", "二、科学技术支出", "expenseTotal", plus(1000)),
    at: (b) => b.cell("T01", "二、科学技术支出", "expenseTotal"),
    related: (b) => b.cell("T03", "206", "total"),
  },
  {
    kind: "byClass",
    what: "T05 类 206 合计 +1,000.00: T04 二、科学技术支出 一般公共预算 ≠ (X08)",
    rule: "X08",
    severity: "error",
    table: "T04",
    rows: (r) => setValue(r, "T05", "206", "total", plus(1000)),
    at: (b) => b.cell("T04", "二、科学技术支出", "expenseGpb"),
    related: (b) => b.cell("T05", "206", "total"),
  },
  {
    kind: "byCode",
    what: "T03 2060503 合计 +1,000.00: T02 2060503 ≠ (X07)",
    rule: "X07",
    severity: "error",
    table: "T02",
    rows: (r) => setValue(r, "T03", "2060503", "total", plus(1000)),
    at: (b) => b.cell("T02", "2060503", "total"),
    related: (b) => b.cell("T03", "2060503", "total"),
  },
  {
    kind: "byCode",
    what: "T05 2011350 基本支出 +1,000.00 > T03 (X09)",
    rule: "X09",
    severity: "error",
    table: "T05",
    rows: (r) => setValue(r, "T05", "2011350", "basic", plus(1000)),
    at: (b) => b.cell("T05", "2011350", "basic"),
    related: (b) => b.cell("T03", "2011350", "basic"),
  },
  // C — subject codes
  {
    kind: "codeFormat",
    what: "T03 code 2011302 → 20113123 (C01)",
    rule: "C01",
    severity: "error",
    table: "T03",
    rows: (r) => setValue(r, "T03", "2011302", "code", "20113123"),
    at: (b) => b.cell("T03", "20113123", "code"),
  },
  {
    kind: "codeInCatalog",
    what: "T08 code 30199 → 30198, not in the (complete) 301 catalogue (C06)",
    rule: "C06",
    severity: "error",
    table: "T08",
    rows: (r) => setValue(r, "T08", "30199", "code", "30198"),
    at: (b) => b.cell("T08", "30198", "code"),
  },
  {
    kind: "nameMatchesCatalog",
    what: "T05 类 206 named 科学技术 (C03)",
    rule: "C03",
    severity: "error",
    table: "T05",
    rows: (r) => setValue(r, "T05", "206", "name", "科学技术"),
    at: (b) => b.cell("T05", "206", "name"),
  },
  {
    kind: "codeNamesAgree",
    what: "2060503 given a code the catalogue lacks (2060593) in T02, T03, T05, and T05 naming it 科技条件服务 (C10)",
    rule: "C10",
    severity: "error",
    table: "T05",
    rows: (r) => {
      for (const t of ["T02", "T03", "T05"]) setValue(r, t, "2060503", "code", "2060593");
      setValue(r, "T05", "2060593", "name", "科技条件服务");
    },
    at: (b) => b.cell("T05", "2060593", "name"),
  },
  {
    kind: "codeParents",
    what: "T03 项 2060503 → 2060603, whose 款 20606 is not listed (C04)",
    rule: "C04",
    severity: "error",
    table: "T03",
    rows: (r) => setValue(r, "T03", "2060503", "code", "2060603"),
    at: (b) => b.cell("T03", "2060603", "code"),
  },
  {
    kind: "codeOrder",
    what: "T03 rows 2011301 and 2011302 swapped (C05 warning)",
    rule: "C05",
    severity: "warning",
    table: "T03",
    rows: (r) => {
      const i = rowOf(r, "T03", "2011301");
      [r.T03[i], r.T03[i + 1]] = [r.T03[i + 1], r.T03[i]];
    },
    at: (b) => b.cell("T03", "2011301", "code"),
  },
  {
    kind: "classList",
    what: "T01 expense 二、科学技术支出 numbered 三、 (C08)",
    rule: "C08",
    severity: "error",
    table: "T01",
    rows: (r) => setValue(r, "T01", "二、科学技术支出", "expenseItem", "三、科学技术支出"),
    // The first row printing 三、科学技术支出 is the changed one (the real 三、 comes after it).
    at: (b) => b.cell("T01", "三、科学技术支出", "expenseItem"),
  },
  // S — structure
  {
    kind: "tablesPresent",
    what: "T07's title changed to one of no table (S01, no place)",
    rule: "S01",
    severity: "error",
    table: "T07",
    edit: (b) => b.setText(b.title("T07"), "2025年部门国有资本经营预算表"),
    at: () => null,
    also: (found) => expect(found).toEqual(ALL_TABLES.filter((t) => t !== "T07")),
  },
  {
    kind: "emptyNote",
    what: "T06's 注 line deleted (S02 warning, at the title)",
    rule: "S02",
    severity: "warning",
    table: "T06",
    edit: (b) => b.setText(b.note("T06"), null),
    at: (b) => b.title("T06"),
  },
  {
    kind: "header",
    what: "T01 header 预算数 (income side, lower header row) → 金额: S03 at that caption (S03)",
    rule: "S03",
    severity: "error",
    table: "T01",
    edit: (b) => b.setText(b.header("T01", "预算数"), "金额"),
    at: (b) => b.header("T01", "预算数"),
  },
  {
    kind: "header",
    what: "T03 header captions 基本支出 and 项目支出 swapped: S03 at the misplaced 项目支出 (S03)",
    rule: "S03",
    severity: "error",
    table: "T03",
    edit: (b) => {
      const basic = b.header("T03", "基本支出");
      b.setText(basic, "项目支出");
      b.setText(b.header("T03", "项目支出"), "基本支出");
    },
    // The caption stands where 基本支出 was printed; printed, that is a merge of two rows (F5:F6), either cell names it.
    at: (b) => {
      const p = b.header("T03", "基本支出");
      const { row, col } = parseA1(p.cell);
      return [p, { sheet: p.sheet, cell: a1(row + 1, col) }];
    },
  },
  {
    kind: "sameDepartment",
    what: "T03 编制部门 → 上海市普陀区商务局 (S04)",
    rule: "S04",
    severity: "error",
    table: "T03",
    edit: (b) => b.setText(b.department("T03"), "编制部门：上海市普陀区商务局"),
    at: (b) => b.department("T03"),
  },
  {
    kind: "sameYear",
    what: "T03 title dated 2024 (S05)",
    rule: "S05",
    severity: "error",
    table: "T03",
    edit: (b) => b.setText(b.title("T03"), "2024年部门支出预算总表"),
    at: (b) => b.title("T03"),
  },
  {
    kind: "unit",
    what: "T03 单位：万元 (S06)",
    rule: "S06",
    severity: "error",
    table: "T03",
    edit: (b) => b.setText(b.unit("T03"), "单位：万元"),
    at: (b) => b.unit("T03"),
  },
  {
    kind: "amountCells",
    what: "T02 2060503 财政拨款收入 typed as 17,200,000元 (S07)",
    rule: "S07",
    severity: "error",
    table: "T02",
    rows: (r) => setValue(r, "T02", "2060503", "fiscal", "17,200,000元"),
    at: (b) => b.cell("T02", "2060503", "fiscal"),
  },
  {
    kind: "decimals",
    what: "T02 2060503 财政拨款收入 17,200,100.125 (S08 warning)",
    rule: "S08",
    severity: "warning",
    table: "T02",
    rows: (r) => setValue(r, "T02", "2060503", "fiscal", 17200100.125),
    at: (b) => b.cell("T02", "2060503", "fiscal"),
  },
  {
    kind: "negative",
    what: "T08 30202 印刷费 公用经费 −5,000.00 (S09 warning)",
    rule: "S09",
    severity: "warning",
    table: "T08",
    rows: (r) => setValue(r, "T08", "30202", "public", -5000),
    at: (b) => b.cell("T08", "30202", "public"),
  },
  {
    kind: "placeholders",
    what: "T03 2011399 named XX商贸事务支出 (S10)",
    rule: "S10",
    severity: "error",
    table: "T03",
    rows: (r) => setValue(r, "T03", "2011399", "name", "XX商贸事务支出"),
    at: (b) => b.cell("T03", "2011399", "name"),
  },
];

/**
 * Every kind the Shanghai 部门预算 pack's checks use on its tables has a plant; the kinds over the 情况说明 text are
 * planted in the text (tests/unit/shanghai-narrative.test.ts), the inputs the document needs (S11) in the input
 * sheets (tests/unit/inputs-entered.test.ts), a table held twice or on a hidden sheet in tests/unit/repeated-tables.test.ts,
 * a sheet too large to read whole in tests/unit/hostile-inputs.test.ts and excel-workbook.test.ts, the workbook's pack
 * version in tests/unit/pack-stamp.test.ts.
 */
it("plants cover every check kind of the Shanghai pack", async () => {
  const { builtinPack } = await import("../../src/domain/packs");
  const kinds = [
    ...new Set(
      builtinPack(PACK_ID)
        .checks.map((c) => c.kind)
        .filter((k) => !k.startsWith("narrative") && !["inputsEntered", "repeatedTables", "hiddenTables", "clippedSheets", "packVersion"].includes(k)),
    ),
  ].sort();
  expect([...new Set(PLANTS.map((p) => p.kind))].sort()).toEqual(kinds);
});

const CASES = LAYOUTS.flatMap((layout) => PLANTS.map((p) => [NAMES[layout], p.kind, p.what, layout, p] as const));

describe("planted single errors", () => {
  it.each(CASES)("%s — %s: %s", async (_name, _kind, _what, layout, plant) => {
    const rows = sampleRows();
    plant.rows?.(rows);
    const built = buildWorkbook(layout, rows);
    plant.edit?.(built);
    const { pack, result } = await writeAndCheck(built.workbook, dir(), `${layout}-${plant.kind}`);
    expect(pack?.id).toBe(PACK_ID);
    const at = plant.at(built, rows);
    const places = at === null ? [null] : Array.isArray(at) ? at : [at];
    const hits = places.flatMap((p) => findingsAt(result.findings, plant.rule, plant.table, p));
    const where = `${plant.rule} ${plant.table} ${places.map((p) => (p ? `'${p.sheet}'!${p.cell}` : "(no place)")).join(" or ")}`;
    // On failure: where the finding was expected, and every finding of the rule.
    const hit = hits.find((f) => f.severity === plant.severity);
    const ofRule = result.findings.filter((f) => f.rule === plant.rule).map(line);
    expect({ where, severity: plant.severity, found: hit ? "yes" : ofRule }).toEqual({ where, severity: plant.severity, found: "yes" });
    if (plant.related) expect(hit!.related).toContainEqual(plant.related(built, rows));
    // The finding is the plant's: the clean workbook of the layout has none like it.
    const before = (await checkedClean(layout)).result.findings;
    expect(places.flatMap((p) => findingsAt(before, plant.rule, plant.table, p)).map(line)).toEqual([]);
    plant.also?.(result.tablesFound);
  });
});
