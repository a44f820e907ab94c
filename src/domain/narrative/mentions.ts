/**
 * What any text says of 支出功能分类 科目, wherever it says it — hand-written, pasted from Word, not only the
 * sentences the pack's sections declare: a 科目 named by its 类 name (or a name an earlier catalogue gave it), by a
 * 类/款/项 path (一般公共服务支出（类）商贸事务（款）行政运行（项）) or by its code and name (2080501行政单位离退休),
 * with the amount written right after it. A bare 款 or 项 name is passed over: 行政运行 and 住房公积金 name many
 * codes, or an economic item as well.
 */
import { normalizeName, type Catalog } from "../catalog/catalog";
import { Decimal } from "../money";
import { codeRows } from "../read/model";
import type { Disclosure } from "../read/read";
import { plainText } from "./facts";

export interface Mention {
  code: string;
  /** The 科目 as written (plain): the path, the 类 name, or the code and name. */
  written: string;
  /** The name written after a code, as compared; undefined for a path or a 类 name. */
  codeName?: string;
  amount: Decimal;
  unit: "万元" | "元";
  /** Where the amount stands in the plain text. */
  at: number;
  /** The whole mention with its amount, as written (plain). */
  text: string;
  /** Said of last year (上年, the year before, 执行数): not this year's figure. */
  lastYear: boolean;
}

/** The names the text may give each code: the tables' names and the catalogue's (with its variants). */
export interface SubjectNames {
  /** plain name → code, for the 类 (and the names earlier catalogues gave them). */
  classes: Map<string, string>;
  /** code → its names (plain) as the tables print them and the catalogue records them. */
  names: Map<string, Set<string>>;
}

const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
/** Words between a 科目 and its amount: 卫生健康支出为51.02万元, …（项）科目预算数为…, …（项）安排… */
const FILLER = String.raw`(?:科目|支出|预算数?|拨款|安排|合计|共计|为|是|:)*`;
const AMOUNT = new RegExp(`^${FILLER}(${NUM})(万元|元)(?!/)`);
/** A path of 类, 款 and 项 (plain text: full-width brackets are ASCII after NFKC). */
const PATH = /([^\d,;:。、()]{2,40}?)\(类\)(?:([^\d,;:。、()]{2,20}?)\(款\))?(?:([^\d,;:。、()]{2,20}?)\(项\))?/g;
/** A code of 3, 5 or 7 digits and the name written after it. */
const CODE = /(?<![\d.,])(2\d{2}(?:\d{2}){0,2})(?![\d.,%年])([^\d,;:。、]{2,30})/g;

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
  return { classes, names };
}

const named = (names: SubjectNames, code: string, name: string) => names.names.get(code)?.has(plainText(name)) ?? false;

/** The 类 name a text ends with (the longest): what stands before （类） after the words leading to it. */
function classAtEnd(names: SubjectNames, text: string): { name: string; code: string } | undefined {
  let best: { name: string; code: string } | undefined;
  for (const [name, code] of names.classes) if (text.endsWith(name) && (!best || name.length > best.name.length)) best = { name, code };
  return best;
}

/** The code a path names: its 类 by name, then each level down among the codes named so. */
function codeOfPath(names: SubjectNames, cls: string, parts: (string | undefined)[]): string | undefined {
  let code = cls;
  for (const part of parts) {
    if (!part) break;
    const under = [...names.names.keys()].filter((c) => c.length === code.length + 2 && c.startsWith(code) && named(names, c, part));
    if (under.length !== 1) return undefined;
    code = under[0];
  }
  return code;
}

/**
 * The mentions of one paragraph's plain text with the amount right after them, leftmost first. `lastYear` matches
 * the words that make a figure last year's.
 */
export function mentionsIn(plain: string, names: SubjectNames, lastYear: RegExp): Mention[] {
  const found: (Omit<Mention, "amount" | "unit" | "at" | "text" | "lastYear"> & { start: number; end: number })[] = [];
  const taken = (a: number, b: number) => found.some((f) => a < f.end && b > f.start);
  for (const m of plain.matchAll(PATH)) {
    const cls = classAtEnd(names, m[1]);
    const code = cls && codeOfPath(names, cls.code, [m[2], m[3]]);
    // The words before the 类 name (其中, 1.) are not the path.
    const start = m.index! + m[1].length - (cls?.name.length ?? 0);
    if (code) found.push({ code, written: plain.slice(start, m.index! + m[0].length), start, end: m.index! + m[0].length });
  }
  for (const m of plain.matchAll(CODE)) {
    if (taken(m.index!, m.index! + m[0].length)) continue;
    // The name runs up to the amount; the filler words before it are not part of it.
    const name = m[2].replace(/(?:科目|预算数?|拨款|安排|合计|共计|为|是|:)+$/, "");
    found.push({ code: m[1], written: m[1] + name, codeName: name, start: m.index!, end: m.index! + m[1].length + name.length });
  }
  for (const [name, code] of names.classes)
    for (let at = plain.indexOf(name); at >= 0; at = plain.indexOf(name, at + 1))
      if (!taken(at, at + name.length) && plain[at + name.length] !== "(") found.push({ code, written: name, start: at, end: at + name.length });
  const out: Mention[] = [];
  for (const f of found) {
    const stated = statedAfter(plain, f.start, f.end, lastYear);
    if (stated) out.push({ code: f.code, written: f.written, codeName: f.codeName, ...stated });
  }
  return out.sort((a, b) => a.at - b.at);
}

/** The amount written right after a name standing at `start`…`end` of a plain text (filler words between), if any. */
export function statedAfter(
  plain: string,
  start: number,
  end: number,
  lastYear: RegExp,
): Pick<Mention, "amount" | "unit" | "at" | "text" | "lastYear"> | null {
  const m = AMOUNT.exec(plain.slice(end));
  if (!m) return null;
  const clause = plain.slice(Math.max(0, ...[",", ";", "。", ":"].map((p) => plain.lastIndexOf(p, start - 1) + 1)), end + m[0].length);
  return {
    amount: new Decimal(m[1].replace(/,/g, "")),
    unit: m[2] as Mention["unit"],
    at: end + m[0].length - m[1].length - m[2].length,
    text: plain.slice(start, end + m[0].length),
    lastYear: lastYear.test(clause),
  };
}

/** A code named wrong after its number: the name is neither the tables' nor the catalogue's (nor a filler). */
export function misnamed(names: SubjectNames, m: Mention): boolean {
  if (m.codeName === undefined || !names.names.has(m.code)) return false;
  const known = names.names.get(m.code)!;
  const plain = normalizeName(m.codeName);
  return ![...known].some((n) => plain === normalizeName(n) || plain === normalizeName(n).replace(/支出$/, ""));
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
