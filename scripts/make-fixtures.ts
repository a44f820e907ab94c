/**
 * Writes the workbooks in tests/fixtures/: both samples as the add-in inserts them, and the 晋城 sample laid out
 * the ways clerks' own workbooks come in (one sheet, no merges, amounts typed as text). Run: npx tsx scripts/make-fixtures.ts
 */
import ExcelJS from "exceljs";
import { mkdirSync } from "fs";
import { join } from "path";
import { writePlans } from "../src/xlsx/write-plans";
import { parseRange, shiftRange, type CellValue } from "../src/domain/grid";
import { builtinPack } from "../src/domain/packs";
import type { SheetPlan } from "../src/domain/render/plan";
import { HEADER_TOP, renderTables, type TableRows } from "../src/domain/render/render";
import { datongSample, jinchengSample, type Sample } from "../src/domain/samples";

const OUT = join(__dirname, "..", "tests", "fixtures");
const pack = builtinPack();
/** Excel's default column width, for the empty columns left of stacked tables. */
const DEFAULT_WIDTH = 8.43;

const plansOf = (sample: Sample, rows: TableRows = sample.rows) =>
  renderTables(pack, { department: sample.department, year: sample.year, rows });

/** All plans on one sheet, one under the other: `top` blank rows above, `left` blank columns beside, `gap` rows between. */
function stacked(name: string, plans: SheetPlan[], at: { top: number; left: number; gap: number }): SheetPlan {
  const width = at.left + Math.max(...plans.map((p) => p.columnWidths.length));
  const blank = (n: number) => new Array<CellValue>(n).fill(null);
  const values: CellValue[][] = [];
  const merges: string[] = [];
  const styles: SheetPlan["styles"] = [];
  plans.forEach((plan, i) => {
    const top = i === 0 ? at.top : values.length + at.gap;
    while (values.length < top) values.push(blank(width));
    for (const row of plan.values) values.push([...blank(at.left), ...row, ...blank(width - at.left - row.length)]);
    merges.push(...plan.merges.map((m) => shiftRange(m, top, at.left)));
    styles.push(...plan.styles.map((s) => ({ ...s, range: shiftRange(s.range, top, at.left) })));
  });
  return {
    name,
    tableId: plans.map((p) => p.tableId).join("+"),
    values,
    merges,
    styles,
    columnWidths: Array.from({ length: width }, (_, c) =>
      c < at.left ? DEFAULT_WIDTH : Math.max(...plans.map((p) => p.columnWidths[c - at.left] ?? 0)),
    ),
    // A frozen header fits one table, not thirteen.
    freezeRows: 0,
    print: plans[0].print,
  };
}

const withoutMerges = (plan: SheetPlan): SheetPlan => ({ ...plan, merges: [] });

/** The 部门名称 … 单位 line as two rows, 单位 on its own row below, the way hand-made workbooks often have it. */
function metaSplit(plan: SheetPlan): SheetPlan {
  const meta = HEADER_TOP - 1;
  const last = plan.columnWidths.length - 1;
  const metaRow = plan.values[meta];
  const below = (range: string) => parseRange(range).top > meta;
  return {
    ...plan,
    values: [
      ...plan.values.slice(0, meta),
      metaRow.map((v, c) => (c === last ? null : v)),
      metaRow.map((v, c) => (c === last ? v : null)),
      ...plan.values.slice(meta + 1),
    ],
    merges: plan.merges.map((m) => (below(m) ? shiftRange(m, 1) : m)),
    styles: plan.styles.map((s) => (below(s.range) || s.style === "unit" ? { ...s, range: shiftRange(s.range, 1) } : s)),
    freezeRows: plan.freezeRows + 1,
  };
}

/** "2,636.14" — an amount typed as text, with thousands separators. */
const asText = (n: number) => n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** How clerks type things, each reading as the published value: amounts derived from the figure, "-"/"—" for blanks. */
const TYPED: Record<string, (v: CellValue) => string> = {
  text: (v) => asText(Number(v)),
  spaced: (v) => asText(Number(v)).replace(/([,.])/g, "$1 "),
  fullWidth: (v) => Number(v).toFixed(2).replace(/[0-9.]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)),
  dash: () => "-",
  emDash: () => "—",
  // A stray space inside the name, where the OCR'd seeds break it too ("一般公共服 务支出").
  spacedName: (v) => `${String(v).slice(0, 5)} ${String(v).slice(5)}`,
};

/** The T02 cells of the messy fixture: [row's code (or 合计), column key, how it is typed]. */
const MESSY_T02: [string, string, keyof typeof TYPED][] = [
  ["合计", "total", "text"],
  ["201", "name", "spacedName"],
  ["201", "total", "text"],
  ["201", "gpb", "text"],
  ["20113", "total", "spaced"],
  ["2011301", "total", "fullWidth"],
  ["2011301", "fund", "dash"],
  ["2011302", "fund", "emDash"],
  ["208", "name", "spacedName"],
];

function messyRows(rows: TableRows): TableRows {
  const table = pack.tables.find((t) => t.id === "T02")!;
  const t02 = rows.T02!.map((r) => [...r]);
  for (const [code, key, how] of MESSY_T02) {
    const row = t02.find((r) => r[0] === code);
    const col = table.columns.findIndex((c) => c.key === key);
    if (!row || col < 0) throw new Error(`T02 has no cell ${code}/${key}`);
    const blankMark = how === "dash" || how === "emDash";
    // A dash stands only where the table is blank, a figure only where there is one.
    if (blankMark !== (row[col] === null)) throw new Error(`T02 ${code}/${key}: ${how} does not fit ${row[col]}`);
    row[col] = TYPED[how](row[col]);
  }
  return { ...rows, T02: t02 };
}

async function save(file: string, plans: SheetPlan[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  writePlans(workbook, plans);
  await workbook.xlsx.writeFile(join(OUT, file));
  console.log(`${file}: ${plans.length} sheet(s)`);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const jincheng = plansOf(jinchengSample);
  await save("jincheng-official.xlsx", jincheng);
  await save("datong-official.xlsx", plansOf(datongSample));
  await save("jincheng-one-sheet.xlsx", [stacked("预算公开表", jincheng, { top: 2, left: 2, gap: 3 })]);
  await save("jincheng-unmerged.xlsx", jincheng.map((p) => withoutMerges(metaSplit(p))));
  await save("jincheng-messy.xlsx", plansOf(jinchengSample, messyRows(jinchengSample.rows)));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
