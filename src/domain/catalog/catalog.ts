/**
 * The subject catalogues (政府收支分类科目) of one budget year: lookups, name comparison, coverage, and the
 * import of an official catalogue. The built-in data (data.ts) is complete only where the shared catalogue's
 * README says so; elsewhere a missing code proves nothing until the year's official catalogue is imported.
 */
import { ECON_DEPT, ECON_GOV, ECON_MAP, ECON_PAIRS_SEEN, FORMER_NAMES, FUNCTIONAL, INCOME } from "./data";
import type { SubjectRow, UnitType } from "./data";
import type { CellValue } from "../grid";

export type CatalogKind = "functional" | "econDept" | "econGov" | "income";
export type Level = "类" | "款" | "项";

export interface CatalogEntry {
  readonly code: string;
  readonly name: string;
  readonly level: Level;
  /** Other names seen for the same code; nameMatches accepts them. */
  readonly variants: readonly string[];
}

/** How far a kind's list can be trusted to say that a code does not exist. */
export interface Coverage {
  /** Every code of the kind is listed (an imported official catalogue). */
  readonly complete: boolean;
  /** Codes whose children are all listed even when the kind is not complete; "" stands for the 类 list. */
  readonly completeUnder: readonly string[];
}

export interface EconPair {
  readonly deptCode: string | null;
  readonly deptName: string;
  readonly govCode: string | null;
  readonly govName: string;
  /** The unit type the correspondence holds for, where the source says. */
  readonly unitType: UnitType | null;
  readonly note: string | null;
  /** "map": the correspondence table with codes; "seen": a pair printed in a published disclosure. */
  readonly source: "map" | "seen";
}

/** A name a 支出功能分类 code had, official up to `lastYear`. */
export interface FormerName {
  readonly code: string;
  readonly name: string;
  readonly lastYear: number;
}

const FORMERS: readonly FormerName[] = FORMER_NAMES.map(([code, name, lastYear]) => ({ code, name, lastYear: Number(lastYear) }));

export interface Catalog {
  readonly year: number;
  coverage(kind: CatalogKind): Coverage;
  /** Whether "not in this catalogue" proves that `code` does not exist (its absence is an error, not a warning). */
  isAuthoritative(kind: CatalogKind, code: string): boolean;
  get(kind: CatalogKind, code: string): CatalogEntry | undefined;
  /** Every entry of a kind, ordered by code (a parent before its children). */
  entries(kind: CatalogKind): readonly CatalogEntry[];
  /** Whether `name` is the catalogue's name for `code` or a recorded variant, compared with normalizeName. */
  nameMatches(kind: CatalogKind, code: string, name: string): boolean;
  /** Entries whose code starts with a digit query, or whose name or a parent's name contains the query; by code. */
  search(kind: CatalogKind, query: string, limit?: number): CatalogEntry[];
  /** The 支出功能分类 类 in official order: the expense rows of 预算收支总表. */
  classNames(): readonly CatalogEntry[];
  /** Known 部门 → 政府经济科目 correspondences: the table with codes first, then the pairs seen in disclosures. */
  econPairs(): readonly EconPair[];
  /** The 政府经济科目 names a 部门经济科目 name corresponds to, without repeats. */
  govFor(deptName: string): string[];
  /** The names 支出功能分类 codes had in earlier catalogues, outdated in this year's (医疗卫生与计划生育支出 for 210). */
  formerNames(): readonly FormerName[];
  /** What an amendment of this year's catalogue did to a code, if one did (amendCatalog). */
  changeOf(kind: CatalogKind, code: string): CatalogChange | undefined;
}

/**
 * A notice amending a year's catalogue (the Ministry adds a 类 in March, renames a 项, withdraws another): codes as
 * [code, name] pairs, in force from `date` (YYYY-MM-DD).
 */
export interface Amendment {
  notice: string;
  date: string;
  added?: [string, string][];
  renamed?: [string, string][];
  withdrawn?: string[];
}

export interface CatalogChange {
  change: "added" | "renamed" | "withdrawn";
  notice: string;
  date: string;
  /** The name a renamed or withdrawn code had. */
  formerName?: string;
}

type Rows = readonly (readonly CellValue[])[];

interface KindInfo {
  /** The kind's name in messages. */
  readonly label: string;
  /** Every code of the kind begins with it (2xx functional, 3xx/5xx economic, 1xx income). */
  readonly firstDigit: string;
  readonly builtin: readonly SubjectRow[];
  /** What the shared catalogue's README declares complete. */
  readonly builtinCoverage: Coverage;
}

const KINDS: Record<CatalogKind, KindInfo> = {
  functional: {
    label: "支出功能分类科目",
    firstDigit: "2",
    builtin: FUNCTIONAL,
    builtinCoverage: { complete: false, completeUnder: [""] },
  },
  econDept: {
    label: "部门预算支出经济分类科目",
    firstDigit: "3",
    builtin: ECON_DEPT,
    builtinCoverage: { complete: false, completeUnder: ["301", "302", "303"] },
  },
  econGov: {
    label: "政府预算支出经济分类科目",
    firstDigit: "5",
    builtin: ECON_GOV,
    builtinCoverage: { complete: false, completeUnder: [] },
  },
  income: {
    label: "收入分类科目",
    firstDigit: "1",
    builtin: INCOME,
    builtinCoverage: { complete: false, completeUnder: [] },
  },
};
const KIND_NAMES = Object.keys(KINDS) as CatalogKind[];

/** How a kind of code is named (支出功能分类科目), and the digit its codes start with. */
export const kindInfo = (kind: CatalogKind): { label: string; firstDigit: string } => KINDS[kind];

const LEVELS: Record<number, Level> = { 3: "类", 5: "款", 7: "项" };

// NFKC leaves these CJK marks alone, though people type them for their half-width counterparts.
const PUNCTUATION: Record<string, string> = { "“": '"', "”": '"', "‘": "'", "’": "'", "。": ".", "【": "[", "】": "]" };
const PUNCTUATION_RE = new RegExp(`[${Object.keys(PUNCTUATION).join("")}]`, "g");

/**
 * A name as compared: full-width letters, digits and punctuation made half-width (NFKC, which also turns the
 * Kangxi radicals of PDF text into ordinary characters), and all whitespace removed.
 */
export function normalizeName(s: string): string {
  // Printable ASCII without spaces (codes, figures) is already normal; NFKC is slow, and the checks ask thousands of times.
  if (PLAIN_ASCII.test(s)) return s;
  return s
    .normalize("NFKC")
    .replace(/[\s\u200b-\u200d\ufeff]/g, "")
    .replace(PUNCTUATION_RE, (c) => PUNCTUATION[c]);
}

const PLAIN_ASCII = /^[!-~]*$/;

/** A code cell as text (a number written out), full-width digits made half-width, surrounding spaces removed. */
export function normalizeCode(value: CellValue): string {
  return value === null ? "" : String(value).normalize("NFKC").trim();
}

/** 类, 款 or 项 for a code of 3, 5 or 7 digits; undefined for anything else. */
export function levelOf(code: string): Level | undefined {
  return /^\d+$/.test(code) ? LEVELS[code.length] : undefined;
}

/** The 类 a code falls under: its first three digits. */
export function classOf(code: string): string {
  return code.slice(0, 3);
}

/** The well-formed codes from the 类 down to `code` itself (when it is well-formed). */
function pathOf(code: string): string[] {
  return [3, 5, 7].filter((n) => n <= code.length).map((n) => code.slice(0, n)).filter((p) => levelOf(p) !== undefined);
}

function parentOf(code: string): string {
  return code.length > 3 ? code.slice(0, code.length - 2) : "";
}

interface KindData {
  readonly coverage: Coverage;
  readonly sorted: readonly CatalogEntry[];
  readonly byCode: ReadonlyMap<string, CatalogEntry>;
  /** Per code, the normalised names a name may match. */
  readonly names: ReadonlyMap<string, ReadonlySet<string>>;
  /** Per code, the normalised names of the entry and its parents, for search. */
  readonly searchText: ReadonlyMap<string, string>;
}

function kindData(entries: readonly CatalogEntry[], coverage: Coverage): KindData {
  const sorted = [...entries].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const byCode = new Map(sorted.map((e) => [e.code, e]));
  const names = new Map(sorted.map((e) => [e.code, new Set([e.name, ...e.variants].map(normalizeName))]));
  const searchText = new Map(
    sorted.map((e) => [e.code, pathOf(e.code).flatMap((p) => [...(names.get(p) ?? [])]).join("\n")]),
  );
  return { coverage, sorted, byCode, names, searchText };
}

function entryOf([code, name, variants = []]: SubjectRow): CatalogEntry {
  return { code, name, level: LEVELS[code.length], variants };
}

const BUILTIN: Record<CatalogKind, KindData> = Object.fromEntries(
  KIND_NAMES.map((k) => [k, kindData(KINDS[k].builtin.map(entryOf), KINDS[k].builtinCoverage)]),
) as Record<CatalogKind, KindData>;

const PAIRS: readonly EconPair[] = [
  ...ECON_MAP.map(([deptCode, deptName, govCode, govName, unitType, note]): EconPair => ({
    deptCode,
    deptName,
    govCode,
    govName,
    unitType,
    note,
    source: "map",
  })),
  ...ECON_PAIRS_SEEN.map(([deptName, govName]): EconPair => ({
    deptCode: null,
    deptName,
    govCode: null,
    govName,
    unitType: null,
    note: null,
    source: "seen",
  })),
];

class YearCatalog implements Catalog {
  constructor(
    readonly year: number,
    private readonly kinds: Readonly<Record<CatalogKind, KindData>>,
    private readonly changes: ReadonlyMap<string, CatalogChange> = new Map(),
  ) {}

  changeOf(kind: CatalogKind, code: string): CatalogChange | undefined {
    return this.changes.get(`${kind}:${code}`);
  }

  coverage(kind: CatalogKind): Coverage {
    return this.kinds[kind].coverage;
  }

  isAuthoritative(kind: CatalogKind, code: string): boolean {
    const { complete, completeUnder } = this.kinds[kind].coverage;
    // A code is vouched for when it, or a missing parent of it, sits in a list known to be complete.
    return (
      complete ||
      pathOf(code).some((p) => completeUnder.includes(parentOf(p)) && (p === code || !this.kinds[kind].byCode.has(p)))
    );
  }

  get(kind: CatalogKind, code: string): CatalogEntry | undefined {
    return this.kinds[kind].byCode.get(code);
  }

  entries(kind: CatalogKind): readonly CatalogEntry[] {
    return this.kinds[kind].sorted;
  }

  nameMatches(kind: CatalogKind, code: string, name: string): boolean {
    return this.kinds[kind].names.get(code)?.has(normalizeName(name)) ?? false;
  }

  search(kind: CatalogKind, query: string, limit = 20): CatalogEntry[] {
    const q = normalizeName(query);
    const { sorted, searchText } = this.kinds[kind];
    const byCode = /^\d+$/.test(q);
    return sorted
      .filter((e) => (byCode ? e.code.startsWith(q) : searchText.get(e.code)!.includes(q)))
      .slice(0, limit);
  }

  classNames(): readonly CatalogEntry[] {
    return this.kinds.functional.sorted.filter((e) => e.level === "类");
  }

  econPairs(): readonly EconPair[] {
    return PAIRS;
  }

  govFor(deptName: string): string[] {
    const name = normalizeName(deptName);
    return [...new Set(PAIRS.filter((p) => normalizeName(p.deptName) === name).map((p) => p.govName))];
  }

  formerNames(): readonly FormerName[] {
    return FORMERS.filter((f) => f.lastYear < this.year);
  }
}

/** The built-in catalogue: the same facts for every year, complete only for the 30 类 and 301/302/303. */
export function builtinCatalog(year: number): Catalog {
  return new YearCatalog(year, BUILTIN);
}

function isBlank(value: CellValue | undefined): boolean {
  return value === null || value === undefined || String(value).trim() === "";
}

/** The code and name columns, and the first data row: after a header row naming them, else A and B from row 1. */
function layoutOf(rows: Rows): { code: number; name: number; start: number } {
  for (let i = 0; i < rows.length; i++) {
    const cells = rows[i].map((c) => (typeof c === "string" ? normalizeName(c) : ""));
    const code = cells.findIndex((c) => /编码|代码/.test(c));
    const name = cells.findIndex((c, j) => j !== code && c.includes("名称"));
    if (code >= 0 && name >= 0) return { code, name, start: i + 1 };
    // A header, if any, stands above the data.
    if (levelOf(normalizeCode(rows[i][0] ?? null))) break;
  }
  return { code: 0, name: 1, start: 0 };
}

/**
 * The catalogue of `year` with one kind replaced by an official list imported from spreadsheet rows
 * (code and name columns, found by their header or else the first two), declared complete. Other kinds are
 * those of `base`. Recorded name variants of a code are kept. Throws, in Chinese and naming the row, on a
 * malformed or repeated code or a missing name.
 */
/**
 * The catalogue with its amendments applied, in date order: added codes listed, renamed ones under their new name only
 * (the old one is now a mismatch), withdrawn ones gone — each remembered, so a finding can name the notice and date.
 */
export function amendCatalog(base: Catalog, amendments: readonly Amendment[]): Catalog {
  const lists = Object.fromEntries(KIND_NAMES.map((k) => [k, new Map(base.entries(k).map((e) => [e.code, e]))])) as Record<CatalogKind, Map<string, CatalogEntry>>;
  const changes = new Map<string, CatalogChange>();
  const kindOfCode = (code: string, at: string) => {
    const kind = KIND_NAMES.find((k) => KINDS[k].firstDigit === code[0]);
    if (!kind || !levelOf(code)) throw new Error(`${at}：科目编码“${code}”格式不正确，应为 3、5 或 7 位数字`);
    return kind;
  };
  for (const a of [...amendments].sort((x, y) => x.date.localeCompare(y.date))) {
    const at = `修订（${a.notice}）`;
    const existing = (code: string) => {
      const kind = kindOfCode(code, at);
      const entry = lists[kind].get(code);
      if (!entry) throw new Error(`${at}：科目 ${code} 不在${base.year}年目录中`);
      return { kind, entry };
    };
    for (const [code, name] of a.added ?? []) {
      const kind = kindOfCode(code, at);
      lists[kind].set(code, { code, name, level: levelOf(code)!, variants: [] });
      changes.set(`${kind}:${code}`, { change: "added", notice: a.notice, date: a.date });
    }
    for (const [code, name] of a.renamed ?? []) {
      const { kind, entry } = existing(code);
      lists[kind].set(code, { ...entry, name, variants: [] });
      changes.set(`${kind}:${code}`, { change: "renamed", notice: a.notice, date: a.date, formerName: entry.name });
    }
    for (const code of a.withdrawn ?? []) {
      const { kind, entry } = existing(code);
      lists[kind].delete(code);
      changes.set(`${kind}:${code}`, { change: "withdrawn", notice: a.notice, date: a.date, formerName: entry.name });
    }
  }
  const kinds = Object.fromEntries(KIND_NAMES.map((k) => [k, kindData([...lists[k].values()], base.coverage(k))])) as Record<CatalogKind, KindData>;
  return new YearCatalog(base.year, kinds, changes);
}

export function importCatalog(year: number, kind: CatalogKind, rows: Rows, base: Catalog = builtinCatalog(year)): Catalog {
  if (base.year !== year) throw new Error(`导入的${year}年科目不能并入${base.year}年的科目目录`);
  const { label, firstDigit } = KINDS[kind];
  const layout = layoutOf(rows);
  const rowOf = new Map<string, number>();
  const entries: CatalogEntry[] = [];
  for (let i = layout.start; i < rows.length; i++) {
    const rawCode = rows[i][layout.code] ?? null;
    const rawName = rows[i][layout.name] ?? null;
    if (isBlank(rawCode) && isBlank(rawName)) continue;
    const at = `第${i + 1}行`;
    const code = normalizeCode(rawCode);
    const level = levelOf(code);
    if (!level) throw new Error(`${at}：科目编码“${code}”格式不正确，应为 3、5 或 7 位数字`);
    if (!code.startsWith(firstDigit)) throw new Error(`${at}：科目编码“${code}”不是${label}（应以 ${firstDigit} 开头）`);
    if (rowOf.has(code)) throw new Error(`${at}：科目编码“${code}”与第${rowOf.get(code)}行重复`);
    const name = String(rawName ?? "").trim();
    if (!name) throw new Error(`${at}：科目编码“${code}”缺少名称`);
    rowOf.set(code, i + 1);
    const variants = (base.get(kind, code)?.variants ?? []).filter((v) => normalizeName(v) !== normalizeName(name));
    entries.push({ code, name, level, variants });
  }
  if (entries.length === 0) throw new Error(`没有读到任何${label}：请检查是否有“科目编码”“科目名称”两列`);
  const kinds = Object.fromEntries(
    KIND_NAMES.map((k) => [
      k,
      k === kind ? kindData(entries, { complete: true, completeUnder: [] }) : kindData(base.entries(k), base.coverage(k)),
    ]),
  ) as Record<CatalogKind, KindData>;
  return new YearCatalog(year, kinds);
}
