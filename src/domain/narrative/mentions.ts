/**
 * What any text says of 支出功能分类 科目, wherever it says it — hand-written, pasted from Word, not only the
 * sentences the pack's sections declare: a 科目 named by its 类 name (or a name an earlier catalogue gave it), or in
 * any of the forms subjects.ts reads (paths with or without codes, codes by level, dashed names, a code and its
 * name), with the amount written right after it. A bare 款 or 项 name is passed over: 行政运行 and 住房公积金 name
 * many codes, or an economic item as well.
 */
import type { Catalog } from "../catalog/catalog";
import { Decimal } from "../money";
import { codeRows } from "../read/model";
import type { Disclosure } from "../read/read";
import { plainText } from "./facts";
import { NUM } from "./statements";
import { FILLER, inLongerName, subjectsIn, type Subject, type SubjectNames } from "./subjects";

export interface Mention {
  code: string;
  /** The 科目 as written (plain): the path, the 类 name, or the code and name. */
  written: string;
  /** A level whose name is not a name of the code written with it. */
  misnamed?: Subject["misnamed"];
  amount: Decimal;
  unit: "万元" | "元";
  /** Where the amount stands in the plain text. */
  at: number;
  /** The whole mention with its amount, as written (plain). */
  text: string;
  /** Said of last year (上年, the year before, 执行数): not this year's figure. */
  lastYear: boolean;
}

const AMOUNT = new RegExp(`^${FILLER}(${NUM})(万元|元)(?!/)`);

/** The names of the codes the tables hold, and of every 类 (today's and former). */
export function subjectNames(disclosure: Disclosure, catalog: Catalog): SubjectNames {
  const names = new Map<string, Set<string>>();
  const add = (code: string, name: string) => {
    const plain = plainText(name);
    if (plain) (names.get(code) ?? names.set(code, new Set()).get(code)!).add(plain);
  };
  for (const e of catalog.entries("functional")) for (const n of [e.name, ...e.variants]) add(e.code, n);
  for (const table of disclosure.tables.values())
    for (const col of table.decl.columns) if (col.kind === "code") for (const r of codeRows(table, col.key)) if (r.name) add(r.code, r.name);
  const classes = new Map<string, string>();
  for (const e of catalog.classNames()) classes.set(plainText(e.name), e.code);
  for (const f of catalog.formerNames()) if (f.code.length === 3) classes.set(plainText(f.name), f.code);
  return { classes, names, bare: bareNames(disclosure, catalog, names, classes) };
}

/**
 * The 款 and 项 names a text may write alone (专项普查活动25.77万元): a name of four characters or more that one code
 * alone bears, among the tables' and the catalogue's names, printed in the tables; no 类 name, and no name of an
 * economic item (公务接待费 is 30217's as well). 行政运行 and 一般行政管理事务 name many codes: never alone.
 */
function bareNames(disclosure: Disclosure, catalog: Catalog, names: Map<string, Set<string>>, classes: Map<string, string>): Map<string, string> {
  const printed = new Set<string>();
  for (const table of disclosure.tables.values())
    for (const col of table.decl.columns) if (col.kind === "code") for (const r of codeRows(table, col.key)) printed.add(r.code);
  const econ = new Set(
    (["econDept", "econGov"] as const).flatMap((kind) => catalog.entries(kind).flatMap((e) => [e.name, ...e.variants].map(plainText))),
  );
  const byName = new Map<string, string[]>();
  for (const [code, set] of names) for (const n of set) byName.set(n, [...(byName.get(n) ?? []), code]);
  const out = new Map<string, string>();
  for (const [n, codes] of byName)
    if (codes.length === 1 && codes[0].length > 3 && printed.has(codes[0]) && n.length >= 4 && !econ.has(n) && !classes.has(n)) out.set(n, codes[0]);
  return out;
}

/**
 * The mentions of one paragraph's plain text with the amount right after them, leftmost first. `lastYear` matches
 * the words that make a figure last year's.
 */
export function mentionsIn(
  plain: string,
  names: SubjectNames,
  lastYear: RegExp,
): { subjects: Subject[]; mentions: Mention[]; unresolved: Subject[] } {
  const subjects = subjectsIn(plain, names);
  const found: { code: string; written: string; misnamed?: Subject["misnamed"]; start: number; end: number }[] = [];
  const unresolved: Subject[] = [];
  for (const s of subjects) {
    if (s.code !== null) found.push({ code: s.code, written: s.written, misnamed: s.misnamed, start: s.start, end: s.end });
    else if (statedAfter(plain, s.start, s.end, lastYear)) unresolved.push(s);
  }
  const taken = (a: number, b: number) => subjects.some((f) => a < f.end && b > f.start);
  for (const [name, code] of names.classes)
    for (let at = plain.indexOf(name); at >= 0; at = plain.indexOf(name, at + 1))
      if (!taken(at, at + name.length) && plain[at + name.length] !== "(" && !inLongerName(names, plain, name, at))
        found.push({ code, written: name, start: at, end: at + name.length });
  const out: Mention[] = [];
  for (const f of found) {
    const stated = statedAfter(plain, f.start, f.end, lastYear);
    if (stated) out.push({ code: f.code, written: f.written, ...(f.misnamed ? { misnamed: f.misnamed } : {}), ...stated });
  }
  return { subjects, mentions: out.sort((a, b) => a.at - b.at), unresolved };
}

/** Where the clause holding offset `at` of a plain text begins: after the last , ; 。 or : before it. */
export const clauseStart = (plain: string, at: number): number => Math.max(0, ...[",", ";", "。", ":"].map((p) => plain.lastIndexOf(p, at - 1) + 1));

/** The amount written right after a name standing at `start`…`end` of a plain text (filler words between), if any. */
export function statedAfter(
  plain: string,
  start: number,
  end: number,
  lastYear: RegExp,
): Pick<Mention, "amount" | "unit" | "at" | "text" | "lastYear"> | null {
  const m = AMOUNT.exec(plain.slice(end));
  if (!m) return null;
  const clause = plain.slice(clauseStart(plain, start), end + m[0].length);
  return {
    amount: new Decimal(m[1].replace(/,/g, "")),
    unit: m[2] as Mention["unit"],
    at: end + m[0].length - m[1].length - m[2].length,
    text: plain.slice(start, end + m[0].length),
    lastYear: lastYear.test(clause),
  };
}

export interface Sentence {
  /** As compared (plainText), and where it begins in the paragraph's plain text. */
  plain: string;
  start: number;
  /** As written: what a finding quotes. */
  written: string;
}

/**
 * The sentences of a paragraph — up to and with 。;!? (a ; ends a sentence of a list) — as compared and as written.
 * plainText keeps the stops (in their NFKC forms), so the k-th of one is the k-th of the other.
 */
export function sentencesOf(text: string, plain: string): Sentence[] {
  const written = [...text.matchAll(/[^。;；!！?？]*[^。;；!！?？\s][^。;；!！?？]*[。;；!！?？]*/g)].map((m) => m[0].trim());
  const out: Sentence[] = [];
  for (const m of plain.matchAll(/[^。;!?]+[。;!?]*/g)) out.push({ plain: m[0], start: m.index!, written: "" });
  out.forEach((s, k) => (s.written = written.length === out.length ? written[k] : s.plain));
  return out;
}
