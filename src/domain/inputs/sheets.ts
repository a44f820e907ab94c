/**
 * The pack's input sheets (公开文本, 说明数据): what the disclosure says that no table holds. Each is a fixed-row table
 * of a label column and a value column, so the tables' own machinery draws it and finds it by title wherever it
 * stands; the pack says which field of DisclosureInputs each row feeds.
 */
import { rowByLabel } from "../read/model";
import type { CellValue, SheetGrid } from "../grid";
import type { DisclosureInputs } from "../inputs";
import { Decimal, parseAmount } from "../money";
import type { InputField, InputSheetDecl, Pack, TableDecl } from "../packs/schema";
import { cellOf, readDisclosure } from "../read/read";
import type { SheetPlan } from "../render/plan";
import { HEADER_TOP, renderTable } from "../render/render";

/** The input sheets' part of DisclosureInputs. */
export type SheetInputs = Pick<DisclosureInputs, "overview" | "previous" | "procurement" | "assets" | "other">;

type Values = Record<InputField, string | Decimal | null>;

/** The shared machinery takes table declarations; an input sheet prints its hint where a table prints 预算公开表N. */
const asTable = (decl: InputSheetDecl): TableDecl => ({ ...decl, number: 0 });

/** The label column and the value column of an input sheet (the schema makes sure both exist). */
function columnsOf(decl: InputSheetDecl) {
  const label = decl.columns.findIndex((c) => c.kind === "label");
  const value = decl.columns.findIndex((c) => c.kind === "text" || c.kind === "amount");
  return { label, value, amounts: decl.columns[value].kind === "amount" };
}

function flatten(i: SheetInputs): Values {
  const p = i.previous;
  return {
    "overview.duties": i.overview.duties,
    "overview.organization": i.overview.organization,
    assets: i.assets,
    other: i.other,
    "previous.incomeTotal": p.incomeTotal,
    "previous.expenseTotal": p.expenseTotal,
    "previous.gpbAppropriation": p.gpbAppropriation,
    "previous.threePublicTotal": p.threePublicTotal,
    "previous.abroad": p.abroad,
    "previous.reception": p.reception,
    "previous.vehicleTotal": p.vehicleTotal,
    "previous.vehiclePurchase": p.vehiclePurchase,
    "previous.vehicleOperation": p.vehicleOperation,
    "previous.operatingCost": p.operatingCost,
    "procurement.goods": i.procurement.goods,
    "procurement.works": i.procurement.works,
    "procurement.services": i.procurement.services,
  };
}

function unflatten(v: Partial<Values>): SheetInputs {
  const text = (f: InputField) => {
    const x = v[f];
    return typeof x === "string" ? x : "";
  };
  const amount = (f: InputField) => {
    const x = v[f];
    return x instanceof Decimal ? x : null;
  };
  return {
    overview: { duties: text("overview.duties"), organization: text("overview.organization") },
    previous: {
      incomeTotal: amount("previous.incomeTotal"),
      expenseTotal: amount("previous.expenseTotal"),
      gpbAppropriation: amount("previous.gpbAppropriation"),
      threePublicTotal: amount("previous.threePublicTotal"),
      abroad: amount("previous.abroad"),
      reception: amount("previous.reception"),
      vehicleTotal: amount("previous.vehicleTotal"),
      vehiclePurchase: amount("previous.vehiclePurchase"),
      vehicleOperation: amount("previous.vehicleOperation"),
      operatingCost: amount("previous.operatingCost"),
    },
    procurement: { goods: amount("procurement.goods"), works: amount("procurement.works"), services: amount("procurement.services") },
    assets: text("assets"),
    other: text("other"),
  };
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
  const values = options.inputs ? flatten(options.inputs) : undefined;
  return pack.inputs.map((decl) => {
    const plan = renderTable(pack, asTable(decl), { department: options.department, year: options.year, sheetNames: options.sheetNames });
    const cols = columnsOf(decl);
    plan.values[0][0] = decl.hint;
    // Texts have no unit.
    if (!cols.amounts) plan.values[2][decl.columns.length - 1] = null;
    const top = HEADER_TOP + decl.header.rows.length;
    decl.body.rows.forEach((row, i) => {
      const v = values?.[row.field];
      const cell: CellValue = v === null || v === undefined || v === "" ? null : v instanceof Decimal ? v.toNumber() : v;
      plan.values[top + i][cols.value] = cell;
    });
    return plan;
  });
}

/** What the input sheets hold, wherever they stand: texts trimmed ("" when blank), amounts (null when blank or not a number). */
export function readInputSheets(pack: Pack, grids: SheetGrid[]): SheetInputs {
  const found = readDisclosure(pack, grids, pack.inputs.map(asTable));
  const values: Partial<Values> = {};
  for (const decl of pack.inputs) {
    const table = found.tables.get(decl.id);
    if (!table || table.headerTop < 0) continue;
    const cols = columnsOf(decl);
    const labelKey = decl.columns[cols.label].key;
    const valueKey = decl.columns[cols.value].key;
    for (const row of decl.body.rows) {
      const at = rowByLabel(table, labelKey, String(row.cells[cols.label] ?? ""));
      const value = at ? cellOf(table, at, valueKey)?.value : undefined;
      if (cols.amounts) {
        const p = parseAmount(value);
        values[row.field] = p.kind === "amount" ? p.value : null;
      } else values[row.field] = value === null || value === undefined ? "" : String(value).trim();
    }
  }
  return unflatten(values);
}
