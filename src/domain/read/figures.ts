/**
 * The rows a pack's figure reference (packs/checks.ts FigureRef) selects in a read disclosure: a declared row by its
 * caption (or an alias), rows by code or by economic name, rows under a 政府经济科目 class, a table's projects, or its
 * only row. The cross-table checks name and compare them; the narrative states them.
 */
import { normalizeName, type Catalog } from "../catalog/catalog";
import type { FigureRef } from "../packs/checks";
import { declaredRow, stripNumbering } from "../packs/layout";
import { byCode, econGroups, isTotalCaption, projectsOf, shown, totalRow } from "./model";
import { textOf, type Disclosure, type ReadRow, type ReadTable } from "./read";

export type Selection =
  | { by: "row"; row: ReadRow | undefined; rows: ReadRow[]; label: string; total: boolean }
  | { by: "codes"; rows: ReadRow[]; codeColumn: boolean }
  | { by: "govClass"; rows: ReadRow[] }
  | { by: "projects"; rows: ReadRow[]; grand: ReadRow | undefined }
  | { by: "only"; rows: ReadRow[] }
  | { by: "position"; row: ReadRow | undefined; rows: ReadRow[]; position: number };

/** Rows of an economic table whose 部门经济科目 (names in `by`) is one of `codes`; a name printed twice counts twice. */
function econRows(catalog: Catalog, table: ReadTable, by: string, codes: string[]): ReadRow[] {
  const head = totalRow(table);
  return table.rows.filter((r) => r !== head && codes.some((c) => catalog.nameMatches("econDept", c, textOf(table, r, by))));
}

const codesByName = new WeakMap<Catalog, { govCodes: Map<string, string>; deptCodes: Map<string, string> }>();
/** 政府经济科目 (with the pairs of the correspondence) and 部门经济科目 codes by name, once per catalogue: every figure by govClass asks. */
function econCodes(catalog: Catalog) {
  let codes = codesByName.get(catalog);
  if (!codes) {
    const govCodes = new Map<string, string>();
    for (const e of catalog.entries("econGov")) govCodes.set(normalizeName(e.name), e.code);
    for (const p of catalog.econPairs()) if (p.govCode) govCodes.set(normalizeName(p.govName), p.govCode);
    codes = { govCodes, deptCodes: new Map(catalog.entries("econDept").map((e) => [normalizeName(e.name), e.code])) };
    codesByName.set(catalog, codes);
  }
  return codes;
}

/** The 部门经济科目 类 whose items a 机关 books under each 政府经济科目 类 (工资福利支出 501, 商品和服务支出 502). */
const AGENCY_CLASSES: Record<string, string> = { "501": "301", "502": "302" };

/**
 * Whether a row's 政府经济科目 (`gov`) falls under `govClass`: its name is catalogued under it; a name catalogued
 * elsewhere (50502 商品和服务支出 of 事业单位) is not. The built-in catalogue lists only part of 502, so a name it
 * does not know is judged by the 部门经济科目 (`dept`): for a 机关 every 302 商品和服务支出 item corresponds to a 502 款.
 */
function underGovClass(catalog: Catalog, govClass: string, gov: string, dept: string): (table: ReadTable, row: ReadRow) => boolean {
  const { govCodes, deptCodes } = econCodes(catalog);
  const deptClass = AGENCY_CLASSES[govClass];
  return (table, row) => {
    const code = govCodes.get(textOf(table, row, gov));
    if (code) return code.startsWith(govClass);
    return deptClass !== undefined && (deptCodes.get(textOf(table, row, dept))?.startsWith(deptClass) ?? false);
  };
}

/**
 * What `ref` selects in its table; undefined when the table is absent (S01 reports that). `every`: a caption selects
 * every row printing it (a 财政拨款收支总表 prints the fund names under 本年 and again under 上年结转), not only the first.
 */
export function select(
  disclosure: Disclosure,
  catalog: Catalog,
  ref: FigureRef,
  every = false,
): { table: ReadTable; selection: Selection } | undefined {
  const table = disclosure.tables.get(ref.table);
  if (!table) return undefined;
  const done = (selection: Selection) => ({ table, selection });
  if (ref.row) {
    const decl = declaredRow(table.decl, ref.row)!;
    const printing = (caption: { key: string; captions: Set<string> }, from = 0) =>
      table.rows.slice(from).filter((r) => caption.captions.has(stripNumbering(shown(table, r, caption.key))));
    const total = [...decl.captions].some(isTotalCaption);
    let rows: ReadRow[];
    if (ref.under) {
      // The first row of that caption below the heading row (年初结转和结余 above fund rows captioned as the income rows).
      const heading = printing(declaredRow(table.decl, ref.under)!)[0];
      rows = heading ? printing(decl, table.rows.indexOf(heading) + 1).slice(0, 1) : [];
    } else if (ref.occurrence) rows = printing(decl).slice(ref.occurrence - 1, ref.occurrence);
    // A 合计 row is found wherever its 合计 stands (a code column, a merged name cell …).
    else rows = total ? [totalRow(table)].filter((r): r is ReadRow => r !== undefined) : printing(decl);
    const chosen = every ? rows : rows.slice(0, 1);
    return done({ by: "row", row: chosen[0], rows: chosen, label: decl.key, total: !ref.under && !ref.occurrence && [...decl.captions].includes("合计") });
  }
  if (ref.position) {
    const row = table.rows[ref.position - 1];
    return done({ by: "position", row, rows: row ? [row] : [], position: ref.position });
  }
  if (ref.codes) {
    const codeColumn = table.decl.columns.find((c) => c.key === ref.by)?.kind === "code";
    if (codeColumn) {
      const rows = byCode(table, ref.by!);
      return done({ by: "codes", rows: ref.codes.flatMap((c) => rows.get(c) ?? []), codeColumn });
    }
    return done({ by: "codes", rows: econRows(catalog, table, ref.by!, ref.codes), codeColumn });
  }
  if (ref.govClass) {
    const { groups, loose } = econGroups(table, catalog, ref.dept!, ref.by!);
    const under = underGovClass(catalog, ref.govClass, ref.by!, ref.dept!);
    return done({ by: "govClass", rows: [...loose, ...groups.flatMap((g) => g.items)].filter((r) => under(table, r)) });
  }
  if (ref.only) return done({ by: "only", rows: table.rows.slice(0, 1) });
  // The projects: the department's total row when printed, else the projects themselves.
  const g = projectsOf(disclosure, table.id);
  if (!g) return undefined;
  return done({ by: "projects", rows: g.grand ? [g.grand] : g.projects, grand: g.grand });
}
