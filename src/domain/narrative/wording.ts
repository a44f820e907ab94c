/**
 * How the 情况说明 writes figures: amounts in 万元, percents, the change from last year in a pack's change style, and
 * the 类 names that older catalogues used.
 */
import { Decimal, formatAmount } from "../money";
import type { ChangeStyle } from "../packs/document";

/**
 * Where the document needs what nobody entered: a visible placeholder, never an invented 0.00 or 无 (S11 lists
 * them; a final export is refused while a required one is missing).
 */
export const missing = (what: string): string => `【待填写：${what}】`;

/** 5,307.69万元 */
export const wan = (v: Decimal): string => `${formatAmount(v)}万元`;

/** 49.67% */
export const percent = (v: Decimal): string => `${v.toFixed(2)}%`;

/** |change| ÷ last × 100, unrounded; none when last year had nothing to grow from. */
export function exactRate(change: Decimal, last: Decimal): Decimal | null {
  return last.isZero() ? null : change.abs().div(last.abs()).times(100);
}

/** The rate as the text states it: two decimals. */
export function rateOf(change: Decimal, last: Decimal): Decimal | null {
  return exactRate(change, last)?.toDecimalPlaces(2) ?? null;
}

/**
 * The change clause after a figure, in `style` (its {year}/{lastYear} already filled in): ，比上年减少941.41万元，下降
 * 15.06% · ，与上年持平 · nothing when last year's figure was not entered.
 */
export function changeClause(now: Decimal, last: Decimal | null | undefined, style: ChangeStyle): string {
  if (last === null || last === undefined) return "";
  const change = now.minus(last);
  if (change.isZero()) return style.same;
  const up = change.gt(0);
  const rate = style.rate ? rateOf(change, last) : null;
  const word = style.words[up ? 0 : 1];
  const rateText = rate ? `${style.rateWords[up ? 0 : 1]}${percent(rate)}` : "";
  // A style stating only the rate still says which way when there is no rate (last year was zero).
  const amount = style.amount || !rateText ? `${word}${style.amount ? wan(change.abs()) : ""}` : "";
  return `${style.lead}${style.than}${amount}${style.amount && rateText ? "，" : ""}${rateText}`;
}
