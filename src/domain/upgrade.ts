/**
 * A workbook's tables moved to another version of their pack: every figure, code, name and text goes to the same
 * table, row and column (columns by key, a fixed table's rows by position under the new pack's captions); what has no
 * place in the new layout is listed with its old cell and value, and what the new layout adds is said. Nothing is
 * dropped silently: the cells carried and the cells listed are every cell read.
 */
import { a1, type CellValue, type SheetGrid } from "./grid";
import { rowsOf } from "./export/rows";
import type { Pack, TableDecl } from "./packs/schema";
import { columnCaption } from "./packs/layout";
import { yearOfTitles } from "./read/model";
import { departmentOf, readDisclosure, type Disclosure } from "./read/read";
import type { SheetPlan } from "./render/plan";
import { renderTables, type TableRows } from "./render/render";

/** A cell read that the new layout has no place for. */
export interface LostCell {
  table: string;
  sheet: string;
  cell: string;
  value: CellValue;
  /** Why, in Chinese: 新版没有表 T11 / 新版表3没有列“其他支出” / 新版表10没有第 7 个固定行. */
  why: string;
}

export interface Upgrade {
  rows: TableRows;
  lost: LostCell[];
  /** What the new layout has that the old one had not (Chinese lines): tables, columns, fixed rows. */
  added: string[];
  /** Cells holding something, read and carried. */
  carried: number;
}

const filled = (v: CellValue | undefined) => v !== null && v !== undefined && v !== "";
const tableName = (t: TableDecl) => `表${t.number}`;

/** The old table's rows in the new table's columns; the values of columns the new one lacks are lost. */
function moveTable(from: TableDecl, to: TableDecl, disclosure: Disclosure, old: CellValue[][], out: Upgrade): CellValue[][] {
  const read = disclosure.tables.get(from.id)!;
  const at = to.columns.map((c) => from.columns.findIndex((o) => o.key === c.key));
  for (const c of to.columns.filter((c) => !from.columns.some((o) => o.key === c.key))) out.added.push(`${tableName(to)}新增列“${columnCaption(to, to.columns.indexOf(c))}”`);
  const lose = (r: number, i: number, why: string) => {
    const cell = read.rows[r]?.cells[i];
    out.lost.push({ table: from.id, sheet: read.sheet, cell: cell?.ref.cell ?? a1(read.rows[r]?.row ?? 0, read.columns[i] ?? 0), value: old[r][i], why });
  };
  const gone = from.columns.map((c, i) => (to.columns.some((n) => n.key === c.key) ? null : i)).filter((i): i is number => i !== null);
  const fixed = to.body.kind === "fixed" ? to.body.rows : null;
  const moved: CellValue[][] = [];
  old.forEach((row, r) => {
    for (const i of gone) if (filled(row[i])) lose(r, i, `新版${tableName(to)}没有列“${columnCaption(from, i)}”`);
    if (fixed && r >= fixed.length) {
      row.forEach((v, i) => filled(v) && !gone.includes(i) && lose(r, i, `新版${tableName(to)}没有第 ${r + 1} 个固定行`));
      return;
    }
    // A fixed row prints the new pack's captions; its figures are the workbook's.
    moved.push(to.columns.map((c, j) => (fixed && c.kind !== "amount" ? (fixed[r].cells[j] ?? null) : at[j] >= 0 ? (row[at[j]] ?? null) : null)));
    out.carried += row.filter((v, i) => filled(v) && !gone.includes(i)).length;
  });
  if (fixed) for (let r = old.length; r < fixed.length; r++) out.added.push(`${tableName(to)}新增固定行“${fixed[r].cells.find((c) => c) ?? ""}”`);
  return moved;
}

/** The workbook's tables, read with the pack `from`, in the layout of `to`. */
export function upgradeRows(from: Pack, to: Pack, disclosure: Disclosure): Upgrade {
  const out: Upgrade = { rows: {}, lost: [], added: [], carried: 0 };
  const old = rowsOf(from, disclosure);
  for (const decl of to.tables) {
    const before = from.tables.find((t) => t.id === decl.id);
    if (!before) out.added.push(`新增${tableName(decl)}“${decl.title.replace(/^\{year\}年度?/, "")}”`);
    else if (disclosure.tables.has(before.id)) out.rows[decl.id] = moveTable(before, decl, disclosure, old[before.id] ?? [], out);
  }
  for (const decl of from.tables.filter((t) => !to.tables.some((n) => n.id === t.id))) {
    const read = disclosure.tables.get(decl.id);
    read?.rows.forEach((row) =>
      row.cells.forEach((c) => c && filled(c.value) && out.lost.push({ table: decl.id, sheet: read.sheet, cell: c.ref.cell, value: c.value, why: `新版没有${tableName(decl)}` })),
    );
  }
  return out;
}

/**
 * The whole workbook in the layout of `to`: its tables moved (upgradeRows), its sheets without tables copied as they
 * are. The department and budget year are the stamp's where it has them, else what the tables say.
 */
export function upgradeWorkbook(
  from: Pack,
  to: Pack,
  grids: SheetGrid[],
  stamp: { department: string; year: number } | null,
): Upgrade & { plans: SheetPlan[]; copied: string[]; department: string; year: number } {
  const disclosure = readDisclosure(from, grids);
  const moved = upgradeRows(from, to, disclosure);
  const department = stamp?.department || departmentOf(disclosure);
  const year = stamp?.year ?? yearOfTitles(disclosure) ?? to.year;
  const tableSheets = new Set([...disclosure.tables.values(), ...disclosure.repeats].map((t) => t.sheet));
  const others = grids.filter((g) => !tableSheets.has(g.name) && g.values.length > 0).map(copiedSheet);
  const plans = [...renderTables(to, { department, year, rows: moved.rows }), ...others];
  return { ...moved, plans, copied: others.map((o) => o.name), department, year };
}

/** A sheet that holds no table (the texts, 说明数据, 情况说明, forms): copied value by value, as it is. */
function copiedSheet(grid: SheetGrid): SheetPlan {
  const width = grid.values.reduce((w, row) => Math.max(w, row.length), 0) + grid.left;
  const values = [
    ...Array.from({ length: grid.top }, (): CellValue[] => []),
    ...grid.values.map((row) => [...new Array<CellValue>(grid.left).fill(null), ...row]),
  ];
  return {
    name: grid.name,
    tableId: "",
    values,
    merges: [],
    styles: [],
    columnWidths: new Array<number>(width).fill(14),
    freezeRows: 0,
    print: { orientation: "landscape", paper: "A4", fitToWidth: true },
  };
}
