/**
 * The standard wording of 第三部分 情况说明 (as both seeds print it): section titles, how amounts, shares and
 * year-over-year changes are written, and the 类 names that older catalogues used.
 */
import { Decimal, formatAmount } from "../money";

/** The 12 sections of the seeds, in order; N01 requires each. */
export const SECTIONS = [
  { number: "一", title: "部门预算收支数据变动情况及原因" },
  { number: "二", title: "收入预算情况说明" },
  { number: "三", title: "支出预算情况说明" },
  { number: "四", title: "财政拨款收支预算总体情况说明" },
  { number: "五", title: "一般公共预算支出情况说明" },
  { number: "六", title: "一般公共预算基本支出情况说明" },
  { number: "七", title: "“三公”经费增减变动原因说明" },
  { number: "八", title: "机关运行经费增减变动原因说明" },
  { number: "九", title: "政府采购情况" },
  { number: "十", title: "绩效管理情况" },
  { number: "十一", title: "国有资产占有使用情况" },
  { number: "十二", title: "其他说明" },
] as const;

export type SectionNumber = (typeof SECTIONS)[number]["number"];

/** What a section without text of its own says (大同 prints 无 under 其他说明). */
export const NOTHING = "无";

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
 * The standard change clause after a figure: ，比上年减少941.41万元，下降15.06% · ，与上年持平 · nothing when last
 * year's figure was not entered. `than` says what the figure is compared with (比上年, 比2022年预算数,
 * 2023年较2022年); `same` is the whole clause for no change (the 三公 section says 与上年预算数相同).
 */
export function changeClause(now: Decimal, last: Decimal | null, than = "比上年", same = "，与上年持平"): string {
  if (last === null) return "";
  const change = now.minus(last);
  if (change.isZero()) return same;
  const up = change.gt(0);
  const rate = rateOf(change, last);
  return `，${than}${up ? "增加" : "减少"}${wan(change.abs())}${rate ? `，${up ? "增长" : "下降"}${percent(rate)}` : ""}`;
}

/**
 * Names of 支出功能分类 类 before their renaming, with the code they belong to (N05). The 2019 catalogue renamed
 * 207, 210, 215 and 220; 212 was 城乡社区事务 until 2013.
 */
export const FORMER_CLASS_NAMES: readonly (readonly [name: string, code: string])[] = [
  ["医疗卫生与计划生育支出", "210"],
  ["医疗卫生支出", "210"],
  ["文化体育与传媒支出", "207"],
  ["国土海洋气象等支出", "220"],
  ["资源勘探信息等支出", "215"],
  ["城乡社区事务", "212"],
];
