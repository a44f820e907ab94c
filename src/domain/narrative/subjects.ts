/**
 * The 支出功能分类 科目 a text names, in every form budget texts write them, resolved to one code or to none:
 * - a path of levels in brackets: 一般公共服务支出（类）商贸事务（款）行政运行（项）, the codes in the brackets or not
 *   (一般公共服务支出（201类）商贸事务（13款）行政运行（01项）), 款 and 项 optional;
 * - codes by level: 201类13款01项;
 * - names joined by dashes: “卫生健康支出-行政事业单位医疗-行政单位医疗”科目;
 * - a code and the name after it: 2080501行政单位离退休;
 * - a 款 or 项 name alone with its amount after it, where one code bears that name (SubjectNames.bare).
 * Each level is found among the names the tables print and the catalogue records (SubjectNames). A path whose level
 * names no code, or several, has no code: nothing is said about it (the caller counts it unresolved). Where codes
 * and names are both written and disagree, the code decides and the name is kept for N05.
 */
import { normalizeName } from "../catalog/catalog";
import { escapeRegExp } from "../read/texts";

/** The names the text may give each code: the tables' names and the catalogue's (with its variants). */
export interface SubjectNames {
  /** plain name → code, for the 类 (and the names earlier catalogues gave them). */
  classes: Map<string, string>;
  /** code → its names (plain) as the tables print them and the catalogue records them. */
  names: Map<string, Set<string>>;
  /** plain name → code, for the 款 and 项 names a text may write alone (one code bears each). */
  bare: Map<string, string>;
}

export interface Subject {
  /** The code it names; null when a level could not be told. */
  code: string | null;
  /** Where it stands in the plain text, and as written there. */
  start: number;
  end: number;
  written: string;
  /** A level whose written name is not a name of the code written beside it. */
  misnamed?: { name: string; code: string };
}

/** One level as written: its name, its code (2 digits under a parent, or the whole code), or both. */
interface Level {
  name?: string;
  code?: string;
}

const NAME = String.raw`[^\d,;:。、()\-—–/]`;
/** 名(201类)名(13款)名(01项); codes optional, 款 and 项 optional. */
const BRACKETED = new RegExp(
  String.raw`(${NAME}{2,40}?)\((\d{3})?类\)(?:(${NAME}{2,30}?)\((\d{2}|\d{5})?款\))?(?:(${NAME}{2,30}?)\((\d{2}|\d{7})?项\))?`,
  "g",
);
/** Where a code may begin: not inside a number (1,234.5), but after a list number (7.2040199: spaces are gone in plain text). */
const LEAD = String.raw`(?:(?<=^\d{1,3}[.、])|(?<![\d.])(?<!\d,))`;
/** 201类13款01项 (款 and 项 optional). */
const CODED = new RegExp(`${LEAD}(\\d{3})类(?:(\\d{2})款)?(?:(\\d{2})项)?`, "g");
/** 名-名-名 (two or three levels), the last running on to the words after it. */
const DASHED = new RegExp(String.raw`(${NAME}{2,40})[-—–/](${NAME}{2,30})(?:[-—–/](${NAME}{2,40}))?`, "g");
/** A code of 3, 5 or 7 digits and the name written after it. */
const CODE_NAME = new RegExp(`${LEAD}(2\\d{2}(?:\\d{2}){0,2})(?![\\d.,%年])([^\\d,;:。、]{2,30})`, "g");
/** Words between a 科目 and its amount: 卫生健康支出为51.02万元, …（项）科目预算数为…, …（项）安排… */
export const FILLER = String.raw`(?:科目|支出|预算数?|拨款|安排|合计|共计|为|是|:)*`;
/** Those words, then an amount. */
const AMOUNT_NEXT = new RegExp(`^${FILLER}\\d`);

const namesOf = (names: SubjectNames, code: string) => names.names.get(code);

/** Whether `name` is a name of `code` (the tables' or the catalogue's), as compared, with or without a closing 支出. */
export function namesCode(names: SubjectNames, code: string, name: string): boolean {
  const known = namesOf(names, code);
  if (!known) return false;
  const plain = normalizeName(name);
  return [...known].some((n) => plain === normalizeName(n) || plain === normalizeName(n).replace(/支出$/, ""));
}

const childrenRead = new WeakMap<SubjectNames, Map<string, Map<string, string[]>>>();

/** parent code → name → the codes one level below it bearing that name; once per SubjectNames. */
function childrenOf(names: SubjectNames, parent: string): Map<string, string[]> {
  let all = childrenRead.get(names);
  if (!all) {
    all = new Map();
    for (const [code, set] of names.names) {
      if (code.length < 5) continue;
      const under = all.get(code.slice(0, -2)) ?? all.set(code.slice(0, -2), new Map()).get(code.slice(0, -2))!;
      for (const name of set) under.set(name, [...(under.get(name) ?? []), code]);
    }
    childrenRead.set(names, all);
  }
  return all.get(parent) ?? new Map();
}

/** The codes one level below `parent` (or the 类) that bear `name`. */
function childrenNamed(names: SubjectNames, parent: string | null, name: string): string[] {
  if (parent === null) {
    const code = names.classes.get(name);
    return code ? [code] : [];
  }
  return childrenOf(names, parent).get(name) ?? [];
}

/** The 类 a run of words ends with (the longest name): the words before it (其中, 1.) are not part of the path. */
function classAtEnd(names: SubjectNames, text: string): string | undefined {
  let best: string | undefined;
  for (const name of names.classes.keys()) if (text.endsWith(name) && (!best || name.length > best.length)) best = name;
  return best;
}

/** The code of a path of levels, top down; null where a level names no code or several. */
function resolve(names: SubjectNames, levels: Level[]): Pick<Subject, "code" | "misnamed"> {
  let code: string | null = null;
  let misnamed: Subject["misnamed"];
  for (const level of levels) {
    const width: number = code === null ? 3 : code.length + 2;
    let next: string | null = null;
    if (level.code) {
      next = level.code.length === width ? level.code : code !== null && level.code.length === 2 ? code + level.code : null;
      if (next === null || (code !== null && !next.startsWith(code))) return { code: null };
      if (level.name && namesOf(names, next) && !namesCode(names, next, level.name)) misnamed ??= { name: level.name, code: next };
    } else if (level.name) {
      const found = childrenNamed(names, code, level.name);
      if (found.length !== 1) return { code: null };
      next = found[0];
    } else return { code: null };
    code = next;
  }
  return { code, ...(misnamed ? { misnamed } : {}) };
}

/** The longest name of a child of `parent` that `text` starts with, and the words left after it. */
function leadingChild(names: SubjectNames, parent: string, text: string): { code: string; name: string } | null {
  let best: { codes: string[]; name: string } | null = null;
  for (const [name, codes] of childrenOf(names, parent)) if (text.startsWith(name) && (!best || name.length > best.name.length)) best = { codes, name };
  // Two codes of one name under one parent: not told apart.
  return best && best.codes.length === 1 ? { code: best.codes[0], name: best.name } : null;
}

const longerRead = new WeakMap<SubjectNames, Map<string, string[]>>();

/**
 * Whether `name` at `at` of `plain` is part of a longer name of some code standing there (公共安全支出 in
 * 其他公共安全支出, 城乡社区管理事务 in 其他城乡社区管理事务支出): it is then that name, not its own.
 */
export function inLongerName(names: SubjectNames, plain: string, name: string, at: number): boolean {
  const cache = longerRead.get(names) ?? longerRead.set(names, new Map()).get(names)!;
  let longer = cache.get(name);
  if (!longer) {
    const all = new Set([...names.names.values()].flatMap((set) => [...set]));
    longer = [...all].filter((n) => n.length > name.length && n.includes(name));
    cache.set(name, longer);
  }
  for (const n of longer)
    for (let k = n.indexOf(name); k >= 0; k = n.indexOf(name, k + 1)) if (at >= k && plain.startsWith(n, at - k)) return true;
  return false;
}

const barePatterns = new WeakMap<SubjectNames, RegExp | null>();

/** One pattern for every name written alone (the longest first, looked ahead so that overlapping names are all seen). */
function bareNamesPattern(names: SubjectNames): RegExp | null {
  if (!barePatterns.has(names)) {
    const list = [...names.bare.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
    barePatterns.set(names, list.length ? new RegExp(`(?=(${list.join("|")}))`, "g") : null);
  }
  return barePatterns.get(names)!;
}

/** The subjects of one plain text (plainText: quotes removed, brackets ASCII), leftmost first, none overlapping. */
export function subjectsIn(plain: string, names: SubjectNames): Subject[] {
  const found: Subject[] = [];
  const taken = (a: number, b: number) => found.some((f) => a < f.end && b > f.start);
  const push = (s: Subject) => {
    if (!taken(s.start, s.end)) found.push(s);
  };
  // Each form is looked for only where its mark stands: most sentences name no 科目.
  for (const m of plain.includes("类)") ? plain.matchAll(BRACKETED) : []) {
    const written = m[1];
    // The 类 name ends the words before （类）; with a code in the bracket, any name may stand there.
    const cls = classAtEnd(names, written) ?? (m[2] ? written : undefined);
    if (!cls) continue;
    const start = m.index! + written.length - cls.length;
    const end = m.index! + m[0].length;
    const levels: Level[] = [{ name: cls, code: m[2] }];
    if (m[3] !== undefined || m[4] !== undefined) levels.push({ name: m[3], code: m[4] });
    if (m[5] !== undefined || m[6] !== undefined) levels.push({ name: m[5], code: m[6] });
    push({ ...resolve(names, levels), start, end, written: plain.slice(start, end) });
  }
  for (const m of plain.includes("类") ? plain.matchAll(CODED) : []) {
    const levels: Level[] = [m[1], m[2], m[3]].filter((c): c is string => c !== undefined).map((code) => ({ code }));
    push({ ...resolve(names, levels), start: m.index!, end: m.index! + m[0].length, written: m[0] });
  }
  for (const m of /[-—–/]/.test(plain) ? plain.matchAll(DASHED) : []) {
    const cls = classAtEnd(names, m[1]);
    if (!cls) continue;
    const start = m.index! + m[1].length - cls.length;
    // The middle level is bounded by dashes; the last runs on (…行政单位医疗科目78.29万元): its longest name is taken.
    const parents = m[3] !== undefined ? childrenNamed(names, names.classes.get(cls)!, m[2]) : [names.classes.get(cls)!];
    const lastText = m[3] ?? m[2];
    const last = parents.length === 1 ? leadingChild(names, parents[0], lastText) : null;
    const end = last ? m.index! + m[0].length - lastText.length + last.name.length : m.index! + m[0].length;
    push({ code: last ? last.code : null, start, end, written: plain.slice(start, end) });
  }
  for (const m of plain.matchAll(CODE_NAME)) {
    const name = m[2].replace(/(?:科目|预算数?|拨款|安排|合计|共计|为|是|:)+$/, "");
    const misnamed = namesOf(names, m[1]) && !namesCode(names, m[1], name);
    push({ code: m[1], start: m.index!, end: m.index! + m[1].length + name.length, written: m[1] + name, ...(misnamed ? { misnamed: { name, code: m[1] } } : {}) });
  }
  // A name written alone is a subject only with its amount after it (主要用于专项普查活动 names no figure).
  const bare = bareNamesPattern(names);
  for (const m of bare ? plain.matchAll(bare) : []) {
    const [name, at] = [m[1], m.index!];
    const end = at + name.length;
    if (AMOUNT_NEXT.test(plain.slice(end)) && !inLongerName(names, plain, name, at)) push({ code: names.bare.get(name)!, start: at, end, written: name });
  }
  return found.sort((a, b) => a.start - b.start);
}
