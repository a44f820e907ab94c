/**
 * Finds a pack's tables in any workbook — by title, on any sheet, at any position, several to a sheet,
 * merged or unmerged headers — maps their columns by header text and reads their rows, every value with
 * its sheet and cell. What a table lacks (a column, a unit line) is recorded for the checks to report.
 */
import { normalizeName } from "../catalog/catalog";
import type { CellRef } from "../finding";
import { a1, type CellValue, type SheetGrid } from "../grid";
import { parseAmount, type Parsed } from "../money";
import { comparedText, escapeRegExp, gridTexts } from "./texts";
import { columnCaption, joinCode } from "../packs/layout";
import type { Pack, TableDecl } from "../packs/schema";

export interface ReadCell {
  value: CellValue;
  ref: CellRef;
  /** `value` as an amount, filled in when the checks first read it (CheckContext.parse). */
  parsed?: Parsed;
}

/**
 * A cell of a table's rows, its address made only when asked: a large department has some 80,000 of them, nearly all
 * never reported, and their address objects were a fifth of what a check run allocated.
 */
class RowCell implements ReadCell {
  // Set here, not first by CheckContext.parse: one shape for every cell keeps the checks' loops fast.
  parsed?: Parsed = undefined;

  constructor(
    readonly value: CellValue,
    private readonly sheet: string,
    private readonly row: number,
    private readonly col: number,
  ) {}

  get ref(): CellRef {
    return { sheet: this.sheet, cell: a1(this.row, this.col) };
  }
}

export interface ReadRow {
  /** 0-based row on the sheet. */
  row: number;
  /** By pack column index; undefined where the table lacks the column. */
  cells: (ReadCell | undefined)[];
  /** The cells' texts as compared (textsOfRow): from the grid's when read, else filled in when first asked. */
  texts?: readonly string[];
}

export interface HeaderProblem {
  /** The pack column's header text. */
  column: string;
  kind: "missing" | "order";
  /** Where the header is, or where it was expected. */
  ref: CellRef;
}

export interface ReadTable {
  id: string;
  decl: TableDecl;
  sheet: string;
  title: ReadCell;
  /** The year in the title, if it states one. */
  year: number | null;
  department: { text: string; ref: CellRef } | null;
  unit: { text: string; ref: CellRef } | null;
  /** Sheet column (0-based) of each pack column; -1 where the header lacks it. */
  columns: number[];
  headerProblems: HeaderProblem[];
  headerTop: number;
  headerBottom: number;
  rows: ReadRow[];
  /** The first 注：… line under the table, if any. */
  note: ReadCell | null;
  /** Every note line under it (注：本表反映…, then 说明：本表无数据), the first being `note`. */
  notes: ReadCell[];
}

export interface Disclosure {
  /** The first occurrence of each table found, by id. */
  tables: Map<string, ReadTable>;
  /** Further occurrences of a table already found (a copy left in the workbook). */
  repeats: ReadTable[];
  /** Sheets read, in workbook order. */
  sheets: string[];
  /** Of those, the ones hidden in Excel. */
  hidden?: string[];
  /** Sheets too large to read whole: what was left unread, and merges too large to load. */
  oversized?: ({ sheet: string } & Pick<SheetGrid, "clipped" | "droppedMerges">)[];
}

const isDigits = (s: string) => /^\d+$/.test(s);
/** The numbers some tables print under their header captions (1, 2, 3 …). */
const isColumnNumber = (s: string) => /^\d{1,2}$/.test(s);
/** Text that is a figure or a code, not a caption: digits, with separators or decimals (1–2 digits alone are column numbers). */
const FIGURE = /^-?[\d,，]*\d[\d,，]*(\.\d+)?$/;

/** Header and title texts of the pack, as patterns: "{year}" matches any year, or may be left out. */
function textPattern(template: string): RegExp {
  const parts = normalizeName(template).split(/\{year\}/);
  const withYear = parts.map(escapeRegExp).join("\\d{4}");
  const without = normalizeName(template.replace(/\{year\}年?/g, ""));
  return new RegExp(`^(?:${withYear}${without ? `|${escapeRegExp(without)}` : ""})$`);
}

/** The lowest text in a header column that is not a column number: the column's own name. */
function leafOf(rows: (string | null | undefined)[][], col: number): string {
  for (let r = rows.length - 1; r >= 0; r--) {
    const t = rows[r][col] ? normalizeName(String(rows[r][col])) : "";
    if (t && !isDigits(t)) return t;
  }
  return "";
}

/** Captions budget systems print over a code column split into levels. */
const SPLIT_CAPTIONS = ["类", "款", "项"];

/** What a workbook may print over a code or name column besides the pack's own caption (科目编码, 功能分类科目名称 …). */
const FALLBACK: Partial<Record<string, RegExp>> = { code: /(编码|代码)$/, name: /名称$/ };

interface TitleHit {
  decl: TableDecl;
  sheet: number;
  row: number;
  col: number;
  year: number | null;
}

/** The title without its year, e.g. 预算收支总表; a cell ending with it, after at most a short prefix that ends in a year. */
function titleMatcher(decl: TableDecl): { core: string; match: (cell: string) => { year: number | null } | null } {
  const core = normalizeName(decl.title.replace(/^\{year\}年度?/, ""));
  const match = (cell: string) => {
    if (!cell.endsWith(core)) return null;
    const prefix = cell.slice(0, cell.length - core.length);
    if (prefix === "") return { year: null };
    const m = /(\d{4})年度?$/.exec(prefix);
    return m && prefix.length <= 30 ? { year: Number(m[1]) } : null;
  };
  return { core, match };
}

const META_DEPARTMENT = /^(?:部门名称|单位名称|编制部门|编制单位)[:：]?(.*?)(?:(?:金额)?单位[:：].*)?$/;
/** 单位：元 — but not 编制单位：… (the department line of a unit budget). */
const META_UNIT = /(?<!编制)(?:金额)?单位[:：](.+)$/;
/** Rows between a title and its header that may hold the department and unit lines. */
const META_REACH = 8;
/** Consecutive blank rows that end a table (unless a total row stands below them). */
const BLANKS_END = 2;
/** How far below blank rows a total row is looked for: the blank rows a template leaves for entry. */
const TOTAL_REACH = 60;
/** Cells a template leaves as examples to delete: …, ……, ... (and blank ones). */
const FILLER = /^[.…·]*$/;
/** A note under a table: 注：…, 说明：…, 备注：… */
const NOTE = /^(?:注|说明|备注)\d*[:：]/;
/** A total row's caption: 合计, 总计, 收入总计, 部门合计 … */
const TOTAL_CAPTION = /(合计|总计)$/;

/**
 * `decls`: the declarations to look for — the pack's tables, or its input sheets (src/domain/inputs). `rows: false`
 * finds the tables and their headers only (enough to tell which pack a workbook holds).
 */
export function readDisclosure(pack: Pack, grids: SheetGrid[], decls: TableDecl[] = pack.tables, options: { rows?: boolean } = {}): Disclosure {
  const matchers = decls.map((decl) => ({ decl, ...titleMatcher(decl) }));
  // A title ends with its core: a cell is tried only against the titles ending in its last character (in pack order).
  const lastOf = (s: string) => s.charCodeAt(s.length - 1);
  const byLast = new Map<number, typeof matchers>();
  const candidates = (t: string) => {
    const last = lastOf(t);
    let found = byLast.get(last);
    if (!found) byLast.set(last, (found = matchers.filter((m) => m.core === "" || lastOf(m.core) === last)));
    return found;
  };
  const hits: TitleHit[] = [];
  const titled = new Set<string>();
  // Plain loops: every cell of every sheet is looked at, twice a run (the tables, the input sheets).
  for (const [sheet, grid] of grids.entries()) {
    const texts = gridTexts(grid);
    for (let r = 0; r < texts.length; r++) {
      const cells = texts[r] ?? [];
      for (let c = 0; c < cells.length; c++) {
        const t = cells[c];
        if (t === "") continue;
        const titles = candidates(t);
        // Only a text is a title; the figures (most cells) end in a digit, which no title does.
        if (titles.length === 0 || typeof grid.values[r][c] !== "string") continue;
        for (const { decl, match } of titles) {
          const m = match(t);
          if (!m) continue;
          const row = r + grid.top;
          // A title typed into every cell of its row instead of merged is one title: the leftmost.
          const key = `${decl.id}\u0000${sheet}\u0000${row}`;
          if (!titled.has(key)) {
            titled.add(key);
            hits.push({ decl, sheet, row, col: c + grid.left, year: m.year });
          }
        }
      }
    }
  }

  // Hits come in sheet, row, column order: a table ends where the next title below it on its sheet begins.
  const read = hits.map((hit, i) => {
    const grid = grids[hit.sheet];
    let j = i + 1;
    while (j < hits.length && hits[j].sheet === hit.sheet && hits[j].row === hit.row) j++;
    const end = hits[j]?.sheet === hit.sheet ? hits[j].row : grid.top + grid.values.length;
    return readTable(grid, hit, end, options.rows ?? true);
  });
  // A title without a header under it (a table of contents, a caption) yields to one that has a header.
  const tables = new Map<string, ReadTable>();
  for (const t of [...read.filter((t) => t.headerTop >= 0), ...read.filter((t) => t.headerTop < 0)]) if (!tables.has(t.id)) tables.set(t.id, t);
  const chosen = new Set(tables.values());
  const repeats = read.filter((t) => !chosen.has(t) && t.headerTop >= 0);
  return { tables, repeats, sheets: grids.map((g) => g.name), hidden: grids.filter((g) => g.hidden).map((g) => g.name),
    oversized: grids.filter((g) => g.clipped || g.droppedMerges).map((g) => ({ sheet: g.name, clipped: g.clipped, droppedMerges: g.droppedMerges })),
  };
}

function readTable(grid: SheetGrid, hit: TitleHit, end: number, withRows: boolean): ReadTable {
  const { decl } = hit;
  const at = (r: number, c: number): CellValue | undefined => grid.values[r - grid.top]?.[c - grid.left];
  const ref = (r: number, c: number): CellRef => ({ sheet: grid.name, cell: a1(r, c) });
  const width = grid.left + Math.max(0, ...grid.values.map((r) => r.length));
  const normalizedCells = gridTexts(grid);
  const textAt = (r: number, c: number): string => normalizedCells[r - grid.top]?.[c - grid.left] ?? "";
  const rowTexts = (r: number) => Array.from({ length: width }, (_, c) => (c < grid.left ? "" : textAt(r, c)));

  const headerTexts = [...decl.header.rows.flat(), ...decl.columns.flatMap((c) => c.aliases ?? [])]
    .filter((c): c is string => c !== null)
    .map(textPattern);
  /** How the pack heads each of its columns, as compared. */
  const captions = decl.columns.map((_, i) => normalizeName(columnCaption(decl, i)));
  const isHeaderText = (t: string) => t !== "" && headerTexts.some((p) => p.test(t));
  const firstRowTexts = decl.header.rows[0].filter((c) => c !== null).length;

  let department: ReadTable["department"] = null;
  let unit: ReadTable["unit"] = null;
  let headerTop = -1;
  for (let r = hit.row + 1; r < Math.min(end, hit.row + 1 + META_REACH); r++) {
    const texts = rowTexts(r);
    if (texts.filter(isHeaderText).length >= Math.min(2, firstRowTexts)) {
      headerTop = r;
      break;
    }
    texts.forEach((t, c) => {
      const d = META_DEPARTMENT.exec(t);
      if (d && !department) department = { text: d[1], ref: ref(r, c) };
      const u = META_UNIT.exec(t);
      if (u && !unit) unit = { text: u[1], ref: ref(r, c) };
    });
  }

  const columns = new Array<number>(decl.columns.length).fill(-1);
  const parts = new Array<number[] | null>(decl.columns.length).fill(null);
  const headerProblems: HeaderProblem[] = [];
  const base: ReadTable = {
    id: decl.id,
    decl,
    sheet: grid.name,
    title: { value: at(hit.row, hit.col) ?? null, ref: ref(hit.row, hit.col) },
    year: hit.year,
    department,
    unit,
    columns,
    headerProblems,
    headerTop,
    headerBottom: headerTop,
    rows: [],
    note: null,
    notes: [],
  };
  if (headerTop < 0) {
    captions.forEach((c) => headerProblems.push({ column: c, kind: "missing", ref: ref(hit.row + 1, hit.col) }));
    return base;
  }

  // As many header rows as the pack declares, fewer if the workbook's header is shorter. A row goes on the header
  // while it holds no figure and its captions are mostly the pack's (a caption of the workbook's own wording, or a
  // mistyped one, does not end it); a 合计 row alone (an empty table's) is the body's.
  const captionLike = (t: string) =>
    isHeaderText(t) || isColumnNumber(t) || SPLIT_CAPTIONS.includes(t) || Object.values(FALLBACK).some((re) => re!.test(t));
  let headerBottom = headerTop;
  while (headerBottom + 1 < Math.min(end, headerTop + decl.header.rows.length)) {
    const r = headerBottom + 1;
    const texts = rowTexts(r).filter((t) => t !== "");
    const figures = rowTexts(r).some((t) => t !== "" && !isColumnNumber(t) && FIGURE.test(t));
    const captions = texts.filter(captionLike).length;
    if (texts.length === 0 || figures || (texts.length === 1 && TOTAL_CAPTION.test(texts[0])) || captions * 2 < texts.length) break;
    headerBottom++;
  }
  base.headerBottom = headerBottom;

  const band = Array.from({ length: headerBottom - headerTop + 1 }, (_, k) => rowTexts(headerTop + k));
  const sheetLeaves = Array.from({ length: width }, (_, c) => leafOf(band, c));
  /** Where a pack column may stand: sheet columns whose caption fits (its own 2, a workbook's wording 1), as one column or split. */
  const options = decl.columns.map((col, i) => {
    const pattern = textPattern(captions[i]);
    const aliases = (col.aliases ?? []).map((a) => textPattern(normalizeName(a)));
    const fallback = FALLBACK[col.kind];
    const out: { cols: number[]; score: number }[] = [];
    sheetLeaves.forEach((t, c) => {
      // A code is read split when the workbook prints its levels in columns, whatever the pack draws; else whole.
      if (col.kind === "code" && t === SPLIT_CAPTIONS[0] && sheetLeaves[c + 1] === SPLIT_CAPTIONS[1])
        out.push({ cols: sheetLeaves[c + 2] === SPLIT_CAPTIONS[2] ? [c, c + 1, c + 2] : [c, c + 1], score: 2 });
      else if (pattern.test(t) || aliases.some((a) => a.test(t))) out.push({ cols: [c], score: 2 });
      else if (fallback?.test(t)) out.push({ cols: [c], score: 1 });
    });
    return { pattern, out };
  });
  // The pack's columns in order against the sheet's, matching as many (and as well) as can be: one caption typed
  // differently leaves that column missing, not every column after it out of place.
  const n = decl.columns.length;
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(width + 2).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let c = width; c >= 0; c--) {
      best[i][c] = Math.max(best[i + 1][c], best[i][c + 1]);
      for (const o of options[i].out) if (o.cols[0] === c) best[i][c] = Math.max(best[i][c], o.score + best[i + 1][o.cols[o.cols.length - 1] + 1]);
    }
  for (let i = 0, c = 0; i < n && c <= width;) {
    const o = options[i].out.find((x) => x.cols[0] === c && best[i][c] === x.score + best[i + 1][x.cols[x.cols.length - 1] + 1]);
    if (o) {
      columns[i] = o.cols[0];
      if (o.cols.length > 1) parts[i] = o.cols;
      c = o.cols[o.cols.length - 1] + 1;
      i++;
    }
    // On a tie the sheet column is passed over first: an earlier pack column keeps its caption where it stands.
    else if (best[i][c] === best[i][c + 1]) c++;
    else i++;
  }
  /** The sheet columns pack column `i` is read from: its parts when split, else its one column (none when missing). */
  const sheetColumns = (i: number) => parts[i] ?? (columns[i] >= 0 ? [columns[i]] : []);
  // A column the alignment left out stands elsewhere (out of order), or is missing where it should stand.
  decl.columns.forEach((_, i) => {
    if (columns[i] >= 0) return;
    const taken = new Set(decl.columns.flatMap((_c, k) => sheetColumns(k)));
    const earlier = sheetLeaves.findIndex((t, c) => !taken.has(c) && options[i].pattern.test(t));
    if (earlier >= 0) columns[i] = earlier;
    const before = columns.slice(0, i).flatMap((_c, k) => sheetColumns(k));
    headerProblems.push({
      column: captions[i],
      kind: earlier >= 0 ? "order" : "missing",
      ref: ref(headerBottom, earlier >= 0 ? earlier : before.length ? Math.max(...before) + 1 : 0),
    });
  });

  if (!withRows) return base;
  const used = decl.columns.flatMap((_c, i) => sheetColumns(i));
  /** Nothing in it, or only a template's ellipsis (…) left in it: not a row of the table. */
  const isBlank = (r: number) => used.every((c) => FILLER.test(textAt(r, c)));
  /** Nothing at all in it: blank rows end the table, a template's ellipsis rows do not. */
  const isEmpty = (r: number) => used.every((c) => textAt(r, c) === "");
  /** A total row after the blank rows a template leaves for entry: 合计, 收入总计 … in a text column. */
  const isTotal = (r: number) =>
    decl.columns.some((col, i) => col.kind !== "amount" && sheetColumns(i).some((c) => TOTAL_CAPTION.test(textAt(r, c))));
  const amountCols = decl.columns.flatMap((col, i) => (col.kind === "amount" && columns[i] >= 0 ? [columns[i]] : []));
  const codeCols = decl.columns.flatMap((col, i) => (col.kind === "code" ? sheetColumns(i) : []));
  const isTableRow = (r: number) =>
    codeCols.some((c) => isDigits(textAt(r, c))) || amountCols.some((c) => parseAmount(at(r, c) ?? null).kind === "amount");
  const above = new Array<string>(decl.columns.length).fill("");
  let blanks = 0;
  /** The first sheet column of row `r` holding text, or -1. */
  const firstText = (r: number): number => {
    for (let c = grid.left; c < width; c++) if (textAt(r, c) !== "") return c;
    return -1;
  };
  for (let r = headerBottom + 1; r < end; r++) {
    const c = firstText(r);
    if (c >= 0 && NOTE.test(textAt(r, c))) {
      // The note lines end the table: each line after it that is one too (blank rows between them allowed).
      for (let n = r; n < end; n++) {
        const k = firstText(n);
        if (k < 0) continue;
        if (!NOTE.test(textAt(n, k))) break;
        base.notes.push({ value: at(n, k) ?? null, ref: ref(n, k) });
      }
      base.note = base.notes[0];
      break;
    }
    if (isBlank(r)) {
      if (!isEmpty(r) || ++blanks < BLANKS_END) continue;
      // The table goes on below blank rows (a template's rows left for entry) only to a row of its own: a total,
      // a code, or a figure in one of its amount columns — not to a remark or a signature under it.
      let next = r + 1;
      while (next < Math.min(end, r + TOTAL_REACH) && isBlank(next)) next++;
      if (next >= end || !(isTotal(next) || isTableRow(next))) break;
      r = next - 1;
      blanks = 0;
      continue;
    }
    blanks = 0;
    const texts = new Array<string>(columns.length);
    const cells = columns.map((c, i): ReadCell | undefined => {
      const split = parts[i];
      if (!split) {
        texts[i] = c >= 0 ? textAt(r, c) : "";
        return c >= 0 ? new RowCell(at(r, c) ?? null, grid.name, r, c) : undefined;
      }
      const values = split.map((p) => at(r, p) ?? null);
      const code = joinCode(values, above[i]);
      if (isDigits(code)) above[i] = code;
      texts[i] = comparedText(code === "" ? null : code);
      // The code stands at its lowest printed level.
      const lowest = split.reduce<number>((n, p, k) => (textAt(r, p) !== "" ? k : n), 0);
      return new RowCell(code === "" ? null : code, grid.name, r, split[lowest]);
    });
    // The grid's texts, worked out already, are the row's.
    base.rows.push({ row: r, cells, texts });
  }
  base.rows = withoutExamples(decl, base.rows);
  return base;
}

/**
 * A template's example rows left in the table (205 教育支出 under the rows the clerk filled): a code printed twice,
 * once without any figure, is read once — the blank one is no row of the table.
 */
function withoutExamples(decl: TableDecl, rows: ReadRow[]): ReadRow[] {
  const code = decl.columns.findIndex((c) => c.kind === "code");
  if (code < 0) return rows;
  const amounts = decl.columns.flatMap((c, i) => (c.kind === "amount" ? [i] : []));
  const codes = rows.map((row) => {
    const t = textsOfRow(row)[code];
    return isDigits(t) ? t : "";
  });
  const blank = (row: ReadRow) => amounts.every((i) => textsOfRow(row)[i] === "");
  const printed = new Map<string, number>();
  for (const c of codes) if (c) printed.set(c, (printed.get(c) ?? 0) + 1);
  return rows.filter((row, i) => {
    const c = codes[i];
    if (!c || printed.get(c)! < 2 || !blank(row)) return true;
    printed.set(c, printed.get(c)! - 1);
    return false;
  });
}

const indexes = new WeakMap<TableDecl, Map<string, number>>();

/** The index of the first pack column with `key`, or -1: worked out once per declaration, as every cell read by key asks. */
export function columnIndex(decl: TableDecl, key: string): number {
  let byKey = indexes.get(decl);
  if (!byKey) {
    byKey = new Map();
    for (const [i, c] of decl.columns.entries()) if (!byKey.has(c.key)) byKey.set(c.key, i);
    indexes.set(decl, byKey);
  }
  return byKey.get(key) ?? -1;
}

/** A row's cell for a column key (undefined where the table lacks the column). */
export function cellOf(table: ReadTable, row: ReadRow, key: string): ReadCell | undefined {
  const i = columnIndex(table.decl, key);
  return i >= 0 ? row.cells[i] : undefined;
}

/**
 * A row's texts by pack column, normalised for comparison (no whitespace, half-width); "" where it has no cell. Kept
 * on the row: the rules compare a row's names again and again, and NFKC is slow.
 */
export function textsOfRow(row: ReadRow): readonly string[] {
  return (row.texts ??= row.cells.map((c) => comparedText(c?.value)));
}

/** A row's text in a column, normalised for comparison (no whitespace, half-width). */
export function textOf(table: ReadTable, row: ReadRow, key: string): string {
  const i = columnIndex(table.decl, key);
  return i >= 0 ? (textsOfRow(row)[i] ?? "") : "";
}

/** The 部门名称 line of the first table that has one. */
export function departmentOf(disclosure: Disclosure): string {
  return [...disclosure.tables.values()].find((t) => t.department?.text)?.department?.text ?? "";
}
