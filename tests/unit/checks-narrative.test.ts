/**
 * X17 and N01–N08 over 第三部分 情况说明: quiet on the generated text and on the seeds' published text (but for the
 * reasons and the one figure 大同's T04 leaves out), each firing on one edit, at the section's cell.
 */
import type { Finding } from "../../src/domain/finding";
import { runChecks } from "../../src/domain/checks/registry";
import type { DisclosureInputs, NarrativeSection } from "../../src/domain/inputs";
import { Decimal } from "../../src/domain/money";
import { generateNarrative } from "../../src/domain/narrative/narrative";
import { datongInputs, datongSample, jinchengInputs, jinchengSample, type Sample } from "../../src/domain/samples";
import { catalog, copyRows, disclosureOf, pack } from "../support/disclosure";
import { seedNarrative } from "../support/seed-narrative";

// N12 only counts what was read (tests/unit/narrative-styles.test.ts).
const OURS = /^(X17|N(?!12)\d\d)$/;

/** Sections standing in the 情况说明 sheet one a row from B2, as the inputs reader gives them. */
const placed = (sections: NarrativeSection[]): NarrativeSection[] =>
  sections.map((s, i) => ({ ...s, ref: { sheet: "情况说明", cell: `B${i + 2}` } }));

function generated(sample: Sample, inputs: DisclosureInputs): NarrativeSection[] {
  const disclosure = disclosureOf(copyRows(sample), sample.department);
  return placed(generateNarrative({ pack, disclosure, catalog, department: sample.department, year: 2023, inputs }));
}

function checked(sample: Sample, inputs: DisclosureInputs, narrative: NarrativeSection[] | null, strict = false): Finding[] {
  const disclosure = disclosureOf(copyRows(sample), sample.department);
  return runChecks(disclosure, pack, { strict, catalog, inputs: { ...inputs, narrative } }).filter((f) => OURS.test(f.rule));
}

/** The text of section `number` with `from` replaced (which must be there). */
function edit(sections: NarrativeSection[], number: string, from: string, to: string): NarrativeSection[] {
  return sections.map((s) => {
    if (s.number !== number) return s;
    if (!s.text.includes(from)) throw new Error(`section ${number} has no “${from}”`);
    return { ...s, text: s.text.replace(from, to) };
  });
}

const brief = (fs: Finding[]) => fs.map((f) => `${f.rule} ${f.cell} ${f.severity}`);
const ofRule = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule);
const errors = (fs: Finding[]) => fs.filter((f) => f.severity === "error");

const J = jinchengSample;
const D = datongSample;
const jGenerated = generated(J, jinchengInputs);

/** The findings of `rule` on 晋城's generated text with one edit. */
const afterEdit = (rule: string, number: string, from: string, to: string, strict = false) =>
  ofRule(checked(J, jinchengInputs, edit(jGenerated, number, from, to), strict), rule);
const messages = (fs: Finding[]) => fs.map((f) => f.message);

describe("quiet on what is right", () => {
  test("晋城 generated: no error; N03 asks for the reasons of the four changes it states (一 twice, 五, 八)", () => {
    expect(brief(checked(J, jinchengInputs, jGenerated))).toEqual(["N03 B2 warning", "N03 B2 warning", "N03 B6 warning", "N03 B9 warning"]);
  });

  test("大同 generated: no finding besides the reasons", () => {
    const found = checked(D, datongInputs, generated(D, datongInputs));
    expect(found.filter((f) => f.rule !== "N03")).toEqual([]);
    expect(ofRule(found, "N03").map((f) => f.cell)).toEqual(["B2", "B2", "B6", "B8", "B8", "B9"]);
  });

  test("晋城 as published: every figure agrees with the tables (1,090.3, 0万元, 4217.39, 增加9.34% included); 五 gives no reason", () => {
    const found = checked(J, jinchengInputs, placed(seedNarrative("jincheng")));
    expect(brief(found)).toEqual(["N03 B6 warning"]);
    expect(found[0].message).toBe("情况说明“五、一般公共预算支出情况说明”中“比上年减少941.41万元”未说明原因（主要原因是……）");
  });

  test("大同 as published: X17 finds the 559.68 its T04 leaves out; 五 gives no reason; 一 prints “。;”", () => {
    const found = checked(D, datongInputs, placed(seedNarrative("datong")));
    expect(brief(found)).toEqual(["X17 B5 error", "N11 B2 warning", "N03 B6 warning"]);
    expect(ofRule(found, "N11")[0].message).toBe(
      "情况说明“一、部门预算收支数据变动情况及原因”中标点“。;”重复：“要原因是项目支出预算减少。;本年部门预算支出总计2,”",
    );
    expect(found[0]).toMatchObject({
      expected: "0.00",
      actual: "559.68",
      message: "情况说明“四、财政拨款收支预算总体情况说明”中“政府性基金预算拨款”为 559.68万元，应为 0.00万元",
    });
  });

  test("no edited narrative: nothing is checked", () => {
    expect(checked(J, jinchengInputs, null)).toEqual([]);
  });
});

describe("X17: every figure stated equals the tables and last year's figures", () => {
  test("an edited amount, at its section, with the table's cell", () => {
    const x17 = afterEdit("X17", "三", "基本支出1,090.30万元", "基本支出1,091.30万元");
    expect(x17).toHaveLength(1);
    expect(x17[0]).toMatchObject({
      cell: "B4",
      sheet: "情况说明",
      severity: "error",
      expected: "1,090.30",
      actual: "1,091.30",
      difference: "1.00",
      message: "情况说明“三、支出预算情况说明”中“基本支出”为 1,091.30万元，应为 1,090.30万元",
    });
    expect(x17[0].related.map((r) => `${r.table} ${r.cell}`)).toEqual(["T03 D6"]);
  });

  test("a share: each to two decimals; the list sums to 100.00%", () => {
    const share = afterEdit("X17", "三", "占20.54%", "占20.64%");
    expect(messages(share)).toEqual(["情况说明“三、支出预算情况说明”中“基本支出”占比为 20.64%，应为 20.54%"]);
    // 49.66 is within 0.01 of 49.67, but the five no longer make 100.00%.
    const sum = afterEdit("X17", "五", "占49.67%", "占49.66%");
    expect(messages(sum)).toEqual(["情况说明“五、一般公共预算支出情况说明”中所列各项占比合计为 99.99%，应为 100.00%"]);
    const strict = afterEdit("X17", "五", "占49.67%", "占49.66%", true);
    expect(strict.map((f) => `${f.expected} ${f.actual}`)).toEqual(["49.67 49.66"]);
  });

  test("the words follow the sign of the change", () => {
    const found = checked(J, jinchengInputs, edit(jGenerated, "一", "比上年减少941.41万元，下降15.06%", "比上年增加941.41万元，增长15.06%"));
    expect(messages(ofRule(found, "X17"))).toEqual([
      "情况说明“一、部门预算收支数据变动情况及原因”中“预算收入总计”增减方向为 “增加”，应为 “减少”",
      "情况说明“一、部门预算收支数据变动情况及原因”中“预算收入总计”增减方向为 “增长”，应为 “下降”",
    ]);
    // Read with its own words, the text says last year was 4,366.28: 941.41 of it is 21.56%, not 15.06%.
    expect(ofRule(found, "N02").map((f) => `${f.expected} ${f.actual}`)).toEqual(["21.56 15.06"]);
  });

  test("change, rate and last year's figure from the figures entered for last year", () => {
    const inputs = { ...jinchengInputs, amounts: { ...jinchengInputs.amounts, "previous.operatingCost": new Decimal("140.00") } };
    const found = ofRule(checked(J, inputs, jGenerated), "X17");
    expect(found.map((f) => `${f.cell} ${f.expected} ${f.actual}`)).toEqual(["B9 140.00 141.07", "B9 14.25 13.18", "B9 10.18 9.34"]);
    // Last year's figure named with the item is still last year's, not a second amount of this year's.
    const named = checked(J, jinchengInputs, edit(jGenerated, "八", "2022年预算数为", "2022年机关运行经费预算数为"));
    expect(named).toEqual(checked(J, jinchengInputs, jGenerated));
  });

  test("持平 or 相同 only when nothing changed", () => {
    const inputs = { ...jinchengInputs, amounts: { ...jinchengInputs.amounts, "previous.threePublicTotal": new Decimal("3.00") } };
    expect(messages(ofRule(checked(J, inputs, jGenerated), "X17"))).toEqual([
      "情况说明“七、“三公”经费增减变动原因说明”中““三公”经费”增减方向为 “持平”，应为 “增加”",
    ]);
    const same = { ...jinchengInputs, amounts: { ...jinchengInputs.amounts, "previous.operatingCost": new Decimal("154.25") } };
    expect(ofRule(checked(J, same, generated(J, same)), "X17")).toEqual([]);
  });

  test("the number of 绩效 projects", () => {
    const found = afterEdit("X17", "十", "项目24个", "项目23个");
    expect(found.map((f) => `${f.expected} ${f.actual}`)).toEqual(["24 23"]);
  });

  test("a text without cell references: findings stand on the 情况说明 sheet", () => {
    const bare = jGenerated.map(({ ref: _ref, ...s }) => s);
    const found = ofRule(checked(J, jinchengInputs, edit(bare, "九", "38.39万元", "48.39万元")), "X17");
    expect(found.map((f) => `${f.sheet}!${f.cell}`)).toEqual(["情况说明!A1"]);
  });
});

describe("N01–N08: the text on its own terms", () => {
  test("N01: a section missing or empty", () => {
    expect(ofRule(checked(J, jinchengInputs, jGenerated), "N01")).toEqual([]);
    const missing = checked(J, jinchengInputs, jGenerated.filter((s) => s.number !== "九"));
    expect(ofRule(missing, "N01").map((f) => `${f.cell} ${f.message}`)).toEqual(["B2 情况说明缺少“九、政府采购情况”"]);
    expect(messages(afterEdit("N01", "十二", jinchengInputs.texts.other, " "))).toEqual(["情况说明缺少“十二、其他说明”"]);
  });

  test("N02: the change against the figures stated beside it", () => {
    expect(afterEdit("N02", "八", "增加13.18万元", "增加13.00万元").map((f) => `${f.cell} ${f.expected} ${f.actual}`)).toEqual(["B9 13.18 13.00"]);
    const section = "情况说明“五、一般公共预算支出情况说明”中“一般公共预算当年拨款”";
    expect(messages(afterEdit("N02", "五", "下降15.06%", "下降16.06%"))).toEqual([`${section}称“下降16.06%”，按文中数字应为 15.06%`]);
    expect(messages(afterEdit("N02", "五", "下降15.06%", "增长15.06%"))).toEqual([`${section}先称“减少”，后称“增长”，增减方向矛盾`]);
    // On a small base a rate computed before rounding may be far from one of the rounded figures: 0.01 of 0.50 is
    // 2.00%, yet 0.0147 of 0.4999 is 2.94%. Only strict mode holds the text to its rounded figures.
    const small = ["七", "公务接待费0.50万元与上年预算数相同", "公务接待费0.51万元，比上年预算数增加0.01万元，增长2.94%"] as const;
    expect(afterEdit("N02", ...small)).toEqual([]);
    expect(afterEdit("N02", ...small, true).map((f) => `${f.expected} ${f.actual}`)).toEqual(["2.00 2.94"]);
  });

  test("N03: a change needs a reason, and an empty one is none", () => {
    const reasons = (text: string) => afterEdit("N03", "一", "下降15.06%；", text).length;
    expect(reasons("下降15.06%；")).toBe(4);
    expect(reasons("下降15.06%，主要原因是项目预算资金减少；")).toBe(3);
    expect(reasons("下降15.06%，主要原因是；")).toBe(4);
  });

  test("N04: one item, two amounts", () => {
    expect(messages(afterEdit("N04", "三", "4,217.39万元", "4,317.39万元。项目支出4,217.39万元"))).toEqual([
      "情况说明“三、支出预算情况说明”中“项目支出”为 4,217.39万元，前文中为 4,317.39万元",
    ]);
    // 一般公共预算当年拨款 is 二's 一般公共预算拨款收入 too.
    expect(messages(afterEdit("N04", "五", "5,307.69万元，主要用于", "5,306.69万元，主要用于"))).toEqual([
      "情况说明“五、一般公共预算支出情况说明”中“一般公共预算当年拨款”为 5,306.69万元，“二、收入预算情况说明”中为 5,307.69万元",
    ]);
    const across = afterEdit("N04", "二", "一般公共预算拨款收入5,307.69万元", "一般公共预算拨款收入5,300.00万元");
    expect(across.map((f) => `${f.cell} ${f.actual} ${f.expected} ${f.related.map((r) => r.cell)}`)).toEqual(["B6 5,307.69 5,300.00 B3"]);
    expect(ofRule(checked(J, jinchengInputs, jGenerated), "N04")).toEqual([]);
  });

  test("N05: a 类 name of an older catalogue", () => {
    const found = afterEdit("N05", "四", "卫生健康支出51.02万元", "医疗卫生与计划生育支出51.02万元");
    expect(found.map((f) => `${f.cell} ${f.severity} ${f.message}`)).toEqual([
      "B5 warning 情况说明“四、财政拨款收支预算总体情况说明”中的“医疗卫生与计划生育支出”不是2023年的科目名称，应为“卫生健康支出”",
    ]);
  });

  test("N06: what the text says of empty tables", () => {
    const note = "本部门无政府性基金预算收入，也没有使用政府性基金预算拨款安排的支出，故政府性基金预算收入表、政府性基金预算支出表无数据。";
    const add = (sections: NarrativeSection[], text: string) => edit(sections, "十二", "（二）其他\n", `（二）其他\n${text}\n`);
    expect(ofRule(checked(J, jinchengInputs, add(jGenerated, note)), "N06")).toEqual([]);
    // 大同 has 政府性基金 figures.
    const datong = generated(D, datongInputs);
    const onDatong = ofRule(checked(D, datongInputs, add(datong, note)), "N06");
    expect(messages(onDatong)).toEqual([
      `情况说明“十二、其他说明”称无政府性基金（“${note.replace(/，/g, ",").replace("。", "")}”），但表7“政府性基金预算收入表（不含上年结转）”、表8“政府性基金预算支出表（不含上年结转）”有数据`,
    ]);
    const wrongFund = ofRule(checked(J, jinchengInputs, add(jGenerated, "国有资本经营预算收支预算表无数据，原因是本部门没有政府性基金预算收支。")), "N06");
    expect(messages(wrongFund)).toEqual(["情况说明“十二、其他说明”称国有资本经营的表无数据，却以“无政府性基金”说明原因"]);
    const figures = afterEdit("N06", "二", "政府性基金预算拨款收入0.00万元", "政府性基金预算拨款收入100.00万元");
    expect(figures.map((f) => `${f.cell} ${f.message}`)).toEqual([
      "B3 情况说明“二、收入预算情况说明”称“政府性基金预算拨款收入”为 100.00万元，但表7“政府性基金预算收入表（不含上年结转）”、表8“政府性基金预算支出表（不含上年结转）”无数据",
    ]);
  });

  test("N07: a year other than the budget year and the year before, except in 《》, after 截至 and in 立项依据", () => {
    const stray = afterEdit("N07", "九", "2023年晋城市商务局部门", "2021年晋城市商务局部门");
    expect(stray.map((f) => `${f.cell} ${f.severity} ${f.message}`)).toEqual([
      "B10 warning 情况说明“九、政府采购情况”中出现“2021年”，既不是预算年度 2023 年，也不是上年",
    ]);
    const allowed = edit(jGenerated, "十一", "截至2022年12月31日，晋城市商务局本级公务用车", "截至2020年12月31日，依据《2019年公务用车管理办法》，立项依据为2018年文件，晋城市商务局本级公务用车");
    expect(ofRule(checked(J, jinchengInputs, allowed), "N07")).toEqual([]);
  });

  test("N08: 货物 + 工程 + 服务 = 总额; 中小企业 ≤ 总额", () => {
    const parts = afterEdit("N08", "九", "货物预算38.39万元", "货物预算40.39万元");
    expect(parts.map((f) => `${f.cell} ${f.expected} ${f.actual} ${f.message}`)).toEqual([
      "B10 60.02 58.02 情况说明“九、政府采购情况”中政府采购预算总额 58.02万元不等于政府采购货物预算、政府采购工程预算、政府采购服务预算之和 60.02万元",
    ]);
    const smes = afterEdit("N08", "九", "19.63万元。", "19.63万元。预留中小企业采购份额60.00万元。");
    expect(smes.map((f) => `${f.expected} ${f.actual}`)).toEqual(["58.02 60.00"]);
    expect(errors(checked(J, jinchengInputs, edit(jGenerated, "九", "19.63万元。", "19.63万元。预留中小企业采购份额30.00万元。")))).toEqual([]);
  });
});
