/** The figures of a read Disclosure as TableRows: what renderTables draws into the .xlsx and the Word tables. */
import { parseAmount } from "../money";
import type { Pack } from "../packs/schema";
import { codeRows, isTotalCaption, namedRows, projectsOf, totalRow } from "../read/model";
import { textOf, type Disclosure, type ReadRow } from "../read/read";
import type { TableRows } from "../render/render";
import type { CellValue } from "../grid";

/**
 * Every table of the pack, body rows in the pack's column order. Amounts typed as text ("1,234.50") become
 * numbers of the same value and dashes become blanks, so the copies format them; unreadable text stays as typed.
 * A table missing from the workbook gets no rows, so it is drawn with 注：本表无数据 rather than as a template.
 */
export function rowsOf(pack: Pack, disclosure: Disclosure): TableRows {
  const rows: TableRows = {};
  for (const decl of pack.tables) {
    const table = disclosure.tables.get(decl.id);
    rows[decl.id] = (table?.rows ?? []).map((row) =>
      decl.columns.map((column, i): CellValue => {
        const value = row.cells[i]?.value ?? null;
        if (column.kind !== "amount") return value;
        const parsed = parseAmount(value);
        return parsed.kind === "amount" ? parsed.value.toNumber() : parsed.kind === "empty" ? null : value;
      }),
    );
  }
  return rows;
}

/** What a row of a listing table is, for the CSV's 行类别 column: 合计, 类/款/项, 部门合计/单位/项目. */
export type RowKind = "合计" | "类" | "款" | "项" | "部门合计" | "单位" | "项目" | "";

const LEVELS: Record<number, RowKind> = { 3: "类", 5: "款", 7: "项" };

/** The tables of units other tables' projects name, with the column naming the units. */
const unitTablesOf = (pack: Pack) =>
  new Map(pack.tables.flatMap((t) => (t.projects?.units ? [[t.projects.units.table, t.projects.units.column] as const] : [])));

/** The kinds a listing table's rows can be, as 说明.txt names them; "" for a fixed table. */
export function kindWords(pack: Pack, id: string): string {
  const decl = pack.tables.find((t) => t.id === id);
  if (!decl) return "";
  if (decl.projects) return "部门合计、单位、项目";
  if (unitTablesOf(pack).has(id)) return "部门合计、单位";
  return decl.body.kind === "list" && decl.columns.some((c) => c.kind === "code") ? "合计、类、款、项" : "";
}

/**
 * Each body row's kind, in rowsOf's order, for the tables that list rows — by code (类/款/项), by project (部门合计,
 * 单位, 项目), or as the table of units other tables name (部门合计, 单位); none for a fixed table.
 */
export function rowKindsOf(pack: Pack, disclosure: Disclosure): Record<string, RowKind[]> {
  const out: Record<string, RowKind[]> = {};
  const unitTables = unitTablesOf(pack);
  for (const decl of pack.tables) {
    const table = disclosure.tables.get(decl.id);
    if (!table) continue;
    const kinds = new Map<ReadRow, RowKind>();
    const code = decl.columns.find((c) => c.kind === "code");
    const total = totalRow(table);
    if (decl.projects) {
      const groups = projectsOf(disclosure, decl.id)!;
      if (groups.grand) kinds.set(groups.grand, "部门合计");
      for (const u of groups.units) kinds.set(u.row, "单位");
      for (const p of groups.projects) kinds.set(p, "项目");
    } else if (unitTables.has(decl.id)) {
      const column = unitTables.get(decl.id)!;
      for (const r of namedRows(table, column)) kinds.set(r, "单位");
      for (const r of table.rows) if (isTotalCaption(textOf(table, r, column))) kinds.set(r, "部门合计");
    } else if (code && decl.body.kind === "list") {
      for (const r of codeRows(table, code.key)) kinds.set(r.row, LEVELS[r.code.length] ?? "");
    } else continue;
    if (total && !kinds.has(total)) kinds.set(total, "合计");
    out[decl.id] = table.rows.map((r) => kinds.get(r) ?? "");
  }
  return out;
}
