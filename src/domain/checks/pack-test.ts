/**
 * `pack test`: whether each check row of a pack can fire on a workbook — each cell it reads is changed in turn (see
 * `changed`) until the row reports something it did not report before. A row that never fires
 * reads nothing of the workbook (a caption, column or table named wrongly, an equation that holds whatever the
 * figures), or the workbook has nothing it reads (a table printed empty). Rows that name no table's cells
 * (structure, text) are listed as not tried.
 */
import { runChecks } from "./registry";
import type { Catalog } from "../catalog/catalog";
import type { Finding, Place } from "../finding";
import type { DisclosureInputs } from "../inputs";
import { parseAmount } from "../money";
import { checkReferences, type CheckRow } from "../packs/checks";
import type { Pack } from "../packs/schema";
import type { Disclosure, ReadCell, ReadRow, ReadTable } from "../read/read";

export interface CheckTrial {
  /** The row's index in the pack's checks. */
  index: number;
  check: CheckRow;
  /** fired or silent when cells were changed; untried: the row names no cells of a table. */
  status: "fired" | "silent" | "untried";
  /** The change that made it fire, and what it then reported. */
  changed?: Place & { from: string; to: string };
  finding?: Finding;
  /** How many amounts were changed for it. */
  tries: number;
}

const keyOf = (f: Finding) => `${f.rule}\u0000${f.table}\u0000${f.sheet}\u0000${f.cell}\u0000${f.message}`;

/**
 * The cells a check row reads: the columns it names in each table it names, and the amount columns of those tables
 * when it names none of them (a hierarchy over every amount column).
 */
function cellsOf(disclosure: Disclosure, check: CheckRow): { table: ReadTable; row: ReadRow; col: number }[] {
  const refs = checkReferences(check);
  const tables = [...new Set(refs.map((r) => r.table))];
  return tables.flatMap((id) => {
    const table = disclosure.tables.get(id);
    if (!table) return [];
    const named = new Set(refs.filter((r) => r.table === id && r.column !== undefined).map((r) => r.column));
    const amounts = table.decl.columns.some((c) => c.kind === "amount" && named.has(c.key));
    const cols = table.decl.columns.flatMap((c, i) => (named.has(c.key) || (!amounts && c.kind === "amount") ? [i] : []));
    return table.rows.flatMap((row) => cols.filter((col) => row.cells[col]).map((col) => ({ table, row, col })));
  });
}

/**
 * The k-th change tried of a cell: a figure moved by +1,000.37 or −1,000.37; a code given one digit more (of no level),
 * its last two digits made 98 (a code no catalogue has), or the table's first code again (out of order, printed
 * twice); a name with a character added.
 */
function changed(table: ReadTable, col: number, cell: ReadCell, k: number): string | number | null {
  const kind = table.decl.columns[col].kind;
  if (kind === "amount") {
    const p = parseAmount(cell.value);
    return k < 2 ? Math.round(((p.kind === "amount" ? p.value.toNumber() : 0) + (k === 0 ? 1000.37 : -1000.37)) * 100) / 100 : null;
  }
  const text = String(cell.value ?? "").trim();
  if (!text) return null;
  if (kind !== "code") return k === 0 ? `${text}某` : null;
  if (k === 0) return `${text}9`;
  if (k === 1) return /^\d{3,}$/.test(text) && !text.endsWith("98") ? `${text.slice(0, -2)}98` : null;
  const first = table.rows.map((r) => String(r.cells[col]?.value ?? "").trim()).find((c) => /^\d+$/.test(c));
  return first && first !== text ? first : null;
}

/** The disclosure with one cell of one table holding `value`: a new table, so that nothing worked out from the old one is kept. */
function withCell(disclosure: Disclosure, table: ReadTable, row: ReadRow, col: number, value: string | number): Disclosure {
  const cells = row.cells.slice();
  cells[col] = { value, ref: row.cells[col]!.ref };
  const rows = table.rows.map((r) => (r === row ? { row: r.row, cells } : r));
  const tables = new Map(disclosure.tables);
  tables.set(table.id, { ...table, rows });
  return { ...disclosure, tables };
}

export function testPack(pack: Pack, disclosure: Disclosure, options: { catalog: Catalog; inputs?: DisclosureInputs | null }): CheckTrial[] {
  const run = (check: CheckRow, d: Disclosure) => runChecks(d, { ...pack, checks: [check] }, { strict: false, catalog: options.catalog, inputs: options.inputs });
  return pack.checks.map((check, index): CheckTrial => {
    const cells = cellsOf(disclosure, check);
    if (!cells.length) return { index, check, status: "untried", tries: 0 };
    const before = new Set(run(check, disclosure).map(keyOf));
    let tries = 0;
    for (let k = 0; k < 3; k++)
      for (const { table, row, col } of cells) {
        const cell = row.cells[col]!;
        const to = changed(table, col, cell, k);
        if (to === null) continue;
        tries++;
        const finding = run(check, withCell(disclosure, table, row, col, to)).find((f) => !before.has(keyOf(f)));
        if (finding) return { index, check, status: "fired", tries, changed: { table: table.id, ...cell.ref, from: String(cell.value ?? ""), to: String(to) }, finding };
      }
    return { index, check, status: "silent", tries };
  });
}
