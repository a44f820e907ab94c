/**
 * The Shanghai 普陀区 情况说明 (the 编制说明 and 其他相关情况说明 一 … 五) of the four samples: generated from each
 * sample's tables (drawn with the pack and read back) and inputs, it says what the published document says
 * sentence by sentence where the published wording is the pack's — the clerk's purposes (主要用于…) and reasons
 * (主要原因是…) left out, every other difference listed below with its reason; checked (X17, N01–N08), the
 * generated text has no error, and the published text's errors are listed; each narrative kind of the pack fires
 * on one planted edit, at the section's cell on the sheet the text is edited on.
 *
 * The texts are checked as the workbook holds them: drawn on the pack's two narrative sheets (部门编制说明 A3;
 * 其他相关情况说明 A4, A6 … A12) and read back.
 */
import type { Finding } from "../../src/domain/finding";
import type { DisclosureInputs, NarrativeSection } from "../../src/domain/inputs";
import { Decimal, formatAmount } from "../../src/domain/money";
import { generateNarrative, sectionTitle } from "../../src/domain/narrative/narrative";
import {
  shanghaiCommerceSample,
  shanghaiCommerceUnitSample,
  shanghaiWanli2024Sample,
  shanghaiWanli2025Sample,
  type Sample,
} from "../../src/domain/samples";
import { buildWorld, checkText, onSheets, published, type World } from "../support/shanghai-world";
import { sentences } from "../support/seed-narrative";

// N12 only counts what was read (tests/unit/narrative-styles.test.ts).
const OURS = /^(X17|N(?!12)\d\d)$/;

const worlds = new Map<Sample, World>();
/** The world of a sample, built once for the whole file (no test changes it). */
function world(sample: Sample): World {
  if (!worlds.has(sample)) worlds.set(sample, buildWorld(sample));
  return worlds.get(sample)!;
}

const generate = (w: World): NarrativeSection[] =>
  generateNarrative({
    pack: w.pack,
    disclosure: w.disclosure,
    catalog: w.catalog,
    department: w.sample.department,
    year: w.sample.year,
    inputs: w.inputs,
  });

/** X17 and N01–N11 over `sections` (placed on the sheets), with the sample's inputs or `inputs`. */
const check = (w: World, sections: NarrativeSection[], inputs: DisclosureInputs = w.inputs, strict = false): Finding[] =>
  checkText(w, sections, inputs, strict).filter((f) => OURS.test(f.rule));

const where = (f: Finding) => `${f.rule} ${f.sheet}!${f.cell} ${f.severity}`;
const errors = (fs: Finding[]) => fs.filter((f) => f.severity === "error");
const ofRule = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule);

/** `from` replaced by `to` in section `id`, where it stands exactly `count` times. */
function replaced(sections: NarrativeSection[], id: string, from: string, to: string, count = 1): NarrativeSection[] {
  return sections.map((s) => {
    if (s.id !== id) return s;
    const found = s.text.split(from).length - 1;
    if (found !== count) throw new Error(`section ${id}: “${from}” stands ${found} times, not ${count}`);
    return { ...s, text: s.text.split(from).join(to) };
  });
}

/**
 * The clerk's own words, which the generator leaves to the clerk: the paragraph giving the reason of the 编制说明's
 * totals (财政拨款收入支出增加的主要原因是…), each item's purpose (，主要用于…) and reasons (，主要原因是… up to the
 * clause's end; 。主要原因是：….  a sentence of its own).
 */
const withoutClerksWords = (text: string): string =>
  text
    .split("\n")
    .filter((p) => !/^财政拨款收入支出(增加|减少)的主要原因是/.test(p))
    .join("\n")
    .replace(/，主要用于[^。]*/g, "")
    .replace(/(?<=。)主要原因是[^。]*。/g, "")
    .replace(/，主要原因是[^；。]*/g, "");

/** A difference between the published text and the generated one: `from` (standing `count` times) reads `to`. */
interface Difference {
  section: string;
  from: string;
  to: string;
  count?: number;
}

/**
 * Where the published wording is not the pack's, and why. The pack words the 万里 documents' way (比{lastYear}年预算
 * …, 2024年度本部门…); the 商务委 documents differ only in the change clauses.
 */
const COMMERCE: Difference[] = [
  // 财政拨款收入 is compared with 2024's 预算执行数, the 支出 with 2024's 预算: the pack states every change of the
  // 编制说明 in one style (比2024年预算增加…).
  { section: "budget", from: "比2024年预算执行数增加24,558.18万元", to: "比2024年预算增加24,558.18万元" },
  // 政府性基金 and 国有资本经营预算拨款支出预算0万元，比2024年预算执行数持平
  { section: "budget", from: "比2024年预算执行数持平", to: "比2024年预算持平", count: 2 },
  // 公务接待费1.00万元。与2024年预算持平: a full stop where the pack has a comma …
  { section: "threePublic", from: "公务接待费1.00万元。与2024年预算持平", to: "公务接待费1.00万元，比2024年预算持平" },
  // … and 与2024年预算持平 for the pack's 比2024年预算持平 (the total, 因公出国, 公务用车 and its two parts).
  { section: "threePublic", from: "与2024年预算持平", to: "比2024年预算持平", count: 5 },
];

// The clerk's description of who spends it (万里 2024 and 2025).
const WANLI_OPERATING: Difference = {
  section: "operating",
  from: "万里街道办事处（部门）下属1家机关和1家参公事业单位财政拨款",
  to: "万里街道办事处财政拨款",
};

const WANLI_2024: Difference[] = [
  // 9. 2023年当年预算执行数为0.00万元，…增加100.00%: a rise from nothing has no rate; the pack says only 增加.
  { section: "budget", from: "2024年预算安排25.00万元，比2023年预算执行数增加100.00%", to: "2024年预算安排25.00万元，比2023年预算执行数增加" },
  // 31. A published error: 住房公积金（项）”350.35万元 … 2024年预算安排352.67万元 — T5 gives 3,503,499 元, 350.35万元
  // (and the rate printed, 0.53%, is 350.35's over 348.52).
  { section: "budget", from: "2024年预算安排352.67万元", to: "2024年预算安排350.35万元" },
  // 公务接待费1.35万元。比2023年预算持平: a full stop where the pack has a comma.
  { section: "threePublic", from: "公务接待费1.35万元。比2023年预算持平", to: "公务接待费1.35万元，比2023年预算持平" },
  WANLI_OPERATING,
  // 2024年本部门政府采购预算: the pack (and 商务委) write 2024年度.
  { section: "procurement", from: "2024年本部门政府采购预算", to: "2024年度本部门政府采购预算" },
  // The document's own lead for the same two figures (50个, 5634.81万元).
  {
    section: "performance",
    from: "按照本区预算绩效管理工作的总体要求，本部门2个预算单位开展了2024年项目预算绩效目标编报工作，编报绩效目标的项目50个",
    to: "2024年度，本部门编报绩效目标的项目共50个",
  },
];

const WANLI_2025: Difference[] = [
  // Every item of the list names its path, then 科目: “…（项）”科目43.83万元.
  { section: "budget", from: "”科目", to: "”", count: 33 },
  // 21. A published error: the path is not the tables' — T5 has 210 卫生健康支出, 21007 计划生育事务, 2100717 计划生育服务.
  { section: "budget", from: "卫生健康支出（类）卫生健康支出（款）计划生育事务（项）", to: "卫生健康支出（类）计划生育事务（款）计划生育服务（项）" },
  { section: "threePublic", from: "公务接待费1.35万元。比2024年预算持平", to: "公务接待费1.35万元，比2024年预算持平" },
  WANLI_OPERATING,
  // The paragraph ends without its full stop.
  { section: "operating", from: "机关运行经费预算为464.64万元", to: "机关运行经费预算为464.64万元。" },
  { section: "procurement", from: "2025年本部门政府采购预算", to: "2025年度本部门政府采购预算" },
  {
    section: "performance",
    from: "按照本区预算绩效管理工作的总体要求，本部门3个预算单位开展了2025年项目预算绩效目标编报工作，编报绩效目标的项目49个",
    to: "2025年度，本部门编报绩效目标的项目共49个",
  },
];

const CASES: { label: string; sample: Sample; differences: Difference[] }[] = [
  { label: "商务委 2025 部门", sample: shanghaiCommerceSample, differences: COMMERCE },
  { label: "商务委 2025 单位", sample: shanghaiCommerceUnitSample, differences: COMMERCE },
  { label: "万里 2024", sample: shanghaiWanli2024Sample, differences: WANLI_2024 },
  { label: "万里 2025", sample: shanghaiWanli2025Sample, differences: WANLI_2025 },
];

/** The published text as the pack words it: the clerk's words out, the differences above made. */
function asThePackWords(w: World, differences: Difference[]): NarrativeSection[] {
  let out = published(w).map((s) => ({ ...s, text: withoutClerksWords(s.text) }));
  for (const d of differences) out = replaced(out, d.section, d.from, d.to, d.count);
  return out;
}

// ---------------------------------------------------------------------------------------------------------

describe.each(CASES)("(a) $label: the generated 情况说明 says what the published one says", ({ sample, differences }) => {
  let w: World;
  let ours: NarrativeSection[];
  let theirs: NarrativeSection[];
  beforeAll(() => {
    w = world(sample);
    ours = generate(w);
    theirs = asThePackWords(w, differences);
  });
  const text = (sections: NarrativeSection[], id: string) => sections.find((s) => s.id === id)!.text;

  test("the pack's six sections, titled as the document prints them", () => {
    expect(ours.map((s) => [s.id, s.number, s.title])).toEqual(
      w.pack.narrative!.sections.map((s) => [s.id, s.number, sectionTitle(w.pack, s, sample.year)]),
    );
    expect(ours.map((s) => [s.id, s.number, s.title])).toEqual(published(w).map((s) => [s.id, s.number, s.title]));
    expect(ours.map((s) => s.text).join("")).not.toMatch(/\{|\}|\[\[|\]\]|undefined|null|NaN/);
  });

  test.each(["budget", "threePublic", "operating", "procurement", "performance", "assets"])("%s: sentence by sentence", (id) => {
    expect(sentences(text(ours, id))).toEqual(sentences(text(theirs, id)));
  });

  test("the 编制说明's list: one paragraph per 项 of T5, in code order, numbered, its path by T5's names and amount", () => {
    const list = text(ours, "budget").split("\n").slice(3);
    const t5 = sample.rows.T05!;
    const name = (code: string) => String(t5.find((r) => r[0] === code)![1]);
    const items = t5.filter((r) => String(r[0]).length === 7);
    expect(list).toHaveLength(items.length);
    list.forEach((line, i) => {
      const code = String(items[i][0]);
      const path = `${name(code.slice(0, 3))}（类）${name(code.slice(0, 5))}（款）${name(code)}（项）`;
      const amount = formatAmount(new Decimal(items[i][2] as number).div(10000));
      const head = `${i + 1}. “${path}”${amount}万元。`;
      expect(line.slice(0, head.length)).toBe(head);
    });
  });
});

describe("(a) the exact wording of the pack", () => {
  let w: World;
  let ours: NarrativeSection[];
  let lines: string[];
  beforeAll(() => {
    w = world(shanghaiWanli2024Sample);
    ours = generate(w);
    lines = ours[0].text.split("\n");
  });

  test("万里 2024: the totals and the change in 万元; the list with 2023's 执行数 and the rate", () => {
    expect(lines.slice(0, 3)).toEqual([
      "2024年，上海市普陀区人民政府万里街道办事处收入预算15,621.11万元，其中：财政拨款收入15,621.11万元，比2023年预算减少876.75万元；事业收入0.00万元；事业单位经营收入0.00万元；其他收入0.00万元。",
      "支出预算15,621.11万元，其中：财政拨款支出预算15,621.11万元，比2023年预算减少876.75万元。财政拨款支出预算中，一般公共预算拨款支出预算15,621.11万元，比2023年预算减少876.75万元；政府性基金拨款支出预算0.00万元，比2023年预算持平；国有资本经营预算拨款支出预算0.00万元，比2023年预算持平。",
      "财政拨款支出主要内容如下：",
    ]);
    expect(lines[3]).toBe(
      "1. “一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”25.77万元。2023年当年预算执行数为60.13万元，2024年预算安排25.77万元，比2023年预算执行数减少57.14%。",
    );
    // 持平, and a rise from 0.00 (no rate)
    expect(lines[3 + 9]).toBe(
      "10. “科学技术支出（类）科学技术普及（款）科普活动（项）”10.00万元。2023年当年预算执行数为10.00万元，2024年预算安排10.00万元，比2023年预算执行数持平。",
    );
    expect(lines[3 + 8]).toBe(
      "9. “教育支出（类）其他教育支出（款）其他教育支出（项）”25.00万元。2023年当年预算执行数为0.00万元，2024年预算安排25.00万元，比2023年预算执行数增加。",
    );
  });

  test("万里 2025 and 商务委: no 执行数 entered, the list states the amounts only", () => {
    const wanli = generate(world(shanghaiWanli2025Sample))[0].text.split("\n");
    expect(wanli[3]).toBe("1. “一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”43.83万元。");
    const commerce = generate(world(shanghaiCommerceSample));
    expect(commerce[0].text.split("\n")[3 + 12]).toBe(
      "13. “资源勘探工业信息等支出（类）支持中小企业发展和管理支出（款）其他支持中小企业发展和管理支出（项）”29,381.00万元。",
    );
    // No 中小企业 figure entered: the sentence is left out.
    expect(commerce.find((s) => s.id === "procurement")!.text).toBe(
      "2025年度本部门政府采购预算38.20万元，其中：政府采购货物预算7.80万元、政府采购工程预算0.00万元、政府采购服务预算30.40万元。",
    );
  });

  test("其他相关情况说明 一 and 五 of 万里 2024", () => {
    expect(ours[1].text).toBe(
      [
        "2024年“三公”经费预算数为47.91万元，比2023年预算增加25.00万元。其中：",
        "（一）因公出国（境）费0.00万元，比2023年预算持平。",
        "（二）公务用车购置及运行费46.56万元，比2023年预算增加25.00万元。其中：公务用车购置费25.00万元，比2023年预算增加25.00万元；公务用车运行费21.56万元，比2023年预算持平。",
        "（三）公务接待费1.35万元，比2023年预算持平。",
      ].join("\n"),
    );
    expect(ours[5].text).toBe(w.inputs.texts.assets);
  });
});

// ---------------------------------------------------------------------------------------------------------

const BUDGET = "部门编制说明!A3";
const THREE_PUBLIC = "其他相关情况说明!A4";

describe("(b) the generated text checked: no error; N03 asks for the reasons the clerk is to write", () => {
  /** The N03 warnings, as “sheet!cell” with how many. */
  const reasons = (fs: Finding[]) => {
    const out: Record<string, number> = {};
    for (const f of ofRule(fs, "N03")) out[`${f.sheet}!${f.cell}`] = (out[`${f.sheet}!${f.cell}`] ?? 0) + 1;
    return out;
  };

  test.each(CASES)("$label", ({ label, sample }) => {
    const w = world(sample);
    const found = check(w, generate(w));
    expect(errors(found)).toEqual([]);
    expect(found.filter((f) => f.rule !== "N03")).toEqual([]);
    const budget = sample === shanghaiCommerceUnitSample ? "单位编制说明!A3" : BUDGET;
    // 财政拨款收入, 财政拨款支出 and 一般公共预算拨款支出 change; 万里 2024's list states 27 rates (of its 33 项, 5 are
    // 持平 and 9. rises from 0.00, without a rate);
    // 三公 changes in 万里 (the total, 公务用车 and its 购置费).
    const expected: Record<string, Record<string, number>> = {
      "商务委 2025 部门": { [budget]: 3 },
      "商务委 2025 单位": { [budget]: 3 },
      "万里 2024": { [budget]: 3 + 27, [THREE_PUBLIC]: 3 },
      "万里 2025": { [budget]: 3, [THREE_PUBLIC]: 3 },
    };
    expect(reasons(found)).toEqual(expected[label]);
  });
});

// ---------------------------------------------------------------------------------------------------------

describe("(c) the published text checked", () => {
  /**
   * Every figure, change and rate the documents state agrees with the tables and with the figures stated beside it,
   * but for two real inconsistencies in their 编制说明 lists:
   *   万里 2024, 31. “住房保障支出（类）住房改革支出（款）住房公积金（项）”350.35万元 … 2024年预算安排352.67万元 (T5 2210201
   *     3,503,499 元 = 350.35万元; the 0.53% printed is 350.35's rate over 348.52);
   *   万里 2025, 21. “卫生健康支出（类）卫生健康支出（款）计划生育事务（项）”科目20.00万元 (T5: 21007 计划生育事务,
   *     2100717 计划生育服务; no 卫生健康支出 款 under 210).
   * The first is reported (X17, N04), the second as a name (N05, a warning). N03 still warns on 万里's 三公 total
   * (…预算数为47.91万元，比2023年预算增加25万元。其中：), whose change is explained only by its items' reasons.
   */
  test.each(CASES)("$label: no error but the published inconsistency; no other finding but N03", ({ sample }) => {
    const w = world(sample);
    const found = check(w, published(w));
    // 万里 2024's item 31 states 住房公积金 twice, 350.35 and 352.67: X17 (against T5) and N04 (against itself).
    const known = sample === shanghaiWanli2024Sample ? [`N04 ${BUDGET} error`, `X17 ${BUDGET} error`] : [];
    expect(errors(found).map(where).sort()).toEqual(known);
    // 万里 2025's item 21 names its 项 wrong (N05, a warning); its 二、机关运行经费预算 ends without a full stop (N11).
    const named = sample === shanghaiWanli2025Sample ? [`N11 其他相关情况说明!A6 warning`, `N05 ${BUDGET} warning`] : [];
    expect(found.filter((f) => f.rule !== "N03" && f.severity !== "error").map(where)).toEqual(named);
  });

  let wanli2024: World;
  let wanli2025: World;
  beforeAll(() => {
    wanli2024 = world(shanghaiWanli2024Sample);
    wanli2025 = world(shanghaiWanli2025Sample);
  });

  // “2024年预算安排352.67万元” names no item: the budget year's figure said again of the 项 just named.
  test("万里 2024, 31.: X17 reports 2024年预算安排352.67万元 against T5's 350.35", () => {
    const x17 = ofRule(check(wanli2024, published(wanli2024)), "X17");
    expect(x17.map((f) => `${where(f)} ${f.actual} ${f.expected}`)).toEqual([`X17 ${BUDGET} error 352.67 350.35`]);
  });

  // An item of the list whose 类/款/项 path names no 项 of the tables: N05, naming the 项 of that 类 and figure.
  test("万里 2025, 21.: the 项 named “卫生健康支出（款）计划生育事务（项）” is reported with the tables' own", () => {
    const found = ofRule(check(wanli2025, published(wanli2025)), "N05");
    expect(found.map((f) => `${where(f)} ${f.actual} ${f.expected}`)).toEqual([
      `N05 ${BUDGET} warning 卫生健康支出（类）卫生健康支出（款）计划生育事务（项） 卫生健康支出（类）计划生育事务（款）计划生育服务（项）`,
    ]);
  });

  // 万里 2024 gives the reason in the next sentence (…比2023年预算执行数减少57.14%。主要原因是：项目调整。).
  test("万里 2024: N03 is quiet on a list item whose reason is the next sentence", () => {
    const found = check(wanli2024, published(wanli2024));
    expect(ofRule(found, "N03").filter((f) => /%$/.test(f.actual ?? "") || /%”/.test(f.message))).toEqual([]);
  });

  // The 编制说明's three totals are explained together in the paragraph after them (财政拨款收入支出减少的主要原因是项目调整。).
  test.each(CASES)("$label: N03 is quiet on the totals explained in the paragraph after them", ({ sample }) => {
    const w = world(sample);
    const found = ofRule(check(w, published(w)), "N03").filter((f) => /万元”/.test(f.message) && f.cell === "A3");
    expect(found).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------

/**
 * A figure of a table in 元 is stated in 万元 to 0.01 (T01's 371,514,655 元 is 37,151.47万元): strict mode compares the
 * rounded figure, and rates are computed from the figures the text prints (24.31 over 20.30: 19.75%, as 万里 2024).
 */
describe("strict mode over figures of 元 tables", () => {
  test.each(CASES)("$label: the generated text has no error in strict mode", ({ sample }) => {
    const w = world(sample);
    expect(errors(check(w, generate(w), w.inputs, true)).map((f) => `${where(f)} ${f.actual} ${f.expected}`)).toEqual([]);
  });

  test("万里 2024, 12.: the generated rate is the one its printed figures give (24.31 over 20.30: 19.75%, as published)", () => {
    const w = world(shanghaiWanli2024Sample);
    const line = generate(w)[0].text.split("\n")[3 + 11];
    expect(line).toContain("2023年当年预算执行数为20.30万元，2024年预算安排24.31万元，比2023年预算执行数增加19.75%。");
  });
});

// ---------------------------------------------------------------------------------------------------------

describe("(d) one planted error per narrative kind of the pack, at its section's cell (万里 2024, generated)", () => {
  let w: World;
  let base: NarrativeSection[];
  beforeAll(() => {
    w = world(shanghaiWanli2024Sample);
    base = generate(w);
  });
  const OPERATING = "其他相关情况说明!A6";
  const PROCUREMENT = "其他相关情况说明!A8";

  /** The findings of `rule` after replacing `from` by `to` in section `id`; none without the edit. */
  function planted(rule: string, id: string, from: string, to: string, sections = base): Finding[] {
    expect(ofRule(check(w, sections), rule)).toEqual([]);
    return ofRule(check(w, replaced(sections, id, from, to)), rule);
  }
  const brief = (fs: Finding[]) => fs.map((f) => `${where(f)} ${f.actual ?? ""} ${f.expected ?? ""}`.trim());

  test("the kinds the pack checks its text with", () => {
    expect(w.pack.checks.filter((c) => c.kind.startsWith("narrative")).map((c) => `${c.rule} ${c.kind}`)).toEqual([
      "X17 narrativeFigures",
      "N01 narrativeSections",
      "N02 narrativeChanges",
      "N03 narrativeReasons",
      "N04 narrativeRepeats",
      "N05 narrativeClassNames",
      "N06 narrativeEmptyTables",
      "N07 narrativeYears",
      "N08 narrativeProcurement",
      "N09 narrativeSubjectAmounts",
      "N10 narrativeScope",
      "N11 narrativePunctuation",
      "N12 narrativeCoverage",
    ]);
  });

  test("X17 narrativeFigures: a figure other than the table's", () => {
    const found = planted("X17", "operating", "预算为443.18万元", "预算为443.81万元");
    expect(brief(found)).toEqual([`X17 ${OPERATING} error 443.81 443.18`]);
    expect(found[0].message).toBe("情况说明“二、机关运行经费预算”中“机关运行经费预算”为 443.81万元，应为 443.18万元");
    expect(found[0].related.map((r) => `${r.table} ${r.cell}`)).toHaveLength(1);
    // A 项 of the list, and last year's 执行数 against the inputs.
    const item = planted("X17", "budget", "住房公积金（项）”350.35万元", "住房公积金（项）”352.67万元");
    // (The rate is compared with the table's figures, which the edit leaves as they are: 0.53% still fits.)
    expect(brief(item)).toEqual([`X17 ${BUDGET} error 352.67 350.35`]);
    const last = planted("X17", "budget", "2023年当年预算执行数为348.52万元", "2023年当年预算执行数为340.52万元");
    expect(brief(last)).toEqual([`X17 ${BUDGET} error 340.52 348.52`]);
  });

  // The pack's own sentence “{year}年预算安排{amount}” is read back too.
  test("X17: an edit of “2024年预算安排350.35万元” is reported", () => {
    expect(brief(planted("X17", "budget", "2024年预算安排350.35万元", "2024年预算安排352.67万元"))).toEqual([`X17 ${BUDGET} error 352.67 350.35`]);
  });

  test("N01 narrativeSections: a section missing, or empty", () => {
    expect(ofRule(check(w, base), "N01")).toEqual([]);
    // N01 stands at the text's first section: the missing one has no cell.
    const missing = ofRule(
      check(
        w,
        base.filter((s) => s.id !== "operating"),
      ),
      "N01",
    );
    expect(missing.map((f) => `${where(f)} ${f.message}`)).toEqual([`N01 ${BUDGET} error 情况说明缺少“二、机关运行经费预算”`]);
    const empty = planted("N01", "assets", w.inputs.texts.assets, "");
    expect(empty.map((f) => `${where(f)} ${f.message}`)).toEqual([`N01 ${BUDGET} error 情况说明缺少“五、国有资产占有使用情况”`]);
    // The empty section stands where its text would: under its heading.
    expect(onSheets(w, replaced(base, "assets", w.inputs.texts.assets, "")).find((s) => s.id === "assets")!.ref).toEqual({
      sheet: "其他相关情况说明",
      cell: "A12",
    });
  });

  test("N02 narrativeChanges: a rate other than the figures stated beside it give", () => {
    const found = planted("N02", "budget", "比2023年预算执行数减少57.14%", "比2023年预算执行数减少57.41%");
    expect(brief(found)).toEqual([`N02 ${BUDGET} error 57.41 57.14`]);
    expect(found[0].message).toContain("称“减少57.41%”，按文中数字应为 57.14%");
    const direction = planted(
      "N02",
      "threePublic",
      "公务用车购置费25.00万元，比2023年预算增加25.00万元",
      "公务用车购置费25.00万元，比2023年预算增加-25.00万元",
    );
    expect(brief(direction)).toEqual([`N02 ${THREE_PUBLIC} error`]);
  });

  test("N03 narrativeReasons: a change without its reason", () => {
    // The generated text with a reason after every change it states: N03 is quiet.
    const reasoned = base.map((s) => ({
      ...s,
      text: s.text.replace(/(比\d{4}年预算(?:执行数)?(?:增加|减少)(?:[\d,.]+万元|[\d.]+%)?)(?=[。；])/g, "$1，主要原因是项目调整"),
    }));
    const found = planted(
      "N03",
      "threePublic",
      "公务用车购置费25.00万元，比2023年预算增加25.00万元，主要原因是项目调整",
      "公务用车购置费25.00万元，比2023年预算增加25.00万元",
      reasoned,
    );
    expect(brief(found)).toEqual([`N03 ${THREE_PUBLIC} warning 比2023年预算增加25.00万元`]);
  });

  test("N04 narrativeRepeats: one item with two amounts", () => {
    const found = planted("N04", "operating", "预算为443.18万元。", "预算为443.18万元，机关运行经费预算443.00万元。");
    expect(brief(found)).toEqual([`N04 ${OPERATING} error 443.00 443.18`]);
  });

  test("N05 narrativeClassNames: a 类 name of an older catalogue", () => {
    const found = planted(
      "N05",
      "budget",
      "“卫生健康支出（类）行政事业单位医疗（款）行政单位医疗",
      "“医疗卫生与计划生育支出（类）行政事业单位医疗（款）行政单位医疗",
    );
    expect(found.map((f) => `${where(f)} ${f.message}`)).toEqual([
      `N05 ${BUDGET} warning 情况说明“部门预算编制说明”中的“医疗卫生与计划生育支出”不是2024年的科目名称，应为“卫生健康支出”`,
    ]);
  });

  test("N06 narrativeEmptyTables: figures for an empty table, and an empty-table note for one with figures", () => {
    const fund = planted("N06", "budget", "政府性基金拨款支出预算0.00万元", "政府性基金拨款支出预算100.00万元");
    expect(fund.map(where)).toEqual([`N06 ${BUDGET} error`]);
    expect(fund[0].message).toContain("称“政府性基金拨款支出预算”为 100.00万元，但");
    // T9's own 注 (本部门2024年无“三公”经费…，故本表为空表), written into the text, while T9 has figures.
    const note = planted("N06", "threePublic", "其中：\n", "其中：\n本部门2024年无“三公”经费和机关运行经费预算，故“三公”经费预算表为空表。\n");
    expect(note.map(where)).toEqual([`N06 ${THREE_PUBLIC} error`]);
    expect(note[0].message).toContain("称无三公");
  });

  test("N07 narrativeYears: a year neither the budget year nor the one before", () => {
    const found = planted("N07", "procurement", "2024年度本部门政府采购预算", "2022年度本部门政府采购预算");
    expect(brief(found)).toEqual([`N07 ${PROCUREMENT} warning 2022年`]);
  });

  test("N08 narrativeProcurement: 货物 + 工程 + 服务 ≠ 总额; 中小企业 above 总额", () => {
    const parts = planted("N08", "procurement", "政府采购货物预算93.98万元", "政府采购货物预算94.98万元");
    expect(parts.map((f) => `${where(f)} ${f.message}`)).toEqual([
      `N08 ${PROCUREMENT} error 情况说明“三、政府采购预算情况”中政府采购预算 1,662.44万元不等于政府采购货物预算、政府采购工程预算、政府采购服务预算之和 1,663.44万元`,
    ]);
    const smes = planted("N08", "procurement", "预算金额664.98万元", "预算金额1,700.00万元");
    expect(brief(smes)).toEqual([`N08 ${PROCUREMENT} error 1,700.00 1,662.44`]);
  });

  test("N02 on a hand-written sentence, N07 on the year compared with (Shanghai wording)", () => {
    const sentence = "2024年培训费预算12.00万元，比2023年预算10.00万元增加2.00万元，增加20.00%。";
    const withSentence = replaced(base, "procurement", "预算为465.49万元。", `预算为465.49万元。\n${sentence}`);
    expect(ofRule(check(w, withSentence), "N02")).toEqual([]);
    const rate = planted("N02", "procurement", sentence, sentence.replace("增加20.00%", "增加25.00%"), withSentence);
    expect(brief(rate)).toEqual([`N02 ${PROCUREMENT} error 2024年培训费预算12.00万元，比2023年预算10.00万元增加2.00万元，增加25.00%。 2024年培训费预算12.00万元，比2023年预算10.00万元增加2.00万元，增加20.00%。`]);
    const year = planted("N07", "budget", "比2023年预算执行数减少57.14%", "比2024年预算执行数减少57.14%");
    expect(brief(year)).toEqual([`N07 ${BUDGET} warning 比2024年 比2023年`]);
  });

  test("N09 narrativeSubjectAmounts: a 科目 by its path with a figure no table holds (the tables in 元, the text in 万元)", () => {
    const path = "“一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”";
    const found = planted("N09", "procurement", "预算为465.49万元。", `预算为465.49万元。其中${path}26.77万元。`);
    expect(brief(found)).toHaveLength(1);
    expect(found[0].message).toMatch(/中“一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”为 26\.77万元，表中为 25\.77万元（表2“部门收入预算总表”“合计”等 6 处）$/);
    expect(ofRule(check(w, replaced(base, "procurement", "预算为465.49万元。", `预算为465.49万元。其中${path}25.77万元。`)), "N09")).toEqual([]);
  });

  test("N10 narrativeScope and N11 narrativePunctuation (Shanghai wording)", () => {
    const scope = planted("N10", "procurement", "2024年度本部门政府采购预算", "2024年度本单位政府采购预算");
    expect(scope.map((f) => `${where(f)} ${f.message}`)).toEqual([
      `N10 ${PROCUREMENT} warning 情况说明“三、政府采购预算情况”中称“本单位”，本文是部门预算，应称“本部门”`,
    ]);
    const doubled = planted("N11", "operating", "预算为443.18万元。", "预算为443.18万元。。");
    expect(doubled.map((f) => `${where(f)} ${f.expected}`)).toEqual([
      `N11 ${OPERATING} warning 2024年上海市普陀区人民政府万里街道办事处财政拨款的机关运行经费预算为443.18万元。`,
    ]);
  });
});
