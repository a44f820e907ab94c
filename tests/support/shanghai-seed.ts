/**
 * Reads the Shanghai 普陀区 seed disclosures (tests/fixtures/seeds/shanghai-putuo-*.txt: the published PDFs as
 * `pdftotext -layout` text, columns aligned by spaces) into their nine tables, their text sections and their
 * 名词解释, and from those the inputs of the Shanghai pack (inputsOf). Used by tests/unit/shanghai-seed.test.ts and
 * by scripts/shanghai-samples.ts, which writes the samples src/domain/samples/shanghai-*.json from it.
 *
 * Tables: every body row in the table's logical columns (see COLUMNS), cells as printed (trimmed), null when
 * blank; a code column holds the whole code ("201", "20113", "2011301"). Amounts are placed in their column by
 * where they stand relative to the row's first amount: pdftotext shifts whole rows left or right after a long
 * Chinese name, but keeps the distances between the right-aligned numbers of one row. The distances come from
 * the table's own full rows (every column filled), else from the header labels. The unit test proves every
 * placement against the tables' arithmetic.
 */
import { readFileSync } from "fs";
import { join } from "path";
import type { NarrativeSection } from "../../src/domain/inputs";
import { SEEDS_DIR } from "./seed-text";

export const SHANGHAI_SEEDS = [
  "shanghai-putuo-commerce-2025-department-budget",
  "shanghai-putuo-commerce-2025-unit-budget",
  "shanghai-putuo-wanli-2024-department-budget",
  "shanghai-putuo-wanli-2025-department-budget",
] as const;
export type ShanghaiSeedName = (typeof SHANGHAI_SEEDS)[number];

export function readShanghaiSeed(name: ShanghaiSeedName | string): string {
  return readFileSync(join(SEEDS_DIR, `${name}.txt`), "utf8");
}

export type Cell = string | null;

export interface SeedTable {
  /** 1..9, by the table's title. */
  number: number;
  /** As printed, e.g. 2025年部门财务收支预算总表. */
  title: string;
  /** After 编制部门：/编制单位：. */
  department: string;
  /** 元 or 万元. */
  unit: string;
  /** Body rows in logical columns (COLUMNS), cells as printed text, trimmed, null when blank. */
  rows: Cell[][];
  /** The 注… line, as printed (trimmed). */
  note: string | null;
  /** The department line's caption and name as printed, e.g. 编制部门：上海市普陀区商务委员会 (its colon as printed). */
  departmentLine: string;
  /** The unit as printed, e.g. 单位：元 or 单位:万元 (its colon as printed, spaces removed). */
  unitLine: string;
  /**
   * The lines of the table's first header block as printed (trailing spaces cut, blank lines left out): those
   * between the 编制部门 line and the first body row. A header repeated on a later page is not included.
   */
  header: string[];
  /**
   * Per body row, the code as its 类/款/项 columns print it ("201", "13", "01"; a 款 printed "2" stays "2"), or
   * null where the row prints no code (合计, and every row of T1, T4 and T9).
   */
  codeParts: (string[] | null)[];
}

export interface SeedTexts {
  duties: string;
  organization: string;
  /** The 部门/单位预算编制说明 section. */
  budgetNotes: string;
  /** 其他相关情况说明. */
  otherNotes: string;
  /** 七、项目经费情况说明: one block per project (department variant only). */
  projects: { title: string; text: string }[];
}

export interface ShanghaiSeed {
  department: string;
  year: number;
  variant: "department" | "unit";
  tables: SeedTable[];
  texts: SeedTexts;
  /** The 编制说明's heading as printed: 2025年部门预算编制说明. */
  budgetTitle: string;
  glossary: { term: string; text: string }[];
}

/** The logical columns of each table; the unit variant's T1 splits the expense side into 基本支出 and 项目支出. */
export const COLUMNS: Record<number, readonly string[]> = {
  1: ["incomeItem", "incomeAmount", "expenseItem", "expenseTotal"],
  2: ["code", "name", "total", "fiscal", "business", "operations", "other"],
  3: ["code", "name", "total", "basic", "project"],
  4: ["incomeItem", "incomeAmount", "expenseItem", "expenseTotal", "expenseGpb", "expenseFund", "expenseSoe"],
  5: ["code", "name", "total", "basic", "project"],
  6: ["code", "name", "total", "basic", "project"],
  7: ["code", "name", "total", "basic", "project"],
  8: ["code", "name", "total", "personnel", "public"],
  9: ["total", "abroad", "reception", "vehicle", "vehiclePurchase", "vehicleOperation", "operating"],
};
export const UNIT_T1_COLUMNS = [
  "incomeItem",
  "incomeAmount",
  "expenseItem",
  "expenseTotal",
  "expensePersonnel",
  "expensePublic",
  "expenseProject",
] as const;

export function columnsOf(table: number, variant: ShanghaiSeed["variant"]): readonly string[] {
  return table === 1 && variant === "unit" ? UNIT_T1_COLUMNS : COLUMNS[table];
}

/** What each of the nine tables is, as its title says after 部门/预算单位/单位. */
export const TABLE_KINDS = [
  "财务收支预算总表",
  "收入预算总表",
  "支出预算总表",
  "财政拨款收支预算总表",
  "一般公共预算支出功能分类预算表",
  "政府性基金预算支出功能分类预算表",
  "国有资本经营预算支出功能分类预算表",
  "一般公共预算基本支出部门预算经济分类预算表",
  "“三公”经费和机关运行经费预算表",
];
const TABLE_TITLE = new RegExp(`^(?:\\d{4}年)?(?:部门|预算单位|单位)(${TABLE_KINDS.join("|")})$`);

/** A paragraph's numbering: 1. 1、 1． （一） 一、 (not "28.89%", a number wrapped onto a new line). */
const NUMBERING = /^(\d+(?:、|[.．](?!\d))|（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、)/;

/** An amount as printed: digits, commas between thousands, decimals, a minus (21,601,733.00 · 0 · 1.35 · -5). */
export const AMOUNT = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/** An amount as printed ("21,601,733.00", "0", "1.35") as a number; throws on anything else. */
export function amountOf(text: string): number {
  if (!AMOUNT.test(text)) throw new Error(`not an amount: ${text}`);
  return Number(text.replace(/,/g, ""));
}

/** An amount as printed (37,151.47 · 0 · 25) in cents; throws on more than two decimals. */
export function centsOf(text: string): number {
  if (/\.\d{3}/.test(text)) throw new Error(`not an amount to the cent: ${text}`);
  return Math.round(amountOf(text) * 100);
}

interface Token {
  text: string;
  start: number;
  end: number;
}

function tokens(line: string): Token[] {
  const out: Token[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

const isAmount = (t: Token) => AMOUNT.test(t.text);
const squash = (s: string) => s.replace(/\s+/g, "");
const indent = (line: string) => line.length - line.trimStart().length;

/** Text tokens separated by a single space form one label ("1. 一般公共预算资金"); a wider gap splits labels. */
function labels(ts: Token[]): { text: string; start: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  for (const t of ts) {
    const last = out[out.length - 1];
    if (last && t.start - last.end === 1) {
      last.text += " " + t.text;
      last.end = t.end;
    } else out.push({ ...t });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Sections

interface Section {
  kind: "duties" | "organization" | "glossary" | "budgetNotes" | "table" | "otherNotes" | "project";
  title: string;
  /** Index of the title line. */
  line: number;
  table?: number;
}

function sections(lines: string[]): Section[] {
  const out: Section[] = [];
  let seenOther = false;
  lines.forEach((raw, i) => {
    const t = raw.trim();
    if (t === "" || NUMBERING.test(t)) return; // the table of contents numbers its entries
    const table = TABLE_TITLE.exec(t);
    if (table) out.push({ kind: "table", title: t, line: i, table: TABLE_KINDS.indexOf(table[1]) + 1 });
    else if (/主要职能$/.test(t) && indent(raw) > 4) out.push({ kind: "duties", title: t, line: i });
    else if (/机构设置$/.test(t) && indent(raw) > 4) out.push({ kind: "organization", title: t, line: i });
    else if (t === "名词解释") out.push({ kind: "glossary", title: t, line: i });
    else if (/^\d{4}年(部门|单位)预算编制说明$/.test(t)) out.push({ kind: "budgetNotes", title: t, line: i });
    else if (t === "其他相关情况说明") {
      out.push({ kind: "otherNotes", title: t, line: i });
      seenOther = true;
    } else if (seenOther && /情况说明$/.test(t) && indent(raw) >= 10) out.push({ kind: "project", title: t, line: i });
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Texts

/** Drops the second copy of a run of (two or more) lines that pdftotext printed twice in a row at a page break. */
export function dropRepeats(lines: string[]): string[] {
  const out = [...lines];
  for (let i = 0; i < out.length; i++) {
    for (let len = Math.floor((out.length - i) / 2); len >= 2; len--) {
      let same = true;
      for (let k = 0; k < len && same; k++) same = out[i + k].trim() === out[i + len + k].trim();
      if (same) {
        out.splice(i + len, len);
        break;
      }
    }
  }
  return out;
}

/**
 * Paragraphs joined from their wrapped lines, one per "\n". A paragraph starts with an indented line or a
 * numbering; in a section printed flush left throughout (no line indented), also after a line ending a sentence.
 */
export function paragraphs(block: string[]): string {
  const lines = dropRepeats(block.filter((l) => l.trim() !== "").map((l) => l.replace(/\s+$/, "")));
  const flush = lines.every((l) => indent(l) === 0);
  const out: string[] = [];
  lines.forEach((line, i) => {
    const t = line.trim();
    const starts = i === 0 || indent(line) > 0 || NUMBERING.test(t) || (flush && /[。：；]$/.test(lines[i - 1].trim()));
    if (starts) out.push(t);
    else out[out.length - 1] += t;
  });
  // pdftotext sets a space before some full-width punctuation ("工作部门 ，为正处级"): no such space is printed
  return out.map((p) => p.replace(/[ \t]+(?=[，。、；：！？）》」』”])/g, "")).join("\n");
}

function glossary(block: string[]): { term: string; text: string }[] {
  return paragraphs(block)
    .split("\n")
    .filter((p) => p !== "")
    .map((p) => {
      const m = /^（[一二三四五六七八九十]+）([^：:]+)[：:](.*)$/.exec(p);
      if (!m) throw new Error(`名词解释: not an entry: ${p}`);
      return { term: m[1], text: m[2] };
    });
}

// ---------------------------------------------------------------------------------------------------------
// Tables

/** Amount groups of a table: the logical columns a run of amounts can fill, and where its header labels are. */
interface Group {
  columns: number[];
  headers: (string | RegExp)[];
}

function groupsOf(table: number, variant: ShanghaiSeed["variant"]): Group[] {
  switch (table) {
    case 1:
      return variant === "unit"
        ? [
            { columns: [1], headers: ["预算数"] },
            { columns: [3, 4, 5, 6], headers: ["合计", "人员经费", "公用经费", "项目支出"] },
          ]
        : [
            { columns: [1], headers: ["预算数"] },
            { columns: [3], headers: ["预算数"] },
          ];
    case 2:
      return [{ columns: [2, 3, 4, 5, 6], headers: ["合计", "财政拨款收入", "事业收入", "经营收入", "其他收入"] }];
    case 4:
      return [
        { columns: [1], headers: ["预算数"] },
        { columns: [3, 4, 5, 6], headers: ["合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"] },
      ];
    case 8:
      return [{ columns: [2, 3, 4], headers: ["合计", "人员经费", "公用经费"] }];
    case 9:
      return [
        {
          columns: [0, 1, 2, 3, 4, 5, 6],
          headers: ["合计", "因公出国(境)费", "公务接待费", "小计", "购置费", "运行费", /机关运行经(费预算)?/],
        },
      ];
    default:
      return [{ columns: [2, 3, 4], headers: ["合计", "基本支出", "项目支出"] }];
  }
}

/** Where each label of a group stands in the header (centre, in characters), for tables without a full row. */
function headerOffsets(header: string[], group: Group): number[] | null {
  const centres = group.headers.map((h) => {
    for (const line of header) {
      const m = typeof h === "string" ? { index: line.indexOf(h), 0: h } : h.exec(line);
      if (m && m.index !== undefined && m.index >= 0) return m.index + m[0].length / 2;
    }
    return null;
  });
  if (centres.some((c) => c === null)) return null;
  return centres.map((c) => (c as number) - (centres[0] as number));
}

/** Places amounts 1.. of a run after amount 0 (the group's first column) by their distances from it. */
function place(run: Token[], offsets: number[]): number[] {
  const ends = run.map((t) => t.end - run[0].end);
  let best: { cost: number; cols: number[] } | null = null;
  const search = (i: number, from: number, cols: number[], cost: number) => {
    if (best && cost >= best.cost) return;
    if (i === run.length) {
      best = { cost, cols: [...cols] };
      return;
    }
    for (let j = from; j <= offsets.length - (run.length - i); j++) search(i + 1, j + 1, [...cols, j], cost + Math.abs(ends[i] - offsets[j]));
  };
  search(1, 1, [0], 0);
  if (!best) throw new Error(`${run.length} amounts for ${offsets.length} columns`);
  return (best as { cols: number[] }).cols;
}

interface RawRow {
  line: number;
  /** The code's parts as printed (before a lost leading zero is put back). */
  codeParts?: string[];
  /** Text cells by logical column (labels, code, name). */
  cells: Map<number, string>;
  /** Runs of amounts and the group each fills. */
  runs: { group: number; amounts: Token[] }[];
}

function parseTable(section: Section, block: string[], variant: ShanghaiSeed["variant"]): SeedTable {
  const number = section.table as number;
  const width = columnsOf(number, variant).length;
  const groups = groupsOf(number, variant);
  let department = "";
  let unit = "";
  let note: string | null = null;
  let departmentLine = "";
  let unitLine = "";
  const header: string[] = [];
  const rows: RawRow[] = [];
  let expenseStart: number | null = null; // T1/T4: the column where the expense labels start
  const coded = ![1, 4, 9].includes(number);

  const isBody = (line: string) => {
    const t = line.trim();
    const ts = tokens(line);
    return (
      (coded && (/^\d{3}(\s|$)/.test(t) || /^合计(\s|$)/.test(t))) ||
      ts.some(isAmount) ||
      (!coded && (NUMBERING.test(t) || /^(收入|支出)总计/.test(t)))
    );
  };

  for (let i = 0; i < block.length; i++) {
    const line = block[i];
    const t = line.trim();
    if (t === "") continue;
    const meta = /^编制(部门|单位)([：:])\s*(\S+)\s+单位([：:])\s*(\S+)$/.exec(t);
    if (meta) {
      department = meta[3];
      unit = meta[5];
      departmentLine = `编制${meta[1]}${meta[2]}${meta[3]}`;
      unitLine = `单位${meta[4]}${meta[5]}`;
      continue;
    }
    if (/^注[:：]/.test(t)) {
      note = t;
      continue;
    }
    if (rows.length === 0 && !isBody(line)) {
      header.push(line);
      continue;
    }
    if (header.some((h) => squash(h) === squash(line))) continue; // header repeated on a new page
    const ts = tokens(line);

    if (coded) {
      const row: RawRow = { line: i, cells: new Map(), runs: [] };
      let k = 0;
      if (/^合计$/.test(ts[0].text)) {
        row.cells.set(0, "合计");
        k = 1;
      } else if (/^\d{3}$/.test(ts[0].text)) {
        const parts = [ts[0].text];
        const printed = [ts[0].text];
        k = 1;
        while (k < ts.length && parts.length < (number === 8 ? 2 : 3) && /^\d{1,2}$/.test(ts[k].text)) {
          parts.push(ts[k].text.padStart(2, "0"));
          printed.push(ts[k].text);
          k++;
        }
        row.cells.set(0, parts.join(""));
        row.codeParts = printed;
        const name: Token[] = [];
        while (k < ts.length && !isAmount(ts[k])) name.push(ts[k++]);
        if (name.length === 0) throw new Error(`T${number}: no name: ${line}`);
        row.cells.set(1, name.map((n) => n.text).join(""));
      } else if (rows.length > 0 && !ts.some(isAmount)) {
        // a wrapped name: continues the row above
        const prev = rows[rows.length - 1];
        prev.cells.set(1, (prev.cells.get(1) ?? "") + squash(line));
        continue;
      } else throw new Error(`T${number}: cannot read: ${line}`);
      const amounts = ts.slice(k);
      if (amounts.some((a) => !isAmount(a))) throw new Error(`T${number}: text among the amounts: ${line}`);
      if (amounts.length) row.runs.push({ group: 0, amounts });
      rows.push(row);
      continue;
    }

    if (number === 9) {
      if (!ts.every(isAmount)) throw new Error(`T9: cannot read: ${line}`);
      rows.push({ line: i, cells: new Map(), runs: [{ group: 0, amounts: ts }] });
      continue;
    }

    // T1, T4: an income label with its amount, an expense label with its amounts, either side may be missing
    const row: RawRow = { line: i, cells: new Map(), runs: [] };
    const parts: ({ label: { text: string; start: number } } | { amount: Token })[] = [];
    const texts: Token[] = [];
    const flush = () => {
      for (const l of labels(texts)) parts.push({ label: l });
      texts.length = 0;
    };
    for (const tok of ts) {
      if (isAmount(tok)) {
        flush();
        parts.push({ amount: tok });
      } else texts.push(tok);
    }
    flush();
    const labelParts = parts.filter((p): p is { label: { text: string; start: number } } => "label" in p);
    if (expenseStart === null) {
      if (labelParts.length < 2) throw new Error(`T${number}: first row lacks an expense item: ${line}`);
      expenseStart = (labelParts[0].label.start + labelParts[1].label.start) / 2;
    }
    if (!ts.some(isAmount) && labelParts.length === 1 && rows.length > 0 && !NUMBERING.test(t) && !/总计$/.test(t)) {
      // a wrapped item: continues the label of its side in the row above
      const prev = rows[rows.length - 1];
      const col = labelParts[0].label.start >= expenseStart ? 2 : 0;
      prev.cells.set(col, (prev.cells.get(col) ?? "") + squash(line));
      continue;
    }
    let side = -1;
    for (const p of parts) {
      if ("label" in p) {
        side = p.label.start >= expenseStart ? 1 : 0;
        if (row.cells.has(side * 2)) throw new Error(`T${number}: two items on one side: ${line}`);
        row.cells.set(side * 2, p.label.text);
      } else {
        if (side < 0) throw new Error(`T${number}: amount before any item: ${line}`);
        const run = row.runs.find((r) => r.group === side);
        if (run) run.amounts.push(p.amount);
        else row.runs.push({ group: side, amounts: [p.amount] });
      }
    }
    rows.push(row);
  }

  // distances between the columns of each group: from full rows, else from the header
  const offsets = groups.map((g, gi) => {
    const full = rows.flatMap((r) => r.runs.filter((x) => x.group === gi && x.amounts.length === g.columns.length));
    if (full.length) {
      return g.columns.map((_, j) => {
        const d = full.map((x) => x.amounts[j].end - x.amounts[0].end).sort((a, b) => a - b);
        return d[Math.floor(d.length / 2)];
      });
    }
    if (g.columns.length === 1) return [0];
    const h = headerOffsets(header, g);
    if (!h) throw new Error(`T${number}: no full row and no header labels to place amounts`);
    return h;
  });

  const out: Cell[][] = rows.map((r) => {
    const cells: Cell[] = Array.from({ length: width }, (_, c) => r.cells.get(c) ?? null);
    for (const run of r.runs) {
      const g = groups[run.group];
      if (run.amounts.length > g.columns.length) throw new Error(`T${number}: too many amounts in row ${r.line}`);
      place(run.amounts, offsets[run.group]).forEach((j, i) => (cells[g.columns[j]] = run.amounts[i].text));
    }
    return cells;
  });
  if (coded && out.length === 0) throw new Error(`T${number}: no rows`);
  return {
    number,
    title: section.title,
    department,
    unit,
    rows: out,
    note,
    departmentLine,
    unitLine,
    header: header.map((h) => h.replace(/\s+$/, "")),
    codeParts: rows.map((r) => r.codeParts ?? null),
  };
}

// ---------------------------------------------------------------------------------------------------------

export function parseShanghaiSeed(text: string): ShanghaiSeed {
  const lines = text.split(/\r?\n/);
  const head = /上海市普陀区(\d{4})年区级(部门|单位)预算/.exec(lines.slice(0, 5).join("\n"));
  if (!head) throw new Error("not a 普陀区 区级部门/单位预算");
  const variant = head[2] === "部门" ? "department" : "unit";
  const who = /预算(?:主管部门|单位)[：:]\s*(\S+)/.exec(lines.slice(0, 6).join("\n"));
  if (!who) throw new Error("no 预算主管部门/预算单位");

  const secs = sections(lines);
  const body = (s: Section) => {
    const k = secs.indexOf(s);
    return lines.slice(s.line + 1, k + 1 < secs.length ? secs[k + 1].line : lines.length);
  };
  const one = (kind: Section["kind"]) => {
    const found = secs.filter((s) => s.kind === kind);
    if (found.length !== 1) throw new Error(`${found.length} sections of ${kind}`);
    return found[0];
  };

  const tables = secs.filter((s) => s.kind === "table").map((s) => parseTable(s, body(s), variant));
  return {
    department: who[1],
    year: Number(head[1]),
    variant,
    tables,
    budgetTitle: one("budgetNotes").title,
    texts: {
      duties: paragraphs(body(one("duties"))),
      organization: paragraphs(body(one("organization"))),
      budgetNotes: paragraphs(body(one("budgetNotes"))),
      otherNotes: paragraphs(body(one("otherNotes"))),
      projects: secs.filter((s) => s.kind === "project").map((s) => ({ title: s.title, text: paragraphs(body(s)) })),
    },
    glossary: glossary(body(one("glossary"))),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Samples (src/domain/samples/shanghai-*.json)

export type SampleCell = string | number | null;

export interface ShanghaiSample {
  department: string;
  year: number;
  pack: string;
  source: string;
  rows: Record<string, SampleCell[][]>;
  texts: SeedTexts;
  glossary: { term: string; text: string }[];
  /** What the document says besides the tables, as the pack's input sheets and 情况说明 sheets hold it. */
  inputs: SampleInputs;
}

/** The sample file each seed is written to, under src/domain/samples/. */
export function sampleFileOf(name: ShanghaiSeedName): string {
  const m = /^shanghai-putuo-(\w+)-(\d{4})-(department|unit)-budget$/.exec(name);
  if (!m) throw new Error(`not a Shanghai seed: ${name}`);
  return m[1] === "commerce" ? `shanghai-${m[1]}-${m[2]}-${m[3]}.json` : `shanghai-${m[1]}-${m[2]}.json`;
}

/** The logical columns holding text (codes, names, items); every other column holds amounts. */
export const TEXT_COLUMNS: ReadonlySet<string> = new Set(["code", "name", "incomeItem", "expenseItem"]);

export function sampleOf(seed: ShanghaiSeed, source: string): ShanghaiSample {
  const rows: Record<string, SampleCell[][]> = {};
  for (const t of seed.tables) {
    const cols = columnsOf(t.number, seed.variant);
    rows[`T${String(t.number).padStart(2, "0")}`] = t.rows.map((r) => r.map((c, i) => (c === null || TEXT_COLUMNS.has(cols[i]) ? c : amountOf(c))));
  }
  return {
    department: seed.department,
    year: seed.year,
    // One format for both years: the 2025 pack reads the 2024 budget too (titles match any year).
    pack: `shanghai-putuo-2025${seed.variant === "unit" ? "-unit" : ""}`,
    source,
    rows,
    texts: seed.texts,
    glossary: seed.glossary,
    inputs: inputsOf(seed),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Inputs: what the document says besides the tables, under the field names of the Shanghai pack's input sheets

/**
 * DisclosureInputs as a sample JSON stores them (the shape of src/domain/samples/jincheng-2023-inputs.json's
 * "inputs"): amounts in 万元 as strings ("12593.29"), null where the document states none; last year's figures by
 * 项 code under previous.byCode; the published 编制说明 and 其他相关情况说明 as the 情况说明 sheets hold them.
 */
export interface SampleInputs {
  texts: Record<string, string>;
  amounts: Record<string, string | null>;
  byCode: Record<string, Record<string, string>>;
  forms: never[];
  narrative: NarrativeSection[];
  glossary: { term: string; text: string }[];
  contents: null;
}

/** The sections of 其他相关情况说明 by their printed number, as the Shanghai pack names them. */
const OTHER_SECTIONS = [
  ["一", "threePublic"],
  ["二", "operating"],
  ["三", "procurement"],
  ["四", "performance"],
  ["五", "assets"],
] as const;

/** The published 情况说明: the 编制说明 (unnumbered), then 其他相关情况说明 一 … 五, titles and paragraphs as printed. */
export function narrativeOf(seed: ShanghaiSeed): NarrativeSection[] {
  const out: NarrativeSection[] = [{ id: "budget", number: "", title: seed.budgetTitle, text: seed.texts.budgetNotes }];
  const paragraphs: string[][] = [];
  for (const line of seed.texts.otherNotes.split("\n")) {
    const next = OTHER_SECTIONS[out.length - 1];
    if (next && line.startsWith(`${next[0]}、`)) {
      out.push({ id: next[1], number: next[0], title: line.slice(next[0].length + 1), text: "" });
      paragraphs.push([]);
    } else if (paragraphs.length === 0) throw new Error(`其他相关情况说明: text before 一、: ${line}`);
    else paragraphs[paragraphs.length - 1].push(line);
  }
  if (out.length !== OTHER_SECTIONS.length + 1) throw new Error(`其他相关情况说明: ${out.length - 1} sections`);
  return out.map((s, i) => (i === 0 ? s : { ...s, text: paragraphs[i - 1].join("\n") }));
}

const AMOUNT_TEXT = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Cents as the inputs store them: 12593.29, -3.00. */
function wanText(cents: number): string {
  const abs = Math.abs(cents);
  return `${cents < 0 ? "-" : ""}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** The amount printed after `name` (and 为), in cents; undefined when the text states none. */
function statedAfter(text: string, name: string): number | undefined {
  const m = new RegExp(`${escapeRe(name)}(?:为)?(${AMOUNT_TEXT})万元`).exec(text);
  return m ? centsOf(m[1]) : undefined;
}

/**
 * Last year's figure of `name`: this year's as printed minus the change the text states after it (比/与{last year}年预算
 * [执行数]增加/减少 X万元; 持平: the same), in cents.
 */
function previousOf(text: string, name: string, year: number): number {
  const re = new RegExp(
    `${escapeRe(name)}(?:为)?(${AMOUNT_TEXT})万元[，。]?(?:比|与)(\\d{4})年预算(?:执行数)?(?:(增加|减少)(${AMOUNT_TEXT})万元|持平)`,
  );
  const m = re.exec(text);
  if (!m) throw new Error(`no change stated for ${name}`);
  if (Number(m[2]) !== year - 1) throw new Error(`${name}: compared with ${m[2]}, not ${year - 1}`);
  const change = m[3] ? (m[3] === "增加" ? 1 : -1) * centsOf(m[4]) : 0;
  return centsOf(m[1]) - change;
}

/** The 7-digit code whose 类, 款 and 项 the code tables (T5–T7) name as the path “A（类）B（款）C（项）” does. */
function codeOfPath(seed: ShanghaiSeed, path: string): string {
  const m = /^(.+?)[（(]类[）)](.+?)[（(]款[）)](.+?)[（(]项[）)]$/.exec(path);
  if (!m) throw new Error(`not a 类/款/项 path: ${path}`);
  const names = new Map<string, string>();
  for (const t of seed.tables.filter((x) => [5, 6, 7].includes(x.number))) for (const r of t.rows) if (r[0] && r[1]) names.set(r[0], r[1]);
  const codes = [...names.keys()].filter(
    (c) => c.length === 7 && names.get(c.slice(0, 3)) === m[1] && names.get(c.slice(0, 5)) === m[2] && names.get(c) === m[3],
  );
  if (codes.length !== 1) throw new Error(`${codes.length} codes named ${path}`);
  return codes[0];
}

/**
 * Last year's 执行数 per 项 as the 编制说明's list states them (“…（类）…（款）…（项）”X万元，…。2023年当年预算执行数为
 * Y万元，…), by the code the tables give that path; none where the list states none.
 */
function executedByCode(seed: ShanghaiSeed): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of seed.texts.budgetNotes.split("\n")) {
    const item = /^\d+[.．、]\s*“(.+?)”/.exec(line);
    const executed = new RegExp(`(\\d{4})年当年预算执行数为(${AMOUNT_TEXT})万元`).exec(line);
    if (!item || !executed) continue;
    if (Number(executed[1]) !== seed.year - 1) throw new Error(`执行数 of ${executed[1]}: ${line}`);
    const code = codeOfPath(seed, item[1]);
    if (code in out) throw new Error(`${code} listed twice`);
    out[code] = wanText(centsOf(executed[2]));
  }
  return out;
}

/**
 * The sample's inputs, derived from the published text: 概况 texts; 国有资产 (其他相关情况说明 五); the 项目经费情况说明
 * blocks, each its title then its text; last year's figures as this year's minus the stated change (编制说明 and
 * 其他相关情况说明 一); 政府采购 and 绩效 as 三 and 四 state them; last year's 执行数 by 项 code.
 */
export function inputsOf(seed: ShanghaiSeed): SampleInputs {
  const narrative = narrativeOf(seed);
  const section = (id: string) => narrative.find((s) => s.id === id)!.text;
  const budget = section("budget");
  const three = section("threePublic");
  const previous = (text: string, name: string) => wanText(previousOf(text, name, seed.year));
  const procurement = section("procurement");
  const performance = section("performance");
  const amount = (text: string, name: string) => {
    const c = statedAfter(text, name);
    return c === undefined ? null : wanText(c);
  };
  const count = /编报绩效目标的项目(?:共)?(\d+)个/.exec(performance);
  return {
    texts: {
      "overview.duties": seed.texts.duties,
      "overview.organization": seed.texts.organization,
      assets: section("assets"),
      projects: seed.texts.projects.map((p) => `${p.title}\n${p.text}`).join("\n"),
    },
    amounts: {
      "previous.fiscalIncome": previous(budget, "财政拨款收入"),
      "previous.fiscalExpense": previous(budget, "财政拨款支出预算"),
      "previous.gpb": previous(budget, "一般公共预算拨款支出预算"),
      "previous.fund": previous(budget, "政府性基金拨款支出预算"),
      "previous.soe": previous(budget, "国有资本经营预算拨款支出预算"),
      "previous.threePublic": previous(three, "“三公”经费预算数"),
      "previous.abroad": previous(three, "因公出国（境）费"),
      "previous.vehicle": previous(three, "公务用车购置及运行费"),
      "previous.vehiclePurchase": previous(three, "公务用车购置费"),
      "previous.vehicleOperation": previous(three, "公务用车运行费"),
      "previous.reception": previous(three, "公务接待费"),
      "procurement.goods": amount(procurement, "政府采购货物预算"),
      "procurement.works": amount(procurement, "政府采购工程预算"),
      "procurement.services": amount(procurement, "政府采购服务预算"),
      "procurement.smes": amount(procurement, "面向中小企业预留政府采购项目预算金额"),
      "procurement.small": amount(procurement, "预留给小型和微型企业的政府采购项目预算"),
      "performance.count": count ? count[1] : null,
      "performance.amount": amount(performance, "涉及项目预算资金"),
    },
    byCode: { "previous.byCode": executedByCode(seed) },
    forms: [],
    narrative,
    glossary: seed.glossary,
    contents: null,
  };
}
