/**
 * What the rows of a table mean: labelled rows, code rows, 合计 rows, 类 rows of a summary table, groups of
 * economic items, units and projects. Checks, the narrative and the export speak of these, never of cell addresses.
 */
import { normalizeName, type Catalog } from "../catalog/catalog";
import { columnCaption, declaredRow, stripNumbering } from "../packs/layout";
import { parseAmount } from "../money";
import { fillPlaceholders } from "../packs/text";
import { cellOf, columnIndex, departmentOf, textOf, type Disclosure, type ReadRow, type ReadTable } from "./read";

/**
 * The first row whose `key` column prints `label` (numbering ignored; the raw text, as NFKC would make ① a plain 1),
 * or, when `label` is a row the pack declares, any caption it may print for it (its aliases).
 */
export function rowByLabel(table: ReadTable, key: string, label: string): ReadRow | undefined {
  const captions = declaredRow(table.decl, label)?.captions ?? new Set([stripNumbering(label)]);
  return table.rows.find((r) => captions.has(stripNumbering(shown(table, r, key))));
}

const TOTAL = new Set(["合计", "总计", "部门合计"]);

/** Whether a caption (numbering stripped) is a total row's: 合计, 总计, 部门合计. */
export const isTotalCaption = (caption: string): boolean => TOTAL.has(caption);

/** Whether a table has figures: zeros are none (大同 prints a table of 0.00 under 注：本表无数据). */
export function hasFigures(table: ReadTable): boolean {
  const amounts = table.decl.columns.flatMap((c) => (c.kind === "amount" ? [c.key] : []));
  return table.rows.some((r) =>
    amounts.some((k) => {
      const p = parseAmount(cellOf(table, r, k)?.value);
      return p.kind === "amount" && !p.value.isZero();
    }),
  );
}

/** The 合计 row: 合计 in one of the text columns. */
export function totalRow(table: ReadTable): ReadRow | undefined {
  const keys = table.decl.columns.filter((c) => c.kind !== "amount").map((c) => c.key);
  return table.rows.find((r) => keys.some((k) => TOTAL.has(textOf(table, r, k))));
}

export interface CodeRow {
  code: string;
  name: string;
  row: ReadRow;
}

/**
 * What a table's rows mean, by table and column, worked out once: a dozen rules and the narrative ask for the same
 * code rows and projects. Read tables are never changed once read; callers must not change what they are given.
 */
export function perTable<T>(cache: WeakMap<ReadTable, Map<string, T>>, table: ReadTable, key: string, make: () => T): T {
  let byKey = cache.get(table);
  if (!byKey) cache.set(table, (byKey = new Map()));
  let value = byKey.get(key);
  if (value === undefined) byKey.set(key, (value = make()));
  return value;
}

const codeRowsRead = new WeakMap<ReadTable, Map<string, readonly CodeRow[]>>();

/** Rows with a subject code in `codeKey` (digits, any length; C01 judges the length). */
export function codeRows(table: ReadTable, codeKey: string): readonly CodeRow[] {
  return perTable(codeRowsRead, table, codeKey, () => {
    const nameKey = nameColumnOf(table, codeKey);
    const rows: CodeRow[] = [];
    for (const row of table.rows) {
      const code = textOf(table, row, codeKey);
      if (/^\d+$/.test(code)) rows.push({ code, name: nameKey ? textOf(table, row, nameKey) : "", row });
    }
    return rows;
  });
}

/** The column naming the codes of `codeKey`: the first name column after it. */
export function nameColumnOf(table: ReadTable, codeKey: string): string | undefined {
  const cols = table.decl.columns;
  return cols.slice(columnIndex(table.decl, codeKey) + 1).find((c) => c.kind === "name")?.key;
}

const byCodeRead = new WeakMap<ReadTable, Map<string, ReadonlyMap<string, ReadRow>>>();

/** Code rows by code (the first row of a code printed twice). */
export function byCode(table: ReadTable, codeKey: string): ReadonlyMap<string, ReadRow> {
  return perTable(byCodeRead, table, codeKey, () => {
    const map = new Map<string, ReadRow>();
    for (const r of codeRows(table, codeKey)) if (!map.has(r.code)) map.set(r.code, r.row);
    return map;
  });
}

/** The 类 rows of a summary table (its `key` column), by class code, matched by name (numbering ignored). */
export function classRows(table: ReadTable, catalog: Catalog, key: string): { code: string; row: ReadRow }[] {
  const byName = new Map(catalog.classNames().map((e) => [normalizeName(e.name), e.code]));
  return table.rows.flatMap((row) => {
    const code = byName.get(stripNumbering(textOf(table, row, key)));
    return code ? [{ code, row }] : [];
  });
}

/** The 类 of 部门预算支出经济分类 that head the groups of an economic table (工资福利支出 …), code by name. */
function econGroupCodes(catalog: Catalog): Map<string, string> {
  return new Map(
    catalog
      .entries("econDept")
      .filter((e) => e.level === "类")
      .map((e) => [normalizeName(e.name), e.code]),
  );
}

export interface EconGroup {
  name: string;
  /** The 类 code (301 …). */
  code: string;
  row: ReadRow;
  items: ReadRow[];
}

/** A table of economic items by name (`dept`, with their 政府经济科目 in `gov`): its 合计 row, and the group rows with the item rows under each. */
export function econGroups(
  table: ReadTable,
  catalog: Catalog,
  dept: string,
  gov: string,
): { total?: ReadRow; groups: EconGroup[]; loose: ReadRow[] } {
  const heads = econGroupCodes(catalog);
  const total = totalRow(table);
  const groups: EconGroup[] = [];
  const loose: ReadRow[] = [];
  for (const row of table.rows) {
    if (row === total) continue;
    const name = textOf(table, row, dept);
    const code = heads.get(name);
    if (code && textOf(table, row, gov) === "") groups.push({ name, code, row, items: [] });
    else if (groups.length) groups[groups.length - 1].items.push(row);
    else loose.push(row);
  }
  return { total, groups, loose };
}

/** Names that end like a unit (局, 中心 …), for telling unit rows of a table of projects from the projects. */
const UNIT_SUFFIX = /(局|厅|委|委员会|办公室|办|中心|站|所|院|馆|队|处|社|会|部|校|园|台)$/;

export interface ProjectGroups {
  /** The department's own total row (its name, or 合计), when printed. */
  grand?: ReadRow;
  units: { row: ReadRow; projects: ReadRow[] }[];
  /** Every project row. */
  projects: ReadRow[];
}

/**
 * The rows of a table of projects: the department total (its name first, or a 合计 row), unit rows (a unit's name over its projects),
 * and projects. Without unit rows, every row is a project (as in the 大同 disclosure).
 */
function projectGroups(table: ReadTable, column: string, department: string, unitNames: string[]): ProjectGroups {
  const dept = normalizeName(department);
  const units = new Set(unitNames.map(normalizeName));
  const rows = table.rows;
  const name = (r: ReadRow) => textOf(table, r, column);
  let start = 0;
  let grand: ReadRow | undefined;
  const first = rows[0];
  if (first && (TOTAL.has(name(first)) || (dept !== "" && name(first) === dept && rows.length > 1 && name(rows[1]) === dept))) {
    grand = first;
    start = 1;
  } else if (first && dept !== "" && name(first) === dept && !rows.slice(1).some((r) => name(r) === dept || units.has(name(r)))) {
    grand = first;
    start = 1;
  }
  const isUnit = (r: ReadRow) => {
    const n = name(r);
    return n === dept || units.has(n) || (UNIT_SUFFIX.test(n) && n.length <= 30 && !/费|金|款|资金|项目|经费|补助|支出/.test(n));
  };
  const groups: ProjectGroups["units"] = [];
  const projects: ReadRow[] = [];
  for (const row of rows.slice(start)) {
    if (TOTAL.has(name(row))) continue;
    if (isUnit(row)) groups.push({ row, projects: [] });
    else {
      projects.push(row);
      if (groups.length) groups[groups.length - 1].projects.push(row);
    }
  }
  return { grand, units: groups, projects };
}

/** The text of a row's cell, raw (for messages). */
export function shown(table: ReadTable, row: ReadRow, key: string): string {
  const v = cellOf(table, row, key)?.value;
  return v === null || v === undefined ? "" : String(v).trim();
}

/** A column's header as the pack prints it, with the table's year, for messages. */
export function columnName(table: ReadTable, key: string): string {
  const i = columnIndex(table.decl, key);
  return (i >= 0 && fillPlaceholders(columnCaption(table.decl, i), table.year ?? undefined)) || key;
}

/**
 * How a row is named in messages: 第12行（2011301 行政运行）, by the text columns that stand left of `key`
 * (the expense side of a 收支总表 is named by its expense item, not by the income item on the same row).
 */
export function rowName(table: ReadTable, row: ReadRow, key: string): string {
  const cols = table.decl.columns;
  let i = columnIndex(table.decl, key);
  while (i >= 0 && cols[i].kind === "amount") i--;
  const words: string[] = [];
  for (; i >= 0 && cols[i].kind !== "amount"; i--) words.unshift(shown(table, row, cols[i].key));
  const label = words.filter((w) => w !== "").join(" ");
  return label ? `第${row.row + 1}行（${label}）` : `第${row.row + 1}行`;
}

/** A list's named rows but its total (the units of a table of units). */
export function namedRows(table: ReadTable, label: string): ReadRow[] {
  const total = totalRow(table);
  return table.rows.filter((r) => r !== total && textOf(table, r, label) !== "");
}

const projectGroupsRead = new WeakMap<ReadTable, Map<string, ProjectGroups>>();

/**
 * The department, units and projects of a table that declares its projects, named as the disclosure's 部门名称 line
 * and the table of units the pack names (if any) name them.
 */
export function projectsOf(disclosure: Disclosure, id: string): ProjectGroups | undefined {
  const table = disclosure.tables.get(id);
  const decl = table?.decl.projects;
  if (!table || !decl) return undefined;
  const unitTable = decl.units && disclosure.tables.get(decl.units.table);
  const units = unitTable && decl.units ? namedRows(unitTable, decl.units.column).map((r) => textOf(unitTable, r, decl.units!.column)) : [];
  const department = table.department?.text || departmentOf(disclosure);
  const key = [decl.column, department, ...units].join("\u0000");
  return perTable(projectGroupsRead, table, key, () => projectGroups(table, decl.column, department, units));
}

/** The year most titles state (a stray year in one title does not decide it), or null when none does. */
export function yearOfTitles(disclosure: Disclosure): number | null {
  return mostCommon([...disclosure.tables.values()].flatMap((t) => (t.year === null ? [] : [t.year]))) ?? null;
}

/** The value most tables agree on (the first seen on a tie): what the odd ones out are measured against. */
export function mostCommon<T>(values: T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | undefined;
  for (const [v, n] of counts) if (best === undefined || n > counts.get(best)!) best = v;
  return best;
}
