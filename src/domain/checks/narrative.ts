/**
 * X17 and N01–N08 of RULES.md over the 情况说明 as the clerk edited it (options.inputs.narrative; nothing is said
 * without one), its sections those of the pack's narrative. X17 compares every figure the text states with the
 * figures generated from the tables and inputs; the N rules read the text on its own terms. A finding stands at its
 * section's cell in the sheet the text is edited on.
 */
import { Decimal, formatAmount, sum } from "../money";
import { hasFigures } from "../read/model";
import { departmentOf } from "../read/read";
import type { NarrativeSection } from "../inputs";
import { narrativeFacts, plainText, type Item, type NarrativeFacts } from "../narrative/facts";
import { sectionHeading, sectionTitle } from "../narrative/narrative";
import { clauseStart, mentionsIn, sentencesOf, statedAfter, subjectNames, type Mention, type Sentence } from "../narrative/mentions";
import type { Subject, SubjectNames } from "../narrative/subjects";
import { isUp, lastYear, NUM, otherKind, readStatements, sectionOf, TOKENS, type Statement } from "../narrative/statements";
import { exactRate, rateOf } from "../narrative/wording";
import type { CheckContext } from "./context";
import type { Place } from "../finding";
import type { CheckKind, CheckOf } from "../packs/checks";
import { packText } from "../packs/text";
import type { Kinds } from "./kind";

export interface ReadParagraph {
  /** As written, and as compared. */
  text: string;
  plain: string;
  /** Its cell: a finding about what it says stands there. */
  at: Place;
  /** Where it begins in its section's plain text. */
  start: number;
  /** The 科目 it names, in any form, and those it states an amount for (offsets in `plain`). */
  subjects: Subject[];
  mentions: Mention[];
  /** 科目 written with an amount after them whose code could not be told: nothing is said of them. */
  unresolved: Subject[];
  sentences: Sentence[];
}

export interface ReadSection {
  /** The pack's section it is (by id), when its heading names one. */
  id: string | undefined;
  /** How messages name it: “一、部门预算收支数据变动情况及原因”. */
  name: string;
  /** Its first paragraph's cell: a finding about the section as a whole stands there. */
  at: Place;
  /** Its text as written, and as compared (its paragraphs' plain texts joined). */
  text: string;
  plain: string;
  paragraphs: ReadParagraph[];
  statements: Statement[];
}

/** The sentence of a paragraph holding offset `at` of its plain text. */
export const sentenceAt = (p: ReadParagraph, at: number): Sentence =>
  p.sentences.find((s) => at >= s.start && at < s.start + s.plain.length) ?? { plain: p.plain, start: 0, written: p.text };

/** `from` replaced by `to` in the sentence as written, or as compared when it is not found there as written. */
export const corrected = (s: Sentence, from: string, to: string): string => (s.written.includes(from) ? s.written.replace(from, to) : s.plain.replace(from, to));

/** The paragraph holding offset `at` of its section's plain text. */
export function paragraphAt(s: ReadSection, at: number): ReadParagraph {
  let k = s.paragraphs.length - 1;
  while (k > 0 && s.paragraphs[k].start > at) k--;
  return s.paragraphs[k];
}

/** A section's paragraphs, each at its cell (at the section's cell when read without cells). */
function paragraphsOf(s: NarrativeSection, at: Place, names: SubjectNames, last: RegExp): ReadParagraph[] {
  let start = 0;
  return s.text.split("\n").map((text, i) => {
    const plain = plainText(text);
    const cell = s.cells?.[i];
    const p = { text, plain, at: cell ? { table: "", ...cell } : at, start, ...mentionsIn(plain, names, last), sentences: sentencesOf(text, plain) };
    start += plain.length;
    return p;
  });
}

export interface Narrative {
  facts: NarrativeFacts;
  names: SubjectNames;
  /** Words that make a figure last year's (上年, the year before, 执行数) or of another kind (otherKinds). */
  lastYear: RegExp;
  /** The pack's words of figures of another kind than the text's own (决算 in a budget's text). */
  otherKinds: readonly string[];
  sections: ReadSection[];
  /** Where a finding about the text as a whole stands: its first section. */
  at: Place;
}

/** A section's cell; a text without cell references is placed at the top of the sheet it would be edited on. */
const placeOf = (s: NarrativeSection | undefined, sheet: string): Place => (s?.ref ? { table: "", ...s.ref } : { table: "", sheet, cell: "A1" });

const read = new WeakMap<CheckContext, Narrative | null>();

/** The edited text read once per run, with the facts of the tables it is compared with. */
export function narrativeOf(ctx: CheckContext): Narrative | null {
  if (!read.has(ctx)) {
    const inputs = ctx.options.inputs;
    const decl = ctx.pack.narrative;
    if (!inputs?.narrative || !decl) read.set(ctx, null);
    else {
      const department = departmentOf(ctx.disclosure);
      const catalog = ctx.options.catalog;
      const facts = narrativeFacts({ pack: ctx.pack, disclosure: ctx.disclosure, catalog, department, year: catalog.year, inputs });
      const sheet = packText(ctx.pack, decl.sheets[0].name, catalog.year);
      const names = subjectNames(ctx.disclosure, catalog);
      // Last year's figures, and figures of another kind (上年预算执行数, 决算数 in a budget): not the text's own.
      const other = otherKind(decl.otherKinds);
      const last = new RegExp(`${lastYear(catalog.year).source}|执行|${other.source}`);
      read.set(ctx, {
        facts,
        names,
        lastYear: last,
        otherKinds: decl.otherKinds,
        at: placeOf(inputs.narrative[0], sheet),
        sections: inputs.narrative.map((s) => {
          const id = sectionOf(decl.sections, s)?.id;
          const at = placeOf(s, sheet);
          const paragraphs = paragraphsOf(s, at, names, last);
          return {
            id,
            name: `“${s.number ? `${s.number}、` : ""}${s.title}”`,
            at,
            text: s.text,
            plain: paragraphs.map((p) => p.plain).join(""),
            paragraphs,
            statements: id ? readStatements(paragraphs, facts.sections[id], catalog.year, other) : [],
          };
        }),
      });
    }
  }
  return read.get(ctx)!;
}

/** The kinds over the 情况说明 text; those over any text's wording are in text.ts. */
type NarrativeKind = Extract<CheckKind, `narrative${string}`>;
export type TextKind = "narrativeSubjectAmounts" | "narrativeScope" | "narrativePunctuation";

/** A kind over the edited text; nothing is said when the workbook has none. */
export const narrativeCheck =
  <K extends NarrativeKind>(run: (ctx: CheckContext, n: Narrative, check: CheckOf<K>) => void) =>
  (ctx: CheckContext, check: CheckOf<K>) => {
    const n = narrativeOf(ctx);
    if (n) run(ctx, n, check);
  };

const signed = (c: { word: string; amount: Decimal }): Decimal => (isUp(c.word) ? c.amount : c.amount.neg());
const direction = (d: Decimal, up: string, down: string): string => (d.isZero() ? "持平" : d.gt(0) ? up : down);
const quoted = (it: Item) => `“${it.name}”`;
const pct = (v: Decimal) => v.toFixed(2);

/**
 * The rate `stated` against the rate of this year's figure `now` over last year's `last`: null when it fits, else
 * the rate it should be. Outside strict mode `now` may be anywhere within ±0.005 of what is written and `last`
 * within ±`lastSpread` (0.01 when it is derived from two written figures): the rate may have been computed before
 * rounding; and the rate itself is rounded.
 */
function misfitRate(ctx: CheckContext, stated: Decimal, now: Decimal, last: Decimal, lastSpread = "0.005"): Decimal | null {
  const expected = rateOf(now.minus(last), last);
  if (!expected || ctx.options.strict) return expected && !stated.eq(expected) ? expected : null;
  const half = new Decimal("0.005");
  const spread = new Decimal(lastSpread);
  const rates = [half, half.neg()].flatMap((a) => [spread, spread.neg()].map((b) => exactRate(now.plus(a).minus(last.plus(b)), last.plus(b))));
  const known = rates.filter((r): r is Decimal => r !== null);
  const fits = stated.gte(Decimal.min(...known).minus(half)) && stated.lte(Decimal.max(...known).plus(half));
  return fits ? null : expected;
}

/** X17: each figure, share, change and last year's figure stated, against the tables and the inputs. */
const X17 = narrativeCheck<"narrativeFigures">((ctx, n) => {
  for (const s of n.sections) {
    const sharesOk: boolean[] = [];
    for (const st of s.statements) {
      const it = st.item;
      if (it.amount === null) continue;
      const at = paragraphAt(s, st.at).at;
      const say = (what: string, actual: Decimal | string, expected: Decimal | string, unit: string) =>
        ctx.report(at, { params: { section: s.name, item: quoted(it), what, unit }, actual, expected, related: it.source });
      const compare = (what: string, actual: Decimal, expected: Decimal, unit: string) =>
        ctx.compare(at, actual, expected, 1, { params: { section: s.name, item: quoted(it), what, unit }, related: it.source });

      if (it.unit === "个") {
        if (!st.amount.eq(it.amount)) say("", st.amount.toFixed(0), it.amount.toFixed(0), "个");
      } else compare("", st.amount, it.amount, "万元");
      if (it.share !== undefined && st.share !== undefined) sharesOk.push(compare("占比", st.share, it.share, "%"));

      const last = it.previous;
      if (last === undefined || last === null) continue;
      const d = it.amount.minus(last);
      if (st.previous !== undefined) compare("上年数", st.previous, last, "万元");
      if (st.same && !d.isZero()) say("增减方向", "“持平”", `“${direction(d, "增加", "减少")}”`, "");
      if (st.change) {
        const stated = signed(st.change);
        if (stated.isZero() !== d.isZero() || stated.gt(0) !== d.gt(0))
          say("增减方向", `“${st.change.word}”`, `“${direction(d, "增加", "减少")}”`, "");
        else compare("比上年增减额", stated.abs(), d.abs(), "万元");
      }
      if (st.rate && !last.isZero()) {
        const misfit = misfitRate(ctx, st.rate.value.abs(), it.amount, last);
        if (isUp(st.rate.word) !== d.gt(0)) say("增减方向", `“${st.rate.word}”`, `“${direction(d, "增长", "下降")}”`, "");
        else if (misfit) say("增减幅度", st.rate.value.abs(), misfit, "%");
      }
    }
    // The shares of a list sum to 100.00% when all are stated and each is right.
    const listed = s.id ? n.facts.sections[s.id].filter((it) => it.share !== undefined && it.amount !== null) : [];
    const first = (it: Item) => s.statements.find((st) => st.item === it && st.share !== undefined);
    const stated = listed.map(first);
    if (listed.some((it) => !it.share!.isZero()) && listed.every((it, k) => stated[k] || it.share!.isZero()) && sharesOk.every(Boolean)) {
      const total = sum(stated.map((st) => st?.share));
      if (!total.eq(100))
        ctx.report(s.at, { params: { section: s.name, item: "所列各项", what: "占比合计", unit: "%" }, actual: total, expected: new Decimal(100) });
    }
  }
});

const N01 = narrativeCheck<"narrativeSections">((ctx, n) => {
  for (const s of ctx.pack.narrative!.sections)
    if (!n.sections.some((r) => r.id === s.id && r.plain !== ""))
      ctx.report(n.at, {
        params: { section: sectionHeading(ctx.pack, s, ctx.options.catalog.year) || sectionTitle(ctx.pack, s, ctx.options.catalog.year) },
      });
});

/** N02: change, rate and last year's figure as stated beside a figure, against each other. */
const N02 = narrativeCheck<"narrativeChanges">((ctx, n) => {
  for (const s of n.sections)
    for (const st of s.statements) {
      const say = (detail: string, r: { expected?: Decimal; actual?: Decimal } = {}) =>
        ctx.report(paragraphAt(s, st.at).at, { params: { section: s.name, item: quoted(st.item), detail }, ...r });
      const { change, rate, same } = st;
      if (change && (change.amount.isNeg() || change.amount.isZero()))
        say(`写作“${change.word}${formatAmount(change.amount)}万元”，增减方向与数额矛盾${change.amount.isZero() ? "（无变化应写持平）" : ""}`);
      if (change && rate && isUp(change.word) !== isUp(rate.word)) say(`先称“${change.word}”，后称“${rate.word}”，增减方向矛盾`);
      if (same && change && !change.amount.isZero()) say(`既称“${same}”，又称“${change.word}${formatAmount(change.amount)}万元”`);
      const d = st.previous !== undefined ? st.amount.minus(st.previous) : change ? signed(change) : undefined;
      if (st.previous !== undefined && d) {
        const prev = `${formatAmount(st.amount)}万元与上年 ${formatAmount(st.previous)}万元`;
        if (change && !change.amount.isNeg() && !ctx.within(signed(change), d, 2))
          say(`称“${change.word}${formatAmount(change.amount)}万元”，按文中${prev}应为${direction(d, "增加", "减少")} ${formatAmount(d.abs())}万元`, {
            expected: d,
            actual: signed(change),
          });
        if (same && !ctx.within(d, new Decimal(0), 2)) say(`称“${same}”，但文中${prev}相差 ${formatAmount(d)}万元`);
        if (!change && !same && rate && isUp(rate.word) !== d.gt(0)) say(`称“${rate.word}”，但文中${prev}应为${direction(d, "增长", "下降")}`);
      }
      const misfit = rate && d && misfitRate(ctx, rate.value.abs(), st.amount, st.amount.minus(d), st.previous !== undefined ? "0.005" : "0.01");
      if (rate && misfit) say(`称“${rate.word}${pct(rate.value)}%”，按文中数字应为 ${pct(misfit)}%`, { expected: misfit, actual: rate.value.abs() });
    }
  for (const s of n.sections) looseChanges(ctx, s, n.lastYear);
});

const CHANGE = new RegExp(`(增加|减少|上升|下降)了?(-?${NUM})万元`, "g");
const RATE = /(增加|减少|增长|下降|上升)了?(-?\d+(?:\.\d+)?)%/g;
const SAME = /(?:比|较|与|同)(?:上一?年度?|\d{4}年度?)[^,;。]{0,12}?(?:持平|相同|一致)/;
const AMOUNTS = new RegExp(`(${NUM})万元`, "g");

/**
 * N02 on a sentence the pack's items do not cover (a hand-written “A … B … 增长p%”): this year's figure is the first
 * amount of the sentence, last year's the first after it said of last year (or this year's less the change stated);
 * the change, the rate and 持平 against them. The finding quotes the sentence and says what it should say.
 */
function looseChanges(ctx: CheckContext, s: ReadSection, last: RegExp): void {
  const covered = (from: number, to: number) => s.statements.some((st) => st.at >= from && st.at < to && (st.change || st.rate || st.same));
  for (const p of s.paragraphs)
    for (const sentence of p.sentences) {
      const text = sentence.plain;
      const from = p.start + sentence.start;
      if (covered(from, from + text.length)) continue;
      const changes = [...text.matchAll(CHANGE)];
      const rate = [...text.matchAll(RATE)].find((r) => !changes.some((c) => c.index === r.index));
      const change = changes[0];
      const same = SAME.exec(text);
      if (!change && !rate && !same) continue;
      const amounts = [...text.matchAll(AMOUNTS)]
        .filter((a) => !changes.some((c) => a.index! > c.index! && a.index! < c.index! + c[0].length))
        .map((a) => {
          const label = text.slice(Math.max(0, ...[",", ";", ":"].map((b) => text.lastIndexOf(b, a.index! - 1) + 1)), a.index!);
          return { value: new Decimal(a[1].replace(/,/g, "")), last: last.test(label), at: a.index! };
        });
      const now = amounts.find((a) => !a.last);
      if (!now) continue;
      const before = amounts.find((a) => a.last && a.at > now.at)?.value;
      const stated = change && { word: change[1], amount: new Decimal(change[2].replace(/,/g, "")) };
      const say = (detail: string, expected: string) =>
        ctx.report(p.at, { params: { section: s.name, item: `“${sentence.written}”`, detail }, actual: sentence.written, expected });
      const fix = (from: string, to: string) => corrected(sentence, from, to);
      if (stated && rate && isUp(stated.word) !== isUp(rate[1])) {
        say(`先称“${stated.word}”，后称“${rate[1]}”，增减方向矛盾`, fix(rate[0], rate[0].replace(rate[1], isUp(stated.word) ? "增长" : "下降")));
        continue;
      }
      const d = before !== undefined ? now.value.minus(before) : stated ? signed(stated) : undefined;
      if (d === undefined) continue;
      const figures = before !== undefined ? `按文中 ${formatAmount(now.value)}万元与 ${formatAmount(before)}万元` : "按文中数字";
      if (same && before !== undefined && !ctx.within(d, new Decimal(0), 2)) {
        say(`称“持平”，但${figures}应为${direction(d, "增加", "减少")} ${formatAmount(d.abs())}万元`, fix(same[0], `${direction(d, "增加", "减少")}${formatAmount(d.abs())}万元`));
        continue;
      }
      if (stated && before !== undefined) {
        const want = direction(d, "增加", "减少");
        if (stated.word.replace("上升", "增加").replace("下降", "减少") !== want || !ctx.within(stated.amount, d.abs(), 2)) {
          say(`称“${change![0]}”，${figures}应为${want} ${formatAmount(d.abs())}万元`, fix(change![0], `${want}${formatAmount(d.abs())}万元`));
          continue;
        }
      }
      if (rate) {
        const value = new Decimal(rate[2]).abs();
        const misfit = misfitRate(ctx, value, now.value, now.value.minus(d), before !== undefined ? "0.005" : "0.01");
        const word = direction(d, "增长", "下降");
        if (!d.isZero() && isUp(rate[1]) !== d.gt(0)) say(`称“${rate[0]}”，${figures}应为${word}`, fix(rate[0], `${word}${rate[2].replace("-", "")}%`));
        else if (misfit) say(`称“${rate[0]}”，${figures}应为${word} ${pct(misfit)}%`, fix(rate[0], `${rate[1]}${pct(misfit)}%`));
      }
    }
}

/** 主要原因是…, 原因为…, or 由于… with something after it. */
const REASON = /原因(?:是|为|在于)?:?[^,;。:]{2,}|(?:由于|因为)[^,;。]{2,}/;

/** A sentence giving the reason for the changes stated before it: 财政拨款收入支出减少的主要原因是… */
const SUMMARY_REASON = /(?:增加|减少|增长|下降|增减|变动|变化)(?:的)?(?:主要)?原因(?:是|为|在于)?:?[^,;。:]{2,}/;

/**
 * N03: each sentence that states an increase or a decrease says why — in the sentence itself, in the sentence after
 * it (…减少57.14%。主要原因是：项目调整。), or in a later sentence of the section giving the reason for the changes.
 */
const N03 = narrativeCheck<"narrativeReasons">((ctx, n) => {
  for (const s of n.sections) {
    const reported = new Set<number>();
    const sentenceAt = (from: number) => {
      const stops = [s.plain.indexOf("。", from), s.plain.indexOf(";", from)].filter((i) => i >= 0);
      return {
        text: s.plain.slice(from, stops.length ? Math.min(...stops) : undefined),
        end: stops.length ? Math.min(...stops) + 1 : s.plain.length,
      };
    };
    for (const m of s.plain.matchAll(TOKENS)) {
      if (!m.groups!.change && !m.groups!.rate) continue;
      const start = Math.max(s.plain.lastIndexOf("。", m.index!), s.plain.lastIndexOf(";", m.index!)) + 1;
      const sentence = sentenceAt(start);
      const next = sentenceAt(sentence.end).text;
      const explained =
        REASON.test(sentence.text) || (/^原因|^主要原因/.test(next) && REASON.test(next)) || SUMMARY_REASON.test(s.plain.slice(sentence.end));
      if (reported.has(start) || explained) continue;
      reported.add(start);
      ctx.report(paragraphAt(s, m.index!).at, { params: { section: s.name }, actual: m[0] });
    }
  }
});

/**
 * N04: an item stated twice (in one section or two) with two amounts, said once per item and section; and a 科目
 * given two amounts of this year in one paragraph (where the pack's items do not name it both times).
 */
const N04 = narrativeCheck<"narrativeRepeats">((ctx, n) => {
  const seen = new Map<string, { st: Statement; s: ReadSection }>();
  const said = new Set<string>();
  for (const s of n.sections)
    for (const st of s.statements) {
      if (st.item.unit !== "万元") continue;
      const before = seen.get(st.item.key);
      const once = `${st.item.key} ${n.sections.indexOf(s)}`;
      if (!before) seen.set(st.item.key, { st, s });
      else if (!ctx.within(st.amount, before.st.amount) && !said.has(once)) {
        said.add(once);
        const here = paragraphAt(s, st.at).at;
        const there = paragraphAt(before.s, before.st.at).at;
        ctx.report(here, {
          params: { section: s.name, item: quoted(st.item), other: before.s === s ? "前文" : before.s.name },
          actual: st.amount,
          expected: before.st.amount,
          related: there === here ? [] : [there],
        });
      }
    }
  for (const s of n.sections)
    for (const p of s.paragraphs) {
      const first = new Map<string, Mention>();
      for (const m of p.mentions.filter((x) => !x.lastYear)) {
        const before = first.get(m.code);
        const items = s.statements.filter((st) => st.at === p.start + m.at || (before && st.at === p.start + before.at));
        if (!before) first.set(m.code, m);
        else if (m.unit === "万元" && before.unit === "万元" && !ctx.within(m.amount, before.amount) && items.length < 2)
          ctx.report(p.at, {
            params: { section: s.name, item: `“${m.written}”`, other: "同一段前文" },
            actual: m.amount,
            expected: before.amount,
          });
      }
    }
});

/** A 科目 cited by its path, as texts cite them: “一般公共服务支出（类）商贸事务（款）行政运行（项）”, and the figure after it. */
const CITED = /[“"]([^”"]*?（类）[^”"]*?（项）)[”"](?:科目)?([\d,]+(?:\.\d+)?)?/g;

/**
 * N05: a 类 name of an older catalogue (the catalogue records them); a code written with a name that is neither the
 * tables' nor the catalogue's; and a 科目 cited by a path that is none of the 项 the section states (a 款 or 项 named
 * wrong) — the 项 of the same 类 and the same figure is the one it should name.
 */
const N05 = narrativeCheck<"narrativeClassNames">((ctx, n) => {
  const catalog = ctx.options.catalog;
  const formers = catalog.formerNames().flatMap((f) => {
    const current = catalog.get("functional", f.code)?.name;
    return current && !plainText(current).includes(plainText(f.name)) ? [{ plain: plainText(f.name), name: f.name, current }] : [];
  });
  const params = (s: ReadSection) => ({ section: s.name, year: catalog.year });
  for (const s of n.sections) {
    const paths = (s.id ? n.facts.sections[s.id] : []).filter((it) => it.name.includes("（项）"));
    for (const p of s.paragraphs) {
      for (const f of formers) if (p.plain.includes(f.plain)) ctx.report(p.at, { params: params(s), actual: f.name, expected: f.current });
      for (const m of p.mentions)
        if (m.misnamed)
          ctx.report(p.at, { params: params(s), actual: m.written, expected: `${m.misnamed.code}${catalog.get("functional", m.misnamed.code)?.name ?? ""}` });
      if (!paths.length) continue;
      for (const m of p.text.matchAll(CITED)) {
        const cited = m[1];
        if (paths.some((it) => it.aliases.includes(plainText(cited)))) continue;
        const cls = plainText(cited.slice(0, cited.indexOf("（类）")));
        // A 类 named as an older catalogue named it is said above.
        if (formers.some((f) => f.plain === cls)) continue;
        const amount = m[2] ? new Decimal(m[2].replace(/,/g, "")) : null;
        const like = paths.filter((it) => plainText(it.name).startsWith(cls) && amount && it.amount && ctx.within(it.amount, amount));
        ctx.report(p.at, { params: params(s), actual: cited, expected: like.length === 1 ? like[0].name : "表中所列的科目" });
      }
    }
  }
});

type Fund = CheckOf<"narrativeEmptyTables">["funds"][number];
const EMPTY_TABLE = /表[^,;。]*?(?:为空表|无数据|空表|为空)/;

/** N06: what the text says of empty tables, against the tables and against the figures it states. */
const N06 = narrativeCheck<"narrativeEmptyTables">((ctx, n, check) => {
  const funds = check.funds;
  const words = funds.map((f) => f.word).join("|");
  const FUND_WORD = new RegExp(words);
  const NO_FUND = new RegExp(`(?:无|没有|未安排|不涉及|未使用)[^,;。]{0,15}?(${words})`, "g");
  /** Whether the fund's tables have figures; undefined when one is absent (S01 says so). */
  const fundHasFigures = (f: Fund): boolean | undefined => {
    const tables = f.tables.map((id) => ctx.table(id));
    if (tables.some((t) => !t)) return undefined;
    return tables.some((t) => hasFigures(t!));
  };
  const tablesOf = (f: Fund) => f.tables.map((id) => ctx.label(id)).join("、");
  const say = (s: ReadSection, at: Place, detail: string) => ctx.report(at, { params: { section: s.name, detail } });
  for (const s of n.sections) {
    for (const p of s.paragraphs)
      for (const sentence of p.plain.split(/[。;]/)) {
      const clause = sentence.split(/[,:]/).find((c) => EMPTY_TABLE.test(c) && FUND_WORD.test(c));
      const named = clause?.match(FUND_WORD)?.[0];
      const reasons = [...sentence.matchAll(NO_FUND)].map((m) => m[1]);
      if (named && reasons.length && !reasons.includes(named)) say(s, p.at, `称${named}的表无数据，却以“无${reasons[0]}”说明原因`);
      for (const word of new Set([...(named ? [named] : []), ...reasons])) {
        const fund = funds.find((f) => f.word === word)!;
        if (fundHasFigures(fund)) say(s, p.at, `称无${word}（“${sentence}”），但${tablesOf(fund)}有数据`);
      }
    }
    for (const st of s.statements) {
      const fund = funds.find((f) => f.items.includes(st.item.key));
      if (fund && st.amount.gt(0) && fundHasFigures(fund) === false)
        say(s, paragraphAt(s, st.at).at, `称${quoted(st.item)}为 ${formatAmount(st.amount)}万元，但${tablesOf(fund)}无数据`);
    }
  }
});

/**
 * N07: a year other than the budget year and the year before — a year written inside 《》, right after 截至/截止, or in
 * a 立项依据 sentence is a document's or a date's, not a stray one; and a comparison (比/较/与 a year) with any year
 * but the one before the budget year.
 */
const N07 = narrativeCheck<"narrativeYears">((ctx, n) => {
  const year = ctx.options.catalog.year;
  for (const s of n.sections)
    for (const p of s.paragraphs) {
      const titles = [...p.plain.matchAll(/《[^》]*》/g)].map((m) => [m.index!, m.index! + m[0].length]);
      const said = new Set<string>();
      const say = (actual: string, detail: string, expected?: string) => {
        if (said.has(actual)) return;
        said.add(actual);
        ctx.report(p.at, { params: { section: s.name, detail }, actual, expected });
      };
      for (const m of p.plain.matchAll(/(?<!\d)(\d{4})年/g)) {
        const y = Number(m[1]);
        const at = m.index!;
        const before = p.plain.slice(0, at);
        const sentence = before.slice(Math.max(before.lastIndexOf("。"), before.lastIndexOf(";")) + 1);
        if (titles.some(([a, b]) => at > a && at < b) || /(截至|截止)到?$/.test(sentence) || sentence.includes("立项依据")) continue;
        const compared = /(?:比|较|与|同|对比)$/.exec(before);
        if (compared && y !== year - 1)
          say(`${compared[0]}${m[0]}`, `与之比较的应是上年（${year - 1}年）`, `${compared[0]}${year - 1}年`);
        else if (y !== year && y !== year - 1) say(m[0], `既不是预算年度 ${year} 年，也不是上年`);
      }
    }
});

/** N08: 货物 + 工程 + 服务 = 总额, and the share reserved for small and medium firms ≤ 总额, as the text states them. */
const N08 = narrativeCheck<"narrativeProcurement">((ctx, n, check) => {
  // The items by the names the pack gives them (the pack's loading made sure the section has each of them).
  const decl = ctx.pack.narrative!.sections.find((s) => s.id === check.section)!;
  const nameOf = (key: string) => decl.items.find((i) => i.key === key)!.name;
  for (const s of n.sections.filter((r) => r.id === check.section)) {
    const stated = (key: string) => s.statements.find((st) => st.item.key === key)?.amount;
    const total = stated(check.total);
    const parts = check.parts.map(stated);
    if (total && parts.every((p) => p !== undefined)) {
      const sumOf = sum(parts);
      const partNames = check.parts.map(nameOf).join("、");
      ctx.compare(s.at, total, sumOf, parts.length, {
        params: { section: s.name, detail: `${nameOf(check.total)} ${formatAmount(total)}万元不等于${partNames}之和 ${formatAmount(sumOf)}万元` },
      });
    }
    const smes = stated(check.smes);
    if (total && smes && smes.gt(total) && !ctx.within(smes, total))
      ctx.report(s.at, {
        params: { section: s.name, detail: `${nameOf(check.smes)} ${formatAmount(smes)}万元超过${nameOf(check.total)} ${formatAmount(total)}万元` },
        actual: smes,
        expected: total,
      });
  }
});

/** What the reader made of one amount of the text. */
export interface Reading {
  section: string;
  /** The sentence it stands in, as written, and its paragraph's cell. */
  sentence: string;
  at: Place;
  /** The amount as written: 938.99万元. */
  amount: string;
  /**
   * item: a figure of the pack's section (X17 compares it); subject: a 科目's figure of this year (N09 compares it);
   * lastYear: a 科目's figure of last year or of another kind (决算; not compared); unresolved: after a 科目 whose code could not be told;
   * none: the reader could not tell what it is of.
   */
  read: "item" | "subject" | "lastYear" | "unresolved" | "none";
  /** What it is of: the item's name, the 科目 as written with its code. */
  about?: string;
  /** The change and last year's figure stated with it. */
  change?: string;
}

const AMOUNT_WRITTEN = new RegExp(`(${NUM})(万元|元)(?!/)`, "g");

/** Every amount of the edited text with what was read from it, in order (validate --explain-text; N12 counts them). */
export function readingsOf(n: Narrative): Reading[] {
  const out: Reading[] = [];
  for (const s of n.sections) {
    // By where their figures stand: a long text is read in linear time.
    const byAt = new Map(s.statements.map((st) => [st.at, st]));
    const byAlso = new Map(s.statements.flatMap((st) => st.also.map((at) => [at, st] as const)));
    for (const p of s.paragraphs) {
      const unresolvedAt = new Map(p.unresolved.map((u) => [statedAfter(p.plain, u.start, u.end, n.lastYear)?.at, u]));
      for (const m of p.plain.matchAll(AMOUNT_WRITTEN)) {
        const at = m.index!;
        const base = { section: s.name, sentence: sentenceAt(p, at).written, at: p.at, amount: m[0] };
        const st = byAt.get(p.start + at);
        const withFigure = byAlso.get(p.start + at);
        if (withFigure) {
          out.push({ ...base, read: "item", about: `${withFigure.item.name}（与之同述的上年数或增减额）` });
          continue;
        }
        if (st) {
          const change = [
            st.previous !== undefined ? `上年 ${formatAmount(st.previous)}万元` : "",
            st.change ? `${st.change.word} ${formatAmount(st.change.amount)}万元` : "",
            st.rate ? `${st.rate.word} ${pct(st.rate.value)}%` : "",
            st.same ?? "",
          ].filter(Boolean);
          out.push({ ...base, read: "item", about: st.item.name, ...(change.length ? { change: change.join("，") } : {}) });
          continue;
        }
        const mention = p.mentions.find((x) => x.at === at);
        if (mention?.misnamed) {
          out.push({ ...base, read: "unresolved", about: `${mention.written}（编码与名称不符，不知所指）` });
          continue;
        }
        if (mention) {
          out.push({ ...base, read: mention.lastYear ? "lastYear" : "subject", about: `${mention.code} ${mention.written}` });
          continue;
        }
        const unresolved = unresolvedAt.get(at);
        if (unresolved) {
          out.push({ ...base, read: "unresolved", about: unresolved.written });
          continue;
        }
        // Said of last year or of another kind (2023年…, 年初预算为…): known not to be this year's figure.
        const clause = p.plain.slice(clauseStart(p.plain, at), at);
        out.push(n.lastYear.test(clause) ? { ...base, read: "lastYear" } : { ...base, read: "none" });
      }
    }
  }
  return out;
}

/** N12 (info): how much of the text was read and compared, and how much was left unchecked. */
const N12 = narrativeCheck<"narrativeCoverage">((ctx, n) => {
  const readings = readingsOf(n);
  if (!readings.length) return;
  const count = (...kinds: Reading["read"][]) => readings.filter((r) => kinds.includes(r.read)).length;
  ctx.report(n.at, {
    params: {
      detail:
        `共 ${readings.length} 处金额：${count("item", "subject")} 处读出所指项目或科目并与表格核对，` +
        `${count("lastYear")} 处为上年数或${n.otherKinds.join("、")}数，${count("unresolved")} 处所指科目无法确定、${count("none")} 处未识别所指，均未核对` +
        "（命令行 validate --explain-text 逐句列出）",
    },
    actual: String(count("unresolved", "none")),
  });
});

export const narrativeKinds: Kinds<Exclude<NarrativeKind, TextKind | "narrativeBudgetActual">> = {
  narrativeCoverage: N12,
  narrativeFigures: X17,
  narrativeSections: N01,
  narrativeChanges: N02,
  narrativeReasons: N03,
  narrativeRepeats: N04,
  narrativeClassNames: N05,
  narrativeEmptyTables: N06,
  narrativeYears: N07,
  narrativeProcurement: N08,
};
