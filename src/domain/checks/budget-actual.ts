/**
 * N13: what a 决算 text says of a figure against its budget — “年初预算为A万元，支出决算为B万元，完成年初预算的p%。
 * 决算数小于预算数的主要原因…” — checked against itself: the rate against B ÷ A (each figure the interval its
 * printed digits allow), the word (大于/小于/等于/持平) against B − A. Both figures must stand in one paragraph, the
 * budget's first; a paragraph that states one and not the other says nothing.
 */
import { Decimal, formatAmount } from "../money";
import { NUM } from "../narrative/statements";
import type { Kinds } from "./kind";
import { narrativeCheck, sentenceAt, type ReadParagraph } from "./narrative";

/** 年初预算为A万元 … 支出决算为B万元: the budget, then the actual figure of the same item. */
const PAIR = new RegExp(
  String.raw`(?:年初)?预算(?:数)?(?:为|是)?(?<budget>${NUM})万元[^。;]{0,12}?决算(?:数)?(?:为|是)?(?<actual>${NUM})万元`,
  "g",
);
/** 完成年初预算的98.20% · 完成预算的0% (the next clause). */
const RATE = /^[^。;]{0,6}?完成(?:年初)?预算(?:数)?的(?<rate>\d+(?:\.\d+)?)%/;
/** 决算数小于预算数 · 决算数与预算数持平 (in the paragraph, before the next pair). */
const WORD = /决算数?(?:(?<word>大于|小于|等于)(?:年初)?预算数?|与(?:年初)?预算数?(?<same>持平|相同|一致|相等))/;

const value = (s: string) => new Decimal(s.replace(/,/g, ""));
const HALF_CENT = new Decimal("0.005");

/** Whether p% (its printed decimals) can be B ÷ A for some figures within half a cent of those printed. */
function rateFits(rate: string, budget: Decimal, actual: Decimal): boolean {
  const decimals = rate.split(".")[1]?.length ?? 0;
  const half = new Decimal(5).div(new Decimal(10).pow(decimals + 1));
  const p = new Decimal(rate);
  const low = actual.minus(HALF_CENT).div(budget.plus(HALF_CENT)).times(100);
  const high = actual.plus(HALF_CENT).div(budget.minus(HALF_CENT)).times(100);
  return p.plus(half).gte(low) && p.minus(half).lte(high);
}

const say = (p: ReadParagraph, at: number) => sentenceAt(p, at).written;

const N13 = narrativeCheck<"narrativeBudgetActual">((ctx, n) => {
  for (const s of n.sections)
    for (const p of s.paragraphs) {
      const pairs = [...p.plain.matchAll(PAIR)];
      pairs.forEach((m, k) => {
        const budget = value(m.groups!.budget);
        const actual = value(m.groups!.actual);
        const end = m.index! + m[0].length;
        const figures = `决算 ${formatAmount(actual)}万元、年初预算 ${formatAmount(budget)}万元`;
        const rate = RATE.exec(p.plain.slice(end));
        // The printed digits' own rounding, in strict mode too: a rate of 98.20% is never B ÷ A to the last digit.
        if (rate && !budget.isZero() && !rateFits(rate.groups!.rate, budget, actual)) {
          const expected = actual.div(budget).times(100).toFixed(2);
          ctx.report(p.at, {
            params: { section: s.name, detail: `称完成年初预算的 ${rate.groups!.rate}%，按${figures}应为 ${expected}%：“${say(p, end)}”` },
            actual: `${rate.groups!.rate}%`,
            expected: `${expected}%`,
          });
        }
        // The comparison word, up to the next pair.
        const until = pairs[k + 1]?.index ?? p.plain.length;
        const w = WORD.exec(p.plain.slice(end, until));
        if (!w) return;
        const said = w.groups!.word ?? "等于";
        const d = actual.minus(budget);
        const right = d.isZero() ? "等于" : d.gt(0) ? "大于" : "小于";
        if (said !== right)
          ctx.report(p.at, {
            params: { section: s.name, detail: `称“${w[0]}”，但${figures}，应为“决算数${right}预算数”：“${say(p, end + w.index!)}”` },
            actual: said,
            expected: right,
          });
      });
    }
});

export const budgetActualKinds: Kinds<"narrativeBudgetActual"> = { narrativeBudgetActual: N13 };
