/**
 * Disclosures for check tests: the seed figures drawn through the pack (as the add-in inserts them) and
 * read back with the reader, optionally with one figure changed.
 */
import { builtinCatalog } from "../../src/domain/catalog/catalog";
import { runChecks } from "../../src/domain/checks/registry";
import type { Finding } from "../../src/domain/finding";
import type { CellValue, SheetGrid } from "../../src/domain/grid";
import { builtinPack, type Pack } from "../../src/domain/packs";
import { readDisclosure, type Disclosure } from "../../src/domain/read/read";
import { renderTables, type TableRows } from "../../src/domain/render/render";
import type { Sample } from "../../src/domain/samples";

export const pack = builtinPack();
export const catalog = builtinCatalog(2023);

/** Deep copy of a sample's rows, to change without touching the sample. */
export function copyRows(sample: Sample): Record<string, CellValue[][]> {
  return JSON.parse(JSON.stringify(sample.rows));
}

/** Body row index (0-based, as in the sample) and column key → the cell to change. */
export function setCell(rows: TableRows, table: string, row: number, key: string, value: CellValue): void {
  const col = pack.tables.find((t) => t.id === table)!.columns.findIndex((c) => c.key === key);
  if (col < 0) throw new Error(`${table} has no column ${key}`);
  rows[table]![row][col] = value;
}

/** The row index of the first body row whose column `key` reads `text` (whitespace ignored). */
export function rowIndex(rows: TableRows, table: string, key: string, text: string): number {
  const col = pack.tables.find((t) => t.id === table)!.columns.findIndex((c) => c.key === key);
  const i = rows[table]!.findIndex((r) => String(r[col] ?? "").replace(/\s/g, "") === text);
  if (i < 0) throw new Error(`${table} has no row ${text}`);
  return i;
}

/** Drawn sheets (tables, input or 情况说明 sheets) as the grids of a workbook holding them from A1. */
export function plansToGrids(plans: { name: string; values: CellValue[][] }[]): SheetGrid[] {
  return plans.map((p) => ({ name: p.name, top: 0, left: 0, values: p.values }));
}

/** The tables drawn through `tablesPack` (the Shanxi pack unless given) as the grids of a workbook. */
export function gridsOf(rows: TableRows, department: string, year = 2023, tablesPack: Pack = pack): SheetGrid[] {
  return plansToGrids(renderTables(tablesPack, { department, year, rows }));
}

export function disclosureOf(rows: TableRows, department: string, year = 2023): Disclosure {
  return readDisclosure(pack, gridsOf(rows, department, year));
}

export function check(rows: TableRows, department: string, options: { strict?: boolean } = {}): Finding[] {
  return runChecks(disclosureOf(rows, department), pack, { strict: options.strict ?? false, catalog });
}

/** Findings of one rule, as "rule table cell severity" lines, for compact assertions. */
export function ofRule(findings: Finding[], rule: string): string[] {
  return findings.filter((f) => f.rule === rule).map((f) => `${f.rule} ${f.table} ${f.cell} ${f.severity}`);
}
