/**
 * Each table as CSV, described by a Frictionless Tabular Data Package (v1): for programs that read the
 * figures, not the layout. One row per body row, one column per pack column, amounts as plain decimals.
 */
import { parseRange, type CellValue } from "../grid";
import { parseAmount } from "../money";
import { physicalColumns } from "../packs/layout";
import { unitOf } from "../packs/decls";
import { type Pack, type TableDecl } from "../packs/schema";
import { fillPlaceholders } from "../packs/text";
import { tableNumberOf, tableTitle, type TableRows } from "../render/render";
import { csvText } from "./csv";

export const DATA_DIR = "数据";
export const DATA_PACKAGE = "datapackage.json";

/** T01-预算收支总表.csv: the table id, then its sheet name without the 表N prefix. */
export function csvFileName(table: TableDecl): string {
  return `${table.id}-${table.sheetName.replace(/^表\d+\s*/, "")}.csv`;
}

/**
 * Each column's header texts from top to bottom, a merged header text counting for every column it spans;
 * column numbers (1, 2, 3 … under T12) are not names, nor the 类/款/项 over the levels of a split code (the CSV
 * holds the code whole).
 */
function headerPaths(table: TableDecl, year: number): string[][] {
  const rows = table.header.rows.map((r) => [...r]);
  for (const merge of table.header.merges) {
    const m = parseRange(merge);
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) rows[r][c] = table.header.rows[m.top][m.left];
  }
  const physical = physicalColumns(table.columns);
  return table.columns.map((column, i) => {
    const c = physical.findIndex((p) => p.column === i);
    const path: string[] = [];
    for (const row of rows) {
      const t = row[c] === null ? "" : fillPlaceholders(row[c] as string, year).trim();
      if (t && !/^\d+$/.test(t) && path[path.length - 1] !== t && !column.split?.includes(t)) path.push(t);
    }
    return path;
  });
}

/** The header row: each column's lowest name, or its whole path where that name repeats (T01's two 项目 columns). */
export function csvHeader(table: TableDecl, year: number): { label: string; path: string[] }[] {
  const paths = headerPaths(table, year);
  const leaf = (p: string[]) => p[p.length - 1] ?? "";
  return paths.map((path) => ({
    label: paths.filter((p) => leaf(p) === leaf(path)).length > 1 ? path.join("·") : leaf(path),
    path,
  }));
}

/** An amount as the plain decimal it is (no separators, no rounding); text that is no amount stays text. */
function field(value: CellValue, amount: boolean): string {
  if (value === null) return "";
  if (!amount) return String(value);
  const parsed = parseAmount(value);
  return parsed.kind === "amount" ? parsed.value.toFixed() : parsed.kind === "empty" ? "" : String(value);
}

/** The first column of a listing table's CSV: what each row is (合计, 类/款/项, 部门合计/单位/项目). */
export const KIND_COLUMN = "行类别";

export function tableCsv(table: TableDecl, year: number, rows: CellValue[][], kinds?: readonly string[]): string {
  const amounts = table.columns.map((c) => c.kind === "amount");
  const body = rows.map((r, k) => [...(kinds ? [kinds[k] ?? ""] : []), ...table.columns.map((_, i) => field(r[i] ?? null, amounts[i]))]);
  return csvText([[...(kinds ? [KIND_COLUMN] : []), ...csvHeader(table, year).map((h) => h.label)], ...body]);
}

export interface DataFile {
  /** Path inside the package, e.g. 数据/T01-预算收支总表.csv. */
  path: string;
  text: string;
}

/**
 * A plain Tabular Data Package rather than a Fiscal Data Package: the 13 tables are not one ledger of
 * classified amounts but layouts with several amount columns each, which the fiscal model would have to flatten.
 * Field names are the CSV's header texts (Frictionless matches the two); each field keeps the pack's column key.
 */
export function dataFiles(
  pack: Pack,
  department: string,
  year: number,
  rows: TableRows,
  created: Date,
  kinds: Record<string, readonly string[]> = {},
): DataFile[] {
  const csvs = pack.tables.map((t) => ({ path: `${DATA_DIR}/${csvFileName(t)}`, text: tableCsv(t, year, rows[t.id] ?? [], kinds[t.id]) }));
  const kindField = { name: KIND_COLUMN, title: KIND_COLUMN, type: "string", description: "行的类别：合计；类、款、项；部门合计、单位、项目" };
  const descriptor = {
    profile: "tabular-data-package",
    name: `budget-disclosure-${year}`,
    title: `${department}${year}年度${pack.scope}${pack.family}公开表`,
    created: created.toISOString(),
    resources: pack.tables.map((t) => ({
      profile: "tabular-data-resource",
      name: t.id.toLowerCase(),
      path: csvFileName(t),
      title: [tableNumberOf(pack, t), tableTitle(t, year)].filter(Boolean).join(" "),
      format: "csv",
      mediatype: "text/csv",
      encoding: "utf-8",
      schema: {
        fields: [...(kinds[t.id] ? [kindField] : []), ...csvHeader(t, year).map((h, i) => {
          const column = t.columns[i];
          return {
            name: h.label,
            title: h.path.join(" / "),
            type: column.kind === "amount" ? "number" : "string",
            ...(column.kind === "amount" ? { description: `金额，单位：${unitOf(pack, t)}` } : {}),
            key: column.key,
          };
        })],
      },
    })),
  };
  return [...csvs, { path: `${DATA_DIR}/${DATA_PACKAGE}`, text: `${JSON.stringify(descriptor, null, 2)}\n` }];
}
