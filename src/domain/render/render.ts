/** Pack + department + year (+ figures) → SheetPlans: the official tables, laid out as published. */
import { withPrintLayout } from "./print";
import { a1Range, shiftRange, type CellValue } from "../grid";
import { physicalColumns, splitCode, stripNumbering } from "../packs/layout";
import type { Pack, TableDecl } from "../packs/schema";
import { fillPlaceholders, packText } from "../packs/text";
import type { SheetPlan, StyledRange } from "./plan";

/** Body rows of each table, by table id: cells in column order (labels, whole codes as text, amounts as numbers). */
export type TableRows = Partial<Record<string, CellValue[][]>>;

export interface RenderOptions {
  department: string;
  year: number;
  /** Table ids to draw, in any order (drawn in pack order); all when omitted. */
  tables?: string[];
  /** Figures to fill in; a table without rows here is drawn as an empty template. */
  rows?: TableRows;
  /** Sheet name per table id, replacing the pack's (e.g. after a name conflict). */
  sheetNames?: Partial<Record<string, string>>;
}

/** Rows above the header: 预算公开表N (where the pack prints it), the title, the 部门名称/单位 line. */
export const HEADER_TOP = 3;

/** The note printed under a table without figures: the table's own, or the pack's; {year} and {subject} filled in. */
export function emptyNoteOf(pack: Pack, table: TableDecl, year: number | undefined): string {
  return packText(pack, table.emptyNote ?? pack.emptyNote, year);
}

/** 预算公开表N above a table, where the pack prints one. */
export const tableNumberOf = (pack: Pack, table: TableDecl): string | null => pack.tableNumber?.replace(/\{number\}/g, String(table.number)) ?? null;

export function tableTitle(table: TableDecl, year: number): string {
  return fillPlaceholders(table.title, year);
}

/** Zeros are no figures: a table printing only 0.00 is empty, and carries the note (as 大同's T09 does). */
function hasFigures(table: TableDecl, rows: CellValue[][]): boolean {
  const amountCols = table.columns.flatMap((c, i) => (c.kind === "amount" ? [i] : []));
  return rows.some((r) => amountCols.some((i) => r[i] !== null && r[i] !== undefined && r[i] !== "" && r[i] !== 0));
}

export function renderTable(pack: Pack, table: TableDecl, options: RenderOptions): SheetPlan {
  const physical = physicalColumns(table.columns);
  const width = physical.length;
  const last = width - 1;
  const year = options.year;
  const values: CellValue[][] = [];
  const merges: string[] = [];
  const styles: StyledRange[] = [];
  const blank = (): CellValue[] => new Array<CellValue>(width).fill(null);
  /** A logical row (one cell per column, a code whole) as drawn: a split code in its level columns. */
  const drawn = (row: CellValue[]): CellValue[] =>
    table.columns.flatMap((c, i) => (c.split ? splitCode(row[i] ?? null, c.split.length) : [row[i] ?? null]));

  const numberRow = blank();
  numberRow[0] = tableNumberOf(pack, table);
  values.push(numberRow);
  styles.push({ range: "A1", style: "tableNumber" });

  const titleRow = blank();
  titleRow[0] = tableTitle(table, year);
  values.push(titleRow);
  merges.push(a1Range(1, 0, 1, last));
  styles.push({ range: a1Range(1, 0, 1, last), style: "title" });

  const metaRow = blank();
  if (pack.departmentLabel) metaRow[0] = `${pack.departmentLabel}：${options.department}`;
  metaRow[last] = `单位：${table.unit ?? pack.unit}`;
  values.push(metaRow);
  styles.push({ range: "A3", style: "meta" }, { range: a1Range(2, last, 2, last), style: "unit" });

  for (const row of table.header.rows) values.push(row.map((c) => (c === null ? null : fillPlaceholders(c, year))));
  const headerBottom = HEADER_TOP + table.header.rows.length - 1;
  merges.push(...table.header.merges.map((m) => shiftRange(m, HEADER_TOP)));
  styles.push({ range: a1Range(HEADER_TOP, 0, headerBottom, last), style: "header" });

  const given = options.rows?.[table.id];
  const bodyTop = headerBottom + 1;
  const trailing = table.body.trailing ?? [];
  const logical: CellValue[][] = given
    ? given.map((r) => table.columns.map((_, i) => r[i] ?? null))
    : [
        ...table.body.rows.map((r) => [...r.cells]),
        ...Array.from({ length: table.body.blankRows }, () => table.columns.map((): CellValue => null)),
        ...trailing.map((r) => [...r.cells]),
      ];
  const body = table.columns.some((c) => c.split) ? logical.map(drawn) : logical;
  // Row by row: a spread of a pack's 600,000 rows into one call would overflow the stack.
  for (const row of body) values.push(row);
  if (body.length > 0) {
    const bodyBottom = bodyTop + body.length - 1;
    physical.forEach((p, i) => {
      const kind = table.columns[p.column].kind;
      const style = kind === "amount" ? "amount" : kind === "code" ? "code" : "label";
      styles.push({ range: a1Range(bodyTop, i, bodyBottom, i), style });
    });
  }
  // The pack's own rows keep their emphasis and merges when figures are filled in over them: the leading rows
  // where they stand, the trailing ones at the bottom when the rows there print their caption.
  const caption = (cells: CellValue[]) => stripNumbering(String(cells.find((c, i) => c !== null && table.columns[i].kind !== "amount") ?? ""));
  const own = [...table.body.rows.map((r, i) => ({ r, at: i })), ...trailing.map((r, i) => ({ r, at: logical.length - trailing.length + i }))].filter(
    ({ r, at }) => at >= 0 && at < logical.length && (!given || caption(logical[at]) === caption(r.cells)),
  );
  for (const { r, at } of own) {
    if (r.total) styles.push({ range: a1Range(bodyTop + at, 0, bodyTop + at, last), style: "total" });
    merges.push(...(r.merges ?? []).map((m) => shiftRange(m, bodyTop + at)));
  }

  if (given && !hasFigures(table, logical)) {
    const note = blank();
    note[0] = emptyNoteOf(pack, table, year);
    values.push(blank(), note);
    styles.push({ range: a1Range(values.length - 1, 0, values.length - 1, 0), style: "note" });
  }

  return withPrintLayout(
    {
    name: options.sheetNames?.[table.id] ?? table.sheetName,
    tableId: table.id,
    values,
    merges,
    styles,
    columnWidths: physical.map((p) => p.width),
    freezeRows: headerBottom + 1,
    print: { orientation: "landscape", paper: "A4", fitToWidth: true },
    },
    // The title block and the header on every printed page.
    [1, headerBottom + 1],
  );
}

/** The plans of the chosen tables (all by default), in pack order. Unknown table ids are an error. */
export function renderTables(pack: Pack, options: RenderOptions): SheetPlan[] {
  const wanted = options.tables;
  if (wanted) {
    const unknown = wanted.filter((id) => !pack.tables.some((t) => t.id === id));
    if (unknown.length) throw new Error(`模板包 ${pack.id} 中没有这些表：${unknown.join("、")}`);
  }
  return pack.tables.filter((t) => !wanted || wanted.includes(t.id)).map((t) => renderTable(pack, t, options));
}
