/**
 * The 编制说明's item paragraphs of a Shanghai sample rewritten in other house styles, so that no wording is special
 * to the checks: the 科目 named in six forms (the pack's quoted path, codes in the brackets, dashed names, codes by
 * level, a code and its name, an unquoted path with 科目预算数为; and apart, the 项 name alone), and the change from last year in three (the
 * sample's 当年预算执行数为…，…预算安排…，比…增加p%; 与上年相比增加D万元，增长p%; 比上年预算执行数P万元增加D万元，增长p%;
 * 与上年预算执行数相比，<科目>X万元，增加D万元，增长p%, the comparison before the 科目).
 * The codes come from the sample's table 5 (code, name), not from the reader under test.
 */
import { Decimal, formatAmount } from "../../src/domain/money";
import type { NarrativeSection } from "../../src/domain/inputs";
import type { Sample } from "../../src/domain/samples";

/** One item paragraph of the published list, as read off its text. */
export interface ItemParagraph {
  /** Its index among the section's paragraphs. */
  index: number;
  number: string;
  names: [string, string, string];
  code: string;
  amount: Decimal;
  /** The clerk's words after the amount (，主要用于…。), kept as they are. */
  purpose: string;
  /** Last year's 执行数, the rate and its word, where the paragraph states them. */
  change?: { previous: Decimal; rate: string; word: "增加" | "减少"; reason: string };
}

const ITEM =
  /^(\d+)\.\s*“(.+?)（类）(.+?)（款[)）](.+?)（项）”(?:科目)?([\d,]+(?:\.\d+)?)万元([^。]*。)?(?:(\d{4})年当年预算执行数为([\d,.]+)万元，\d{4}年预算安排[\d,.]+万元，比\d{4}年预算执行数(增加|减少)([\d.]+)%。(.*))?$/;

const num = (s: string) => new Decimal(s.replace(/,/g, ""));

/** The item paragraphs of the sample's 编制说明 (section `budget`) with their codes from table 5. */
export function itemParagraphs(sample: Sample, section: NarrativeSection): ItemParagraph[] {
  const t5 = sample.rows.T05!;
  const nameOf = new Map(t5.map((r) => [String(r[0]), String(r[1])]));
  const codeOf = (names: string[]) =>
    [...nameOf.keys()].find(
      (c) => c.length === 7 && nameOf.get(c.slice(0, 3)) === names[0] && nameOf.get(c.slice(0, 5)) === names[1] && nameOf.get(c) === names[2],
    );
  const out: ItemParagraph[] = [];
  section.text.split("\n").forEach((line, index) => {
    const m = ITEM.exec(line);
    if (!m) return;
    const names: [string, string, string] = [m[2], m[3], m[4]];
    const code = codeOf(names);
    if (!code) return;
    out.push({
      index,
      number: m[1],
      names,
      code,
      amount: num(m[5]),
      purpose: m[6] ?? "。",
      ...(m[7] ? { change: { previous: num(m[8]), word: m[9] as "增加" | "减少", rate: m[10], reason: m[11] ?? "" } } : {}),
    });
  });
  return out;
}

export const SUBJECT_STYLES = ["quotedPath", "codedPath", "dashed", "codedLevels", "codeAndName", "pathWithFiller"] as const;
/** The 项 name alone (专项普查活动25.77万元): read only where one code bears that name, so tested apart. */
export type SubjectStyle = (typeof SUBJECT_STYLES)[number] | "bareName";
export const CHANGE_STYLES = ["execution", "thanLastYear", "previousThenChange", "ledBefore"] as const;
export type ChangeStyle = (typeof CHANGE_STYLES)[number];

/** The 科目 and its amount, in a style. */
function subjectAndAmount(p: ItemParagraph, style: SubjectStyle, amount: string): string {
  const [a, b, c] = p.names;
  const [cls, kuan, xiang] = [p.code.slice(0, 3), p.code.slice(3, 5), p.code.slice(5)];
  switch (style) {
    case "quotedPath":
      return `“${a}（类）${b}（款）${c}（项）”${amount}万元`;
    case "codedPath":
      return `${a}（${cls}类）${b}（${kuan}款）${c}（${xiang}项）${amount}万元`;
    case "dashed":
      return `“${a}-${b}-${c}”科目${amount}万元`;
    case "codedLevels":
      return `“${cls}类${kuan}款${xiang}项”科目${amount}万元`;
    case "codeAndName":
      return `${p.code}${c}科目${amount}万元`;
    case "pathWithFiller":
      return `${a}（类）${b}（款）${c}（项）科目预算数为${amount}万元`;
    case "bareName":
      return `${c}${amount}万元`;
  }
}

/** The change sentence, in a style; `over` replaces what the sentence would state (a planted slip). */
function changeSentence(
  p: ItemParagraph,
  style: ChangeStyle,
  year: number,
  over: { rate?: string; word?: string; delta?: string },
): string {
  const c = p.change!;
  const delta = over.delta ?? formatAmount(p.amount.minus(c.previous).abs());
  const word = over.word ?? c.word;
  const rateWord = word === "增加" ? "增长" : "下降";
  const rate = over.rate ?? c.rate;
  switch (style) {
    case "execution":
      return `${year - 1}年当年预算执行数为${formatAmount(c.previous)}万元，${year}年预算安排${formatAmount(p.amount)}万元，比${year - 1}年预算执行数${word}${rate}%。`;
    case "thanLastYear":
      return `与上年相比${word}${delta}万元，${rateWord}${rate}%。`;
    case "previousThenChange":
      return `比上年预算执行数${formatAmount(c.previous)}万元${word}${delta}万元，${rateWord}${rate}%。`;
    case "ledBefore":
      return `，${word}${delta}万元，${rateWord}${rate}%`;
  }
}

export type Slip = "amount" | "rate" | "direction" | "delta";

/** What a slip changes, and the figures a finding about it must quote. */
export interface Planted {
  slip: Slip;
  paragraph: ItemParagraph;
  /** What the text now says, and what it should say. */
  wrong: string;
  right: string;
}

/** The paragraph in a style, with one slip planted where `plant` says. */
export function rewrite(
  p: ItemParagraph,
  subject: SubjectStyle,
  change: ChangeStyle,
  year: number,
  plant?: Slip,
): { text: string; planted?: Planted } {
  const right = formatAmount(p.amount);
  let planted: Planted | undefined;
  let amount = right;
  const over: { rate?: string; word?: string; delta?: string } = {};
  if (plant === "amount") {
    amount = formatAmount(p.amount.plus(9));
    planted = { slip: plant, paragraph: p, wrong: amount, right };
  } else if (plant === "rate" && p.change) {
    over.rate = new Decimal(p.change.rate).plus(5).toFixed(2);
    planted = { slip: plant, paragraph: p, wrong: over.rate, right: p.change.rate };
  } else if (plant === "direction" && p.change) {
    over.word = p.change.word === "增加" ? "减少" : "增加";
    planted = { slip: plant, paragraph: p, wrong: over.word, right: p.change.word };
  } else if (plant === "delta" && p.change && change !== "execution") {
    const delta = p.amount.minus(p.change.previous).abs();
    over.delta = formatAmount(delta.plus(3));
    planted = { slip: plant, paragraph: p, wrong: over.delta, right: formatAmount(delta) };
  }
  const head = `${p.number}. ${subjectAndAmount(p, subject, amount)}${p.purpose}`;
  // 与上年预算执行数相比，<科目>X万元，增加D万元，增长p%，主要用于…: the comparison before the 科目, the change after its amount.
  const led = `${p.number}. 与${year - 1}年预算执行数相比，${subjectAndAmount(p, subject, amount)}${p.change ? changeSentence(p, change, year, over) : ""}${p.purpose}`;
  const text = change === "ledBefore" ? `${led}${p.change?.reason ?? ""}` : p.change ? `${head}${changeSentence(p, change, year, over)}${p.change.reason}` : head;
  return { text, ...(planted ? { planted } : {}) };
}

/** The section with every item paragraph in a style, and a slip planted in paragraph `at` (an index of `items`). */
export function restyled(
  section: NarrativeSection,
  items: ItemParagraph[],
  subject: SubjectStyle,
  change: ChangeStyle,
  year: number,
  slip?: { at: number; kind: Slip },
): { section: NarrativeSection; planted?: Planted } {
  const lines = section.text.split("\n");
  let planted: Planted | undefined;
  items.forEach((p, k) => {
    const r = rewrite(p, subject, change, year, slip && slip.at === k ? slip.kind : undefined);
    lines[p.index] = r.text;
    planted ??= r.planted;
  });
  return { section: { ...section, text: lines.join("\n") }, ...(planted ? { planted } : {}) };
}
