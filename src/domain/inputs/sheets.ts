/**
 * The pack's input sheets (公开文本, 说明数据, 上年预算执行数): what the disclosure says that no table holds. A fixed
 * sheet is a label column and a value column, each row feeding the field the pack names; a list sheet holds codes
 * with an amount, feeding one field by code. The tables' own machinery draws them and finds them by title wherever
 * they stand.
 */
import { byCode, rowByLabel } from "../read/model";
import { a1, type CellValue, type SheetGrid } from "../grid";
import type { DisclosureInputs } from "../inputs";
import { Decimal, parseAmount } from "../money";
import type { InputSheetDecl, Pack, TableDecl } from "../packs/schema";
import { cellOf, readDisclosure } from "../read/read";
import type { SheetPlan } from "../render/plan";
import { HEADER_TOP, renderTable } from "../render/render";

/** The input sheets' part of DisclosureInputs. */
export type SheetInputs = Pick<DisclosureInputs, "texts" | "amounts" | "byCode" | "sheets" | "places">;

/** The shared machinery takes table declarations; an input sheet prints its hint where a table prints 预算公开表N. */
const asTable = (decl: InputSheetDecl): TableDecl => ({ ...decl, number: 0, body: { ...decl.body } });

/** The label column and the value column of a fixed input sheet (the schema makes sure both exist). */
function columnsOf(decl: InputSheetDecl) {
  const label = decl.columns.findIndex((c) => c.kind === "label");
  const value = decl.columns.findIndex((c) => c.kind === "text" || c.kind === "amount");
  return { label, value, amounts: decl.columns[value].kind === "amount" };
}

/** Inputs with nothing entered: every field of the pack's input sheets blank. */
function noInputs(pack: Pack): SheetInputs {
  const out: SheetInputs = { texts: {}, amounts: {}, byCode: {}, sheets: [], places: {} };
  for (const decl of pack.inputs) {
    if (decl.body.kind === "list") {
      out.byCode[decl.field!] = {};
      continue;
    }
    const { amounts } = columnsOf(decl);
    for (const row of decl.body.rows)
      if (amounts) out.amounts[row.field] = null;
      else out.texts[row.field] = "";
  }
  return out;
}

export interface InputSheetOptions {
  department: string;
  year: number;
  /** Values to fill in; blank sheets without. */
  inputs?: SheetInputs;
  /** Sheet name per input sheet id, replacing the pack's (e.g. after a name conflict). */
  sheetNames?: Partial<Record<string, string>>;
}

/** The pack's input sheets, drawn like its tables: hint, title, 部门名称 (and 单位 over amounts), header, the rows. */
export function renderInputSheets(pack: Pack, options: InputSheetOptions): SheetPlan[] {
  const given = options.inputs;
  return pack.inputs.map((decl) => {
    const rows =
      decl.body.kind === "list" && given
        ? Object.entries(given.byCode[decl.field!] ?? {}).map(([code, amount]) =>
            decl.columns.map((c): CellValue => (c.kind === "code" ? code : c.kind === "amount" ? amount.toNumber() : null)),
          )
        : undefined;
    // In 万元 whatever the tables' unit: the text states its figures in 万元.
    const plan = renderTable({ ...pack, unit: "万元" }, asTable(decl), {
      department: options.department,
      year: options.year,
      sheetNames: options.sheetNames,
      rows: rows ? { [decl.id]: rows } : undefined,
    });
    plan.values[0][0] = decl.hint;
    if (decl.body.kind === "list") return plan;
    const cols = columnsOf(decl);
    // Texts have no unit.
    if (!cols.amounts) plan.values[2][decl.columns.length - 1] = null;
    const top = HEADER_TOP + decl.header.rows.length;
    decl.body.rows.forEach((row, i) => {
      const v = cols.amounts ? given?.amounts[row.field] : given?.texts[row.field];
      const cell: CellValue = v === null || v === undefined || v === "" ? null : v instanceof Decimal ? v.toNumber() : v;
      plan.values[top + i][cols.value] = cell;
    });
    return plan;
  });
}

/** The sheet a field is entered on and the label it is entered under (for a list field: the sheet's title). */
export function inputFieldOf(pack: Pack, field: string): { sheet: string; label: string } | undefined {
  for (const decl of pack.inputs) {
    if (decl.body.kind === "list") {
      if (decl.field === field) return { sheet: decl.sheetName, label: decl.title };
      continue;
    }
    const row = decl.body.rows.find((r) => r.field === field);
    if (row) return { sheet: decl.sheetName, label: String(row.cells[columnsOf(decl).label] ?? field) };
  }
  return undefined;
}

/** What the input sheets hold, wherever they stand: texts trimmed ("" when blank), amounts (null when blank or not a number). */
export function readInputSheets(pack: Pack, grids: SheetGrid[]): SheetInputs {
  const found = readDisclosure(pack, grids, pack.inputs.map(asTable));
  const out = noInputs(pack);
  for (const decl of pack.inputs) {
    const table = found.tables.get(decl.id);
    if (!table || table.headerTop < 0) continue;
    out.sheets!.push(decl.id);
    if (decl.body.kind === "list") {
      const code = decl.columns.find((c) => c.kind === "code")!.key;
      const amount = decl.columns.find((c) => c.kind === "amount")!.key;
      const by: Record<string, Decimal> = {};
      for (const [c, row] of byCode(table, code)) {
        const p = parseAmount(cellOf(table, row, amount)?.value);
        if (p.kind === "amount") by[c] = p.value;
      }
      out.byCode[decl.field!] = by;
      continue;
    }
    const cols = columnsOf(decl);
    const labelKey = decl.columns[cols.label].key;
    const valueKey = decl.columns[cols.value].key;
    for (const row of decl.body.rows) {
      const at = rowByLabel(table, labelKey, String(row.cells[cols.label] ?? ""));
      const cell = at && cellOf(table, at, valueKey);
      const value = cell ? cell.value : undefined;
      if (at) out.places![row.field] = cell ? cell.ref : { sheet: table.sheet, cell: a1(at.row, Math.max(0, table.columns[cols.value])) };
      if (cols.amounts) {
        const p = parseAmount(value);
        out.amounts[row.field] = p.kind === "amount" ? p.value : null;
      } else out.texts[row.field] = value === null || value === undefined ? "" : String(value).trim();
    }
  }
  return out;
}
