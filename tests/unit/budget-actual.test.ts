/**
 * N13 on the sentences of the 普陀区财政局 2024 部门决算 (tests/fixtures/seeds, 第三部分 五、六、七) as published, and
 * with one figure, rate or word changed, in a 情况说明 section of a Shanghai sample's workbook with an N13 check row
 * (the check reads only the text: the section it stands in and the tables do not matter).
 */
import type { Finding } from "../../src/domain/finding";
import { shanghaiCommerceSample } from "../../src/domain/samples";
import { buildWorld, checkText, published } from "../support/shanghai-world";

const w = buildWorld(shanghaiCommerceSample);
const withN13 = { ...w, pack: { ...w.pack, checks: [...w.pack.checks, { kind: "narrativeBudgetActual" as const, rule: "N13" }] } };

/** The N13 findings on the sample's 情况说明 with `text` as its 其他相关情况说明. */
function n13(text: string): Finding[] {
  const sections = published(w).map((s) => (s.id === "threePublic" ? { ...s, text } : s));
  return checkText(withN13, sections).filter((f) => f.rule === "N13");
}

// The seed's sentences (第三部分 五 and 七), line breaks of the PDF joined.
const GPB = "一般公共预算财政拨款支出年初预算为2993.92万元，支出决算为2940.05万元，完成年初预算的98.20%。决算数小于预算数的主要原因：因年度工作计划安排，个别信息化项目未能实施。";
const RUN = "主要用于：保障机关正常运转的人员经费及公用经费等的基本支出。年初预算为 1560.05 万元，支出决算为1511.89万元。 决算数小于预算数的主要原因：人员进出及退休变化，减少人员经费开支。";
const SAME = "主要用于：在职人员住房购房补贴。年初预算为 258.50万元，支出决算为258.50万元。决算数与预算数持平。";
const THREE = "“三公”经费财政拨款支出年初预算为0.95万元，支出决算为0.00万元，完成预算的0%。2024年度“三公”经费支出决算数小于预算数的主要原因：当年度无“三公”经费支出。";

describe("N13: 决算 against 年初预算 in one paragraph", () => {
  test("the published sentences are quiet", () => {
    expect(n13([GPB, RUN, SAME, THREE].join("\n"))).toEqual([]);
  });

  test("a rate that does not fit the two figures: found with the rate they give", () => {
    const found = n13(GPB.replace("98.20%", "98.02%"));
    expect(found.map((f) => [f.severity, f.actual, f.expected])).toEqual([["error", "98.02%", "98.20%"]]);
    expect(found[0].message).toContain("决算 2,940.05万元、年初预算 2,993.92万元");
  });

  test("a rate written with fewer decimals fits within its rounding (98.2%, 98%); 0% of a nil 决算 fits", () => {
    expect(n13([GPB.replace("98.20%", "98.2%"), GPB.replace("98.20%", "98%"), THREE].join("\n"))).toEqual([]);
  });

  test("the word against the figures: 大于 for a smaller 决算, 持平 for different figures", () => {
    expect(n13(RUN.replace("决算数小于", "决算数大于")).map((f) => [f.actual, f.expected])).toEqual([["大于", "小于"]]);
    expect(n13(SAME.replace("258.50万元。决算数", "258.05万元。决算数")).map((f) => [f.actual, f.expected])).toEqual([["等于", "小于"]]);
  });

  test("a changed 决算 figure makes both the rate and the word disagree, at the paragraph", () => {
    const found = n13(GPB.replace("支出决算为2940.05万元", "支出决算为3040.05万元"));
    expect(found.map((f) => f.actual)).toEqual(["98.20%", "小于"]);
  });

  test("a paragraph stating the 决算 alone, or the budget alone, says nothing", () => {
    expect(n13("支出决算为2940.05万元，完成年初预算的50.00%。决算数大于预算数。")).toEqual([]);
    expect(n13("年初预算为2993.92万元，完成年初预算的50.00%。")).toEqual([]);
  });
});
