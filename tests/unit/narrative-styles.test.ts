/**
 * The 编制说明's item paragraphs of two Shanghai samples (万里 2024, with each item's change from 2023's 执行数; 商务委
 * 2025, amounts only) rewritten in six ways of naming the 科目 and four ways of stating the change
 * (tests/support/house-styles.ts): every clean variant is quiet at error level, and a slip planted in one item
 * (its amount, its rate, its direction, its change in 万元) is found at that paragraph with the figures quoted —
 * never as a finding about another subject.
 */
import fc from "fast-check";
import type { Finding } from "../../src/domain/finding";
import type { NarrativeSection } from "../../src/domain/inputs";
import { shanghaiCommerceSample, shanghaiWanli2024Sample, shanghaiWanli2025Sample, type Sample } from "../../src/domain/samples";
import {
  CHANGE_STYLES,
  itemParagraphs,
  restyled,
  SUBJECT_STYLES,
  type ChangeStyle,
  type ItemParagraph,
  type Planted,
  type Slip,
  type SubjectStyle,
} from "../support/house-styles";
import { buildWorld, checkText, onSheets, published, type World } from "../support/shanghai-world";

const TEXT_RULE = /^(X17|N\d\d)$/;
const textErrors = (fs: Finding[]) => fs.filter((f) => f.severity === "error" && TEXT_RULE.test(f.rule));

interface Case {
  w: World;
  sections: NarrativeSection[];
  budget: NarrativeSection;
  items: ItemParagraph[];
}

const cases = new Map<Sample, Case>();
function caseOf(sample: Sample): Case {
  if (!cases.has(sample)) {
    const w = buildWorld(sample);
    const sections = published(w);
    const budget = sections.find((s) => s.id === "budget")!;
    cases.set(sample, { w, sections, budget, items: itemParagraphs(sample, budget) });
  }
  return cases.get(sample)!;
}

function run(c: Case, subject: SubjectStyle, change: ChangeStyle, slip?: { at: number; kind: Slip }) {
  const r = restyled(c.budget, c.items, subject, change, c.w.sample.year, slip);
  const sections = c.sections.map((s) => (s.id === "budget" ? r.section : s));
  return { errors: textErrors(checkText(c.w, sections)), planted: r.planted, sections };
}

/** The item's path as findings name it. */
const pathOf = (p: ItemParagraph) => `${p.names[0]}（类）${p.names[1]}（款）${p.names[2]}（项）`;

/** A finding about the planted slip: at the paragraph's cell, naming its 科目, quoting what is written and what should be. */
function expectFound(errors: Finding[], planted: Planted, cell: string) {
  const about = errors.filter((f) => f.cell === cell && f.message.includes(pathOf(planted.paragraph)));
  expect(about.length).toBeGreaterThan(0);
  expect(about.some((f) => f.message.includes(planted.wrong))).toBe(true);
  // A direction is quoted as the word the figures call for (增加 or 增长, 减少 or 下降).
  const right = planted.slip === "direction" ? (planted.right === "增加" ? /增加|增长/ : /减少|下降/) : planted.right;
  expect(about.some((f) => (typeof right === "string" ? f.message.includes(right) : right.test(f.message)))).toBe(true);
  // Nothing said of another subject.
  expect(errors.filter((f) => !f.message.includes(pathOf(planted.paragraph)))).toEqual([]);
}

const cellOf = (c: Case, sections: NarrativeSection[], p: ItemParagraph) =>
  onSheets(c.w, sections).find((s) => s.id === "budget")!.cells![p.index].cell;

const COMBINATIONS = SUBJECT_STYLES.flatMap((subject) => CHANGE_STYLES.map((change) => ({ subject, change })));

describe("万里 2024: item paragraphs with their change from 2023's 执行数", () => {
  const c = () => caseOf(shanghaiWanli2024Sample);

  test("the seed's list is read: 28 items, each with a code from table 5 and a change", () => {
    expect(c().items).toHaveLength(28);
    expect(c().items.every((p) => /^\d{7}$/.test(p.code) && p.change)).toBe(true);
  });

  test.each(COMBINATIONS)("clean, $subject + $change: no error", ({ subject, change }) => {
    expect(run(c(), subject, change).errors.map((f) => f.message)).toEqual([]);
  });

  const slips: Slip[] = ["amount", "rate", "direction", "delta"];
  test.each(COMBINATIONS.flatMap((x) => slips.filter((s) => s !== "delta" || x.change !== "execution").map((slip) => ({ ...x, slip }))))(
    "$slip planted, $subject + $change: found at its paragraph with the figures",
    ({ subject, change, slip }) => {
      const at = 2;
      const r = run(c(), subject, change, { at, kind: slip });
      expect(r.planted).toBeDefined();
      expectFound(r.errors, r.planted!, cellOf(c(), r.sections, c().items[at]));
    },
  );

  test("property: a random slip in a random item of a random style is found, and nothing else is said", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SUBJECT_STYLES),
        fc.constantFrom(...CHANGE_STYLES),
        fc.integer({ min: 0, max: 27 }),
        fc.constantFrom<Slip>("amount", "rate", "direction", "delta"),
        (subject, change, at, kind) => {
          const p = c().items[at];
          // A rise from nothing has no rate; 持平 no direction; the execution style states no change in 万元.
          fc.pre(!p.change!.previous.isZero() && p.change!.rate !== "0.00" && !(kind === "delta" && change === "execution"));
          const r = run(c(), subject, change, { at, kind });
          expectFound(r.errors, r.planted!, cellOf(c(), r.sections, p));
        },
      ),
      { numRuns: 25, seed: 20261207 },
    );
  });
});

describe("商务委 2025: item paragraphs with amounts only", () => {
  const c = () => caseOf(shanghaiCommerceSample);

  test.each(SUBJECT_STYLES)("clean, %s: no error; an amount changed in one item is found with both figures", (subject) => {
    expect(run(c(), subject, "execution").errors.map((f) => f.message)).toEqual([]);
    for (const at of [0, 10]) {
      const r = run(c(), subject, "execution", { at, kind: "amount" });
      expectFound(r.errors, r.planted!, cellOf(c(), r.sections, c().items[at]));
    }
  });
});

describe("the 项 name alone (万里 2024): read where one code bears it, else left alone and counted", () => {
  const c = () => caseOf(shanghaiWanli2024Sample);
  const coverage = (fs: Finding[]) => fs.find((f) => f.rule === "N12")!.message;

  test("clean: no error", () => {
    expect(run(c(), "bareName", "execution").errors.map((f) => f.message)).toEqual([]);
  });

  test("专项普查活动 (one code bears it): its amount slip is found with both figures", () => {
    const at = c().items.findIndex((p) => p.names[2] === "专项普查活动");
    const r = run(c(), "bareName", "execution", { at, kind: "amount" });
    expectFound(r.errors, r.planted!, cellOf(c(), r.sections, c().items[at]));
  });

  test("一般行政管理事务 (many codes bear it): a slip is not guessed at, and the amount is counted unchecked", () => {
    const at = c().items.findIndex((p) => p.names[2] === "一般行政管理事务");
    const clean = checkText(c().w, run(c(), "bareName", "execution").sections);
    const r = run(c(), "bareName", "execution", { at, kind: "amount" });
    expect(r.errors.map((f) => f.message)).toEqual([]);
    const unchecked = (m: string) => Number(/(\d+) 处未识别所指/.exec(m)![1]);
    expect(unchecked(coverage(checkText(c().w, r.sections)))).toBe(unchecked(coverage(clean)));
    expect(unchecked(coverage(clean))).toBeGreaterThan(0);
  });
});

describe("what cannot be read is left alone, and counted (N12)", () => {
  const coverage = (fs: Finding[]) => fs.filter((f) => f.rule === "N12").map((f) => [f.severity, f.message]);

  test("万里 2025 as published: its one path that names no 科目 of the tables is counted unresolved", () => {
    const w = buildWorld(shanghaiWanli2025Sample);
    const found = checkText(w, published(w));
    expect(coverage(found)).toEqual([
      ["info", expect.stringMatching(/^情况说明共 \d+ 处金额：\d+ 处读出所指项目或科目并与表格核对，0 处为上年数或决算数，1 处所指科目无法确定、\d+ 处未识别所指，均未核对/)],
    ]);
  });

  test.each(SUBJECT_STYLES.filter((s) => s !== "codedLevels" && s !== "codeAndName"))(
    "%s: a 项 named as no table names it, with a wrong amount: no error, counted unresolved",
    (subject) => {
      const c = caseOf(shanghaiCommerceSample);
      const items = c.items.map((p, k) => (k === 3 ? { ...p, names: [p.names[0], p.names[1], "某某专项事务"] as [string, string, string], amount: p.amount.plus(7) } : p));
      const r = restyled(c.budget, items, subject, "execution", c.w.sample.year);
      const found = checkText(c.w, c.sections.map((s) => (s.id === "budget" ? r.section : s)));
      expect(textErrors(found).map((f) => f.message)).toEqual([]);
      expect(coverage(found)[0][1]).toMatch(/，1 处所指科目无法确定/);
    },
  );
});

describe("template leftovers in the text (N11, error)", () => {
  const c = () => caseOf(shanghaiCommerceSample);
  const withThreePublic = (text: string) => c().sections.map((s) => (s.id === "threePublic" ? { ...s, text } : s));
  const leftovers = (text: string) =>
    textErrors(checkText(c().w, withThreePublic(text)))
      .filter((f) => f.rule === "N11")
      .map((f) => f.message.replace(/^.*待填内容(.*?)(?:共 \d+ 处)?：.*$/, "$1"));

  test("the 2026 template's own sentences (tests/fixtures/seeds/templates, 其他相关情况说明) are found, one finding a paragraph", () => {
    const template = [
      "2025年“三公”经费预算数为XXX万元，比2024年预算增加（减少）XXX万元（持平）。其中：",
      "（一）因公出国（境）费XXX万元，比2024年预算增加（减少）XXX万元，主要原因是……。",
    ].join("\n");
    expect(leftovers(template)).toEqual(["“XXX”“增加（减少）”“（持平）”", "“XXX”“增加（减少）”“原因是……”"]);
  });

  test("an empty reason is found; a reason leading a list in the next paragraph is not", () => {
    expect(leftovers("2025年“三公”经费预算数为1.00万元，与2024年预算持平，主要原因是。")).toEqual(["“原因是”"]);
    expect(leftovers("2025年“三公”经费预算数为1.00万元，与2024年预算持平，主要原因是：\n一是严格控制公务接待。")).toEqual([]);
  });
});

describe("figures of another kind (决算) are not read as the budget's (万里 2024)", () => {
  const c = () => caseOf(shanghaiWanli2024Sample);

  test("a rate slip from last year's 预算执行数 is found; the same words from last year's 决算 say nothing", () => {
    const at = 2;
    const r = run(c(), "quotedPath", "execution", { at, kind: "rate" });
    expectFound(r.errors, r.planted!, cellOf(c(), r.sections, c().items[at]));
    const index = c().items[at].index;
    const sections = r.sections.map((s) => {
      if (s.id !== "budget") return s;
      const lines = s.text.split("\n");
      expect(lines[index]).toContain("预算执行数");
      lines[index] = lines[index].replaceAll("预算执行数", "决算数");
      return { ...s, text: lines.join("\n") };
    });
    expect(textErrors(checkText(c().w, sections)).map((f) => f.message)).toEqual([]);
  });
});
