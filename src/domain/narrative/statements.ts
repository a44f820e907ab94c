/**
 * Reads what a 情况说明 text states: each figure with the item it belongs to (by the name standing before it),
 * its share (占…%), and the change from last year said after it (比上年增加…万元, 增长…%, 与上年持平, 上年预算数为…).
 * Hand-written texts word things differently; a figure whose name is not recognised is passed over.
 */
import { Decimal, parseAmount } from "../money";
import { escapeRegExp } from "../read/texts";
import type { NarrativeSection } from "../inputs";
import type { SectionDecl } from "../packs/document";
import { plainText, type Item } from "./facts";
import type { Subject } from "./subjects";

export interface Statement {
  item: Item;
  /** Where its figure stands in the section's plainText. */
  at: number;
  /** The figure stated (a count for 个). */
  amount: Decimal;
  share?: Decimal;
  /** 比上年增加/减少 X万元: the word and X (a sign written before X is kept). */
  change?: { word: string; amount: Decimal };
  /** 增长/下降 Y% */
  rate?: { word: string; value: Decimal };
  /** 与上年持平 / 与上年预算数相同, as written. */
  same?: string;
  /** Last year's figure, stated beside this year's (2022年预算数为141.07万元). */
  previous?: Decimal;
  /** Where the other amounts read with it stand (last year's, the change in 万元), in the section's plainText. */
  also: number[];
}

export const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
const WORD = "增加|减少|增长|下降|上升";
/** 比上年 · 较2022年 · 与上年相比预算数 · 比2022年同口径 · 比2024年预算执行数 */
const THAN = String.raw`(?:比|较|与|同)(?:上一?年度?|\d{4}年度?)(?:相比)?(?:同口径)?(?:预算(?:执行)?数?)?(?:相比)?`;

/** The phrases that carry figures, leftmost first; a change phrase before the bare amount it contains. */
export const TOKENS = new RegExp(
  [
    `(?<change>${THAN}(?<changeWord>${WORD})了?(?<changeValue>-?${NUM})万元)`,
    `(?<same>${THAN}(?:持平|相同|一致))`,
    // 与上年相比, with a comma: the comparison said before the figure it is of (与上年相比，…X万元，增加D万元).
    `(?<lead>(?:与|同|和)(?:上一?年度?|\\d{4}年度?)(?:预算(?:执行)?数?)?相比(?=,))`,
    // 增加D万元 with no 比上年 of its own: a change only right after last year's figure (比上年预算执行数P万元增加D万元),
    // or right after the figure a lead comparison is of.
    `(?<bare>(?<bareWord>${WORD})了?(?<bareValue>-?${NUM})万元)`,
    `(?<rate>(?<rateWord>${WORD})了?(?<rateValue>-?\\d+(?:\\.\\d+)?)%)`,
    `(?<share>占(?:比)?(?:为)?(?<shareValue>\\d+(?:\\.\\d+)?)%)`,
    `(?<amount>(?<amountValue>${NUM})万元)`,
    `(?<count>(?<countValue>\\d+)个)`,
  ].join("|"),
  "g",
);

/** Where the name before a figure begins: after punctuation, or after the previous phrase. */
const BOUNDARY = new Set(",;:。、!?");

/** Where the words before a figure begin in `plain`: after the last boundary between `from` and `to`. */
function labelStart(plain: string, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if (BOUNDARY.has(plain[i])) return i + 1;
  return from;
}

/** Words that make a figure last year's: 上年 (not 上年结转), or the year before the budget year. */
export const lastYear = (year: number) => new RegExp(`上一?年度?(?!结转)|${year - 1}年`);

/** The pack's words of figures of another kind (narrative.otherKinds: 决算 in a budget's text) as one pattern. */
export const otherKind = (words: readonly string[]): RegExp => new RegExp(words.map(escapeRegExp).join("|"));

/** 增加, 增长, 上升 say up; 减少, 下降 say down. */
export const isUp = (word: string): boolean => /增|升/.test(word);

const value = (s: string): Decimal => {
  const p = parseAmount(s.replace(/^-/, ""));
  const v = p.kind === "amount" ? p.value : new Decimal(0);
  return s.startsWith("-") ? v.neg() : v;
};

const aliasesRead = new WeakMap<Item[], Map<string, { alias: string; item: Item }[]>>();

/** The items' aliases by their last character: a name is matched from its end, in time linear in its length. */
function aliasesByLast(items: Item[]): Map<string, { alias: string; item: Item }[]> {
  let index = aliasesRead.get(items);
  if (!index) {
    index = new Map();
    for (const item of items)
      for (const alias of item.aliases) if (alias) (index.get(alias.at(-1)!) ?? index.set(alias.at(-1)!, []).get(alias.at(-1)!)!).push({ alias, item });
    aliasesRead.set(items, index);
  }
  return index;
}

/**
 * The item a name speaks of: the alias that ends last in it (the longest on a tie); among items sharing that alias
 * (上年结转 of income and of expense), the first not yet stated. After a cited path only a path names one.
 */
function itemOf(label: string, items: Item[], unit: Item["unit"], stated: Set<Item>): Item | undefined {
  const index = aliasesByLast(items);
  // A figure after a 科目 cited by its path is that 科目's: a word inside the path (服务 in 一般公共服务支出) names no item.
  const cited = label.includes("(类)");
  for (let end = label.length; end > 0; end--) {
    let best: { length: number; items: Item[] } | undefined;
    for (const { alias, item } of index.get(label[end - 1]) ?? []) {
      if (item.unit !== unit || (cited && !alias.includes("(类)")) || end < alias.length || !label.startsWith(alias, end - alias.length)) continue;
      if (!best || alias.length > best.length) best = { length: alias.length, items: [item] };
      else if (alias.length === best.length && !best.items.includes(item)) best.items.push(item);
    }
    if (best) return best.items.find((it) => !stated.has(it)) ?? best.items[0];
  }
  return undefined;
}

/** A paragraph of a section as read: its plain text, where it begins in the section's, and the 科目 it names. */
export interface StatementParagraph {
  plain: string;
  start: number;
  subjects: Subject[];
}

/** The section's item for a code (an `each` item's key ends with its code). */
const itemOfCode = (items: Item[], code: string) => items.find((it) => it.key.endsWith(`:${code}`));

/**
 * The statements of one section's text, in order, about `items` (the section's figures). A figure named as last
 * year's (2022年预算数为…, 上年机关运行经费为…) is the previous figure of the item whose change the text states.
 * A figure whose words name a 科目 (any form subjects.ts reads) is that 科目's: its item when the section lists it,
 * else no item's — and the figures after it in the paragraph are not given to an item named before it. A figure
 * with no name of its own belongs to the item named before it in the same paragraph, never in another.
 */
export function readStatements(paragraphs: StatementParagraph[], items: Item[], year: number, other: RegExp = otherKind(["决算"])): Statement[] {
  const last = lastYear(year);
  const thisYear = new RegExp(`^(?:${year}年度?|本年度?)(?:预算)?(?:安排|数)?(?:为)?$`);
  const out: Statement[] = [];
  const stated = new Set<Item>();
  for (const p of paragraphs) {
    let current: Statement | undefined;
    /** The latest statement of an item whose change the text states. */
    let head: Statement | undefined;
    let after = 0;
    /**
     * Whether a bare 增加D万元 next would be `head`'s change: right after its last year's figure, or after its own
     * figure when a lead comparison (与上年相比，) came before it.
     */
    let changeMayFollow = false;
    let lead = false;
    /** A comparison with a figure of another kind is in flight: the changes after it are not head's. */
    let otherBase = false;
    for (const m of p.plain.matchAll(TOKENS)) {
      const g = m.groups!;
      const start = m.index!;
      const before = p.plain.slice(after, start);
      const cut = labelStart(p.plain, after, start);
      const label = p.plain.slice(cut, start);
      after = start + m[0].length;
      const adjacent = changeMayFollow && /^,?$/.test(before);
      changeMayFollow = false;
      if (other.test(before) || other.test(m[0])) otherBase = true;
      if ((g.amount && other.test(label)) || (otherBase && !g.amount && !g.count)) continue;
      if (g.amount || g.count) {
        const unit = g.amount ? "万元" : "个";
        const amount = value(g.amountValue ?? g.countValue);
        const subject = unit === "万元" ? p.subjects.find((sub) => sub.end > cut && sub.end <= start) : undefined;
        if (subject) {
          const it = subject.code !== null && !subject.misnamed ? itemOfCode(items, subject.code) : undefined;
          current = head = undefined;
          if (!it) continue;
          current = { item: it, at: p.start + start, amount, also: [] };
          out.push(current);
          stated.add(it);
          otherBase = false;
          if (it.previous !== undefined) head = current;
          changeMayFollow = lead && head !== undefined;
          continue;
        }
        const it = itemOf(label, items, unit, stated);
        if (unit === "万元" && head && (!it || it === head.item) && last.test(label)) {
          if (head.previous === undefined) {
            head.previous = amount;
            head.also.push(p.start + start);
          }
          changeMayFollow = true;
        } else if (!it && unit === "万元" && current && thisYear.test(label)) {
          // The budget year's figure said again of the item just named (2024年预算安排25.77万元): a statement of it too.
          out.push({ item: current.item, at: p.start + start, amount, also: [] });
        } else if (it) {
          current = { item: it, at: p.start + start, amount, also: [] };
          out.push(current);
          stated.add(it);
          otherBase = false;
          if (it.previous !== undefined) head = current;
          changeMayFollow = lead && head === current;
        }
      } else if (g.lead) {
        lead = true;
      } else if (g.share) {
        if (current && current.share === undefined) current.share = value(g.shareValue);
      } else if (g.change) {
        if (head && !head.change) {
          head.change = { word: g.changeWord, amount: value(g.changeValue) };
          head.also.push(p.start + start + m[0].lastIndexOf(g.changeValue));
        }
      } else if (g.bare) {
        if (head && !head.change && adjacent) {
          head.change = { word: g.bareWord, amount: value(g.bareValue) };
          head.also.push(p.start + start + m[0].lastIndexOf(g.bareValue));
        }
      } else if (g.rate) {
        if (head && !head.rate) head.rate = { word: g.rateWord, value: value(g.rateValue) };
      } else if (g.same) {
        if (head && !head.same) head.same = m[0];
      }
    }
  }
  return out;
}

/** Which of the pack's sections a section of an edited text is: by its id, its number, else its title (any year). */
export function sectionOf(sections: readonly SectionDecl[], section: NarrativeSection): SectionDecl | undefined {
  if (section.id) return sections.find((s) => s.id === section.id);
  const number = plainText(section.number).replace(/[、.]$/, "");
  const title = plainText(section.title).replace(/\d{4}年度?/g, "");
  // {scope} is left out with the year: 部门 or 单位, the rest of the title tells the section.
  const titleOf = (s: SectionDecl) => plainText(s.title.replace(/\{year\}年?度?|\{scope\}/g, ""));
  return (number ? sections.find((s) => s.number === number) : undefined) ?? sections.find((s) => title.includes(titleOf(s)));
}
