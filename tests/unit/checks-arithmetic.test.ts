/**
 * The A rules (arithmetic inside one table) on the published figures of 晋城 and 大同, each rule once quiet on the
 * figures as published and once firing with one figure changed. Cells are as the add-in draws the tables:
 * the header starts on row 4, so the body starts on row 6 (two header rows), 7 (three) or 5 (T08, one).
 */
import type { Finding } from "../../src/domain/finding";
import type { CellValue } from "../../src/domain/grid";
import { datongSample, jinchengSample } from "../../src/domain/samples";
import { check, copyRows, rowIndex, setCell } from "../support/disclosure";

const JC = jinchengSample.department;
const DT = datongSample.department;

/** Rule, place, severity and the figures: "A01 T03 C9 error 712.65/713.65/1.00" (expected/actual/difference). */
const line = (f: Finding) => `${f.rule} ${f.table} ${f.cell} ${f.severity} ${f.expected}/${f.actual}/${f.difference}`;
const figures = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule).map(line);

const arithmetic = (findings: Finding[]) => findings.filter((f) => /^A0[1-7]$/.test(f.rule));

/** A cell to change: [table, row label column, row label, column, value]. */
type Change = [string, string, string, string, CellValue];

/** 晋城 with some cells changed. */
function jincheng(...changes: Change[]): Finding[] {
  const rows = copyRows(jinchengSample);
  for (const [table, labelKey, label, key, value] of changes) setCell(rows, table, rowIndex(rows, table, labelKey, label), key, value);
  return check(rows, JC);
}

describe("the published figures", () => {
  test("晋城 passes every A rule: its 0.01 breaks are silent", () => {
    expect(arithmetic(check(copyRows(jinchengSample), JC)).map((f) => f.message)).toEqual([]);
  });

  test("晋城 in strict mode: exactly the 0.01 breaks of RULES.md", () => {
    const strict = arithmetic(check(copyRows(jinchengSample), JC, { strict: true }));
    expect(strict.map(line).sort()).toEqual(
      [
        // the five 类 sum to 5307.70, the totals say 5307.69 (T01–T05)
        "A04 T01 D36 error 5,307.70/5,307.69/-0.01",
        "A04 T01 E36 error 5,307.70/5,307.69/-0.01",
        "A03 T02 C6 error 5,307.70/5,307.69/-0.01",
        "A03 T02 D6 error 5,307.70/5,307.69/-0.01",
        "A03 T03 C6 error 5,307.70/5,307.69/-0.01",
        "A04 T04 D37 error 5,307.70/5,307.69/-0.01",
        "A04 T04 E37 error 5,307.70/5,307.69/-0.01",
        "A03 T05 C6 error 5,307.70/5,307.69/-0.01",
        // 208 262.87 vs 253.37 + 9.49; 20899 (and its 项) 10.57 vs 1.07 + 9.49
        "A01 T03 C15 error 262.86/262.87/0.01",
        "A01 T03 C20 error 10.56/10.57/0.01",
        "A01 T03 C21 error 10.56/10.57/0.01",
        "A01 T05 C15 error 262.86/262.87/0.01",
        "A01 T05 C20 error 10.56/10.57/0.01",
        "A01 T05 C21 error 10.56/10.57/0.01",
        // 20805 252.30 vs 166.52 + 72.27 + 13.50
        "A02 T02 C16 error 252.29/252.30/0.01",
        "A02 T02 D16 error 252.29/252.30/0.01",
        "A02 T03 C16 error 252.29/252.30/0.01",
        "A02 T03 D16 error 252.29/252.30/0.01",
        "A02 T05 C16 error 252.29/252.30/0.01",
        "A02 T05 D16 error 252.29/252.30/0.01",
        // T06 工资福利支出 737.57 vs 737.56, 对个人和家庭的补助 198.48 vs 198.49
        "A05 T06 C7 error 737.56/737.57/0.01",
        "A05 T06 D7 error 737.56/737.57/0.01",
        "A05 T06 C32 error 198.49/198.48/-0.01",
        "A05 T06 D32 error 198.49/198.48/-0.01",
      ].sort(),
    );
  });

  test("大同: A04 fires on T01 and on T04 (本年收入合计 2,737.68 against 2,178.00), and no other A finding", () => {
    const found = arithmetic(check(copyRows(datongSample), DT));
    expect(found.map(line)).toEqual([
      "A04 T01 B36 error 2,178.00/2,737.68/559.68",
      "A04 T04 B37 error 2,178.00/2,737.68/559.68",
    ]);
    expect(found[0].message).toBe("表1“预算收支总表”第36行（本年收入合计）为 2,737.68，应为各收入项目之和 2,178.00，多 559.68");
    expect(found[0].related.map((p) => p.cell)).toEqual(["B6", "B7", "B8", "B9", "B10"]);
    expect(found[1].message).toBe("表4“财政拨款收支总表”第37行（本年收入合计）为 2,737.68，应为各收入项目之和 2,178.00，多 559.68");
    expect(found[1].related.map((p) => p.cell)).toEqual(["B7", "B8", "B9"]);
  });

  test("大同 with 政府性基金预算 filled in on T01 and T04 balances", () => {
    const rows = copyRows(datongSample);
    for (const t of ["T01", "T04"]) setCell(rows, t, rowIndex(rows, t, "incomeItem", "二、政府性基金预算"), "incomeAmount", 559.68);
    expect(arithmetic(check(rows, DT))).toEqual([]);
  });
});

describe("A01 row totals", () => {
  test("T03 合计 = 基本支出 + 项目支出", () => {
    const found = jincheng(["T03", "code", "2011301", "total", 713.65]);
    expect(figures(found, "A01")).toEqual(["A01 T03 C9 error 712.65/713.65/1.00"]);
    const f = found.find((x) => x.rule === "A01")!;
    expect(f.message).toBe("表3“预算支出总表”第9行（2011301 行政运行）“合计”为 713.65，各组成列之和为 712.65，多 1.00");
    expect(f.related.map((p) => p.cell)).toEqual(["D9", "E9"]);
  });

  test("T02 合计 = the five sources of 本年收入; 上年结转 stands outside it", () => {
    expect(figures(jincheng(["T02", "code", "2011301", "unitFunds", 5]), "A01")).toEqual(["A01 T02 C9 error 717.65/712.65/-5.00"]);
    expect(figures(jincheng(["T02", "code", "2011301", "carryover", 5]), "A01")).toEqual([]);
  });

  test("T01 类 合计 = 当年预算安排 + 上年结转安排", () => {
    const found = jincheng(["T01", "expenseItem", "一、一般公共服务支出", "expenseCarried", 1]);
    expect(figures(found, "A01")).toEqual(["A01 T01 D6 error 2,637.14/2,636.14/-1.00"]);
    expect(found.find((x) => x.rule === "A01")!.message).toBe(
      "表1“预算收支总表”第6行（一、一般公共服务支出）“2023年合计”为 2,636.14，各组成列之和为 2,637.14，少 1.00",
    );
  });

  // [what, change, the A01 findings]
  test.each<[string, Change, string[]]>([
    ["T04 小计 = Σ funds", ["T04", "expenseItem", "一、一般公共服务支出", "expenseFund", 1], ["A01 T04 D7 error 2,637.14/2,636.14/-1.00"]],
    ["T06 合计 = 人员经费 + 公用经费, on item rows", ["T06", "deptEcon", "基本工资", "total", 204.68], ["A01 T06 C8 error 203.68/204.68/1.00"]],
    ["T09 expense 合计 = 基本支出 + 项目支出", ["T09", "expenseCode", "2011301", "expenseBasic", 3], ["A01 T09 F10 error 3.00/0.00/-3.00"]],
    ["T10 合计 = Σ funds", ["T10", "item", "公务接待费", "fund", 0.5], ["A01 T10 B7 error 1.00/0.50/-0.50"]],
    ["T11 合计 = Σ funds", ["T11", "unit", "晋城市商务局", "soe", 2], ["A01 T11 B7 error 156.25/154.25/-2.00"]],
    ["T12 合计 = Σ funds, 财政专户管理资金 included", ["T12", "project", "进博会专项资金", "specialAccount", 3], ["A01 T12 B15 error 18.00/15.00/-3.00"]],
    ["T12 合计 = Σ funds, 单位资金 included", ["T12", "project", "进博会专项资金", "unitFunds", 3], ["A01 T12 B15 error 18.00/15.00/-3.00"]],
  ])("%s", (_what, change, expected) => {
    expect(figures(jincheng(change), "A01")).toEqual(expected);
  });

  test("a blank amount is an exact zero: 0.02 off 一般公共预算 alone is an error, not rounding over five sources", () => {
    expect(figures(jincheng(["T02", "code", "2011301", "gpb", 712.67]), "A01")).toEqual(["A01 T02 C9 error 712.67/712.65/-0.02"]);
    expect(figures(jincheng(["T02", "code", "2011301", "gpb", 712.66]), "A01")).toEqual([]);
    const rows = copyRows(jinchengSample);
    setCell(rows, "T02", rowIndex(rows, "T02", "code", "2011301"), "gpb", 712.66);
    expect(figures(check(rows, JC, { strict: true }), "A01").filter((f) => f.includes(" T02 "))).toEqual(["A01 T02 C9 error 712.66/712.65/-0.01"]);
  });

  test("an unreadable cell is left to S07", () => {
    expect(figures(jincheng(["T03", "code", "2011301", "basic", "#REF!"]), "A01")).toEqual([]);
  });
});

describe("A02 类 = Σ 款, 款 = Σ 项", () => {
  test("a changed 款 breaks its 类 and its own 项 sum", () => {
    const found = jincheng(["T03", "code", "20113", "project", 1924.49]);
    expect(figures(found, "A02")).toEqual(["A02 T03 E7 error 1,924.49/1,923.49/-1.00", "A02 T03 E8 error 1,923.49/1,924.49/1.00"]);
    expect(found.find((f) => f.rule === "A02" && f.cell === "E8")!.message).toBe(
      "表3“预算支出总表”第8行（20113 商贸事务）“项目支出”为 1,924.49，其下级科目之和为 1,923.49，多 1.00",
    );
  });

  test.each<[string, Change, string[]]>([
    ["every amount column of T02, 上年结转 included", ["T02", "code", "2101101", "carryover", 2], ["A02 T02 I23 error 2.00/0.00/-2.00"]],
    ["T09 expense side", ["T09", "expenseCode", "2011301", "expenseTotal", 5], ["A02 T09 F9 error 5.00/0.00/-5.00"]],
  ])("%s", (_what, change, expected) => {
    expect(figures(jincheng(change), "A02")).toEqual(expected);
  });

  test("T07 income codes (大同)", () => {
    const rows = copyRows(datongSample);
    setCell(rows, "T07", rowIndex(rows, "T07", "code", "1030148"), "amount", 500);
    expect(figures(check(rows, DT), "A02")).toEqual(["A02 T07 C8 error 500.00/559.68/59.68"]);
  });

  test("a 项 without its 款 counts under its 类; a row without children is not a sum", () => {
    const rows = copyRows(jinchengSample);
    rows.T03!.splice(rowIndex(rows, "T03", "code", "20113"), 1);
    expect(figures(check(rows, JC), "A02")).toEqual([]);
    setCell(rows, "T03", rowIndex(rows, "T03", "code", "2011399"), "project", 399.99);
    expect(figures(check(rows, JC), "A02")).toEqual(["A02 T03 E7 error 1,924.49/1,923.49/-1.00"]);
  });
});

describe("A03 合计 = Σ 类", () => {
  test("T05 合计 项目支出", () => {
    const rows = copyRows(jinchengSample);
    setCell(rows, "T05", 0, "project", 4218.39);
    const f = check(rows, JC);
    expect(figures(f, "A03")).toEqual(["A03 T05 E6 error 4,217.39/4,218.39/1.00"]);
    expect(f.find((x) => x.rule === "A03")!.message).toBe("表5“一般公共预算支出预算表（不含上年结转）”合计行“项目支出”为 4,218.39，各类之和为 4,217.39，多 1.00");
    expect(f.find((x) => x.rule === "A03")!.related.map((p) => p.cell)).toEqual(["E7", "E15", "E22", "E26", "E29"]);
  });

  test("0.02 off a sum of five 类 is in the rounding zone: info", () => {
    const rows = copyRows(jinchengSample);
    setCell(rows, "T03", 0, "total", 5307.72);
    const f = check(rows, JC);
    expect(figures(f, "A03")).toEqual(["A03 T03 C6 info 5,307.70/5,307.72/0.02"]);
    expect(f.find((x) => x.rule === "A03")!.message).toMatch(/^可能为尾差：表3“预算支出总表”合计行“合计”为 5,307.72/);
    // the same cell against 基本支出 + 项目支出 (two parts, bound 0.015) is an error
    expect(figures(f, "A01")).toEqual(["A01 T03 C6 error 5,307.69/5,307.72/0.03"]);
  });

  test("T07 (大同): income 类 rows", () => {
    const rows = copyRows(datongSample);
    setCell(rows, "T07", 0, "amount", 600);
    expect(figures(check(rows, DT), "A03")).toEqual(["A03 T07 C6 error 559.68/600.00/40.32"]);
  });

  test("T09: each side against its own 类 rows", () => {
    expect(figures(jincheng(["T09", "incomeCode", "201", "incomeAmount", 7]), "A03")).toEqual(["A03 T09 C7 error 7.00/0.00/-7.00"]);
  });
});

describe("A04 T01/T04 balance", () => {
  test("收入总计 = 本年收入合计 + 上年结转", () => {
    const found = jincheng(["T01", "incomeItem", "上年结转", "incomeAmount", 10]);
    expect(figures(found, "A04")).toEqual(["A04 T01 B38 error 5,317.69/5,307.69/-10.00"]);
    expect(found.find((f) => f.rule === "A04")!.message).toBe("表1“预算收支总表”第38行（收入总计）为 5,307.69，应为本年收入合计与上年结转之和 5,317.69，少 10.00");
  });

  test("a figure beside no income item still counts in 本年收入合计", () => {
    const rows = copyRows(jinchengSample);
    setCell(rows, "T01", 5, "incomeAmount", 1);
    expect(figures(check(rows, JC), "A04")).toEqual(["A04 T01 B36 error 5,308.69/5,307.69/-1.00"]);
  });

  test("T04: the 上年财政拨款结转 sub-rows count, and the heading must equal them when it has a figure", () => {
    const rows = copyRows(jinchengSample);
    const head = rowIndex(rows, "T04", "incomeItem", "上年财政拨款结转");
    setCell(rows, "T04", head + 1, "incomeAmount", 10);
    expect(figures(check(rows, JC), "A04")).toEqual(["A04 T04 B42 error 5,317.69/5,307.69/-10.00"]);
    setCell(rows, "T04", head, "incomeAmount", 12);
    expect(figures(check(rows, JC), "A04")).toEqual(["A04 T04 B38 error 10.00/12.00/2.00", "A04 T04 B42 error 5,317.69/5,307.69/-10.00"]);
    setCell(rows, "T04", head + 1, "incomeAmount", null);
    expect(figures(check(rows, JC), "A04")).toEqual(["A04 T04 B42 error 5,319.69/5,307.69/-12.00"]);
  });

  test("本年支出合计 = Σ 类, each column", () => {
    const found = jincheng(["T01", "expenseItem", "二十、住房保障支出", "expenseCurrent", 74.26]);
    expect(figures(found, "A04")).toEqual(["A04 T01 E36 error 5,308.70/5,307.69/-1.01"]);
    expect(found.find((f) => f.rule === "A04")!.message).toBe(
      "表1“预算收支总表”第36行（本年支出合计）“当年预算安排”为 5,307.69，应为各支出类之和 5,308.70，少 1.01",
    );
    expect(figures(jincheng(["T04", "expenseItem", "二十、住房保障支出", "expenseSoe", 1]), "A04")).toEqual(["A04 T04 G37 error 1.00/0.00/-1.00"]);
  });

  test("支出总计 = 本年支出合计 + 年终结转", () => {
    expect(figures(jincheng(["T01", "expenseItem", "年终结转", "expenseTotal", 5]), "A04")).toEqual(["A04 T01 D38 error 5,312.69/5,307.69/-5.00"]);
  });

  test("收入总计 = 支出总计", () => {
    expect(figures(jincheng(["T04", "expenseItem", "支出总计", "expenseTotal", 5400]), "A04")).toEqual([
      "A04 T04 B42 error 5,400.00/5,307.69/-92.31",
      "A04 T04 D42 error 5,307.69/5,400.00/92.31",
    ]);
  });
});

describe("A05 T06 groups", () => {
  test("a group row = Σ its items, each column", () => {
    const found = jincheng(["T06", "deptEcon", "基本工资", "total", 204.68], ["T06", "deptEcon", "基本工资", "personnel", 204.68]);
    expect(figures(found, "A05")).toEqual(["A05 T06 C7 error 738.56/737.57/-0.99", "A05 T06 D7 error 738.56/737.57/-0.99"]);
    expect(found.find((f) => f.rule === "A05")!.message).toBe(
      "表6“一般公共预算安排基本支出分经济科目表（不含上年结转）”第7行（工资福利支出）“合计”为 737.57，其下各项之和为 738.56，少 0.99",
    );
  });

  test("合计 = Σ groups; 0.02 off three groups is an info, while 合计 = 人员 + 公用 (two) is an error", () => {
    expect(figures(jincheng(["T06", "deptEcon", "合计", "public", 155.25]), "A05")).toEqual(["A05 T06 E6 error 154.25/155.25/1.00"]);
    const found = jincheng(["T06", "deptEcon", "合计", "total", 1090.32]);
    expect(figures(found, "A05")).toEqual(["A05 T06 C6 info 1,090.30/1,090.32/0.02"]);
    expect(figures(found, "A01")).toEqual(["A01 T06 C6 error 1,090.30/1,090.32/0.02"]);
  });

  test("an amount in the other column of its group is a warning", () => {
    const found = jincheng(["T06", "deptEcon", "办公费", "personnel", 1], ["T06", "deptEcon", "办公费", "public", 42.08]);
    const warnings = found.filter((f) => f.rule === "A05" && f.severity === "warning");
    expect(warnings.map((f) => `${f.cell} ${f.expected}/${f.actual}/${f.difference}`)).toEqual(["D20 0.00/1.00/1.00"]);
    expect(warnings[0].message).toBe("表6“一般公共预算安排基本支出分经济科目表（不含上年结转）”第20行（办公费 办公经费）“人员经费”为 1.00，商品和服务支出应列入公用经费，该列应为 0.00，多 1.00");
    const personnel = jincheng(["T06", "deptEcon", "离休费", "public", 2]).filter((f) => f.rule === "A05" && f.severity === "warning");
    expect(personnel.map((f) => `${f.cell} ${f.actual}`)).toEqual(["E33 2.00"]);
  });
});

describe("A06 T10 三公", () => {
  test("公务用车购置及运行费 = ①购置费 + ②运行维护费", () => {
    const found = jincheng(["T10", "item", "②公务用车运行维护费", "gpb", 3.55]);
    expect(figures(found, "A06")).toEqual(["A06 T10 C8 error 3.55/2.55/-1.00"]);
    expect(found.find((f) => f.rule === "A06")!.message).toBe(
      "表10“一般公共预算“三公”经费支出预算表”第8行（公务用车购置及运行费）“一般公共预算”为 2.55，①购置费与②运行维护费之和为 3.55，少 1.00",
    );
  });

  test("合计 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行费", () => {
    expect(figures(jincheng(["T10", "item", "合计", "total", 4.05]), "A06")).toEqual(["A06 T10 B11 error 3.05/4.05/1.00"]);
    expect(figures(jincheng(["T10", "item", "因公出国（境）费", "total", 2], ["T10", "item", "因公出国（境）费", "gpb", 2]), "A06")).toEqual([
      "A06 T10 B11 error 5.05/3.05/-2.00",
      "A06 T10 C11 error 5.05/3.05/-2.00",
    ]);
  });
});

describe("A07 units and projects", () => {
  test("T11 部门合计 = Σ unit rows", () => {
    const found = jincheng(["T11", "unit", "晋城市商务局", "total", 150]);
    expect(figures(found, "A07")).toEqual(["A07 T11 B6 error 150.00/154.25/4.25"]);
    expect(found.find((f) => f.rule === "A07")!.message).toBe("表11“机关运行经费预算财政拨款情况统计表”第6行（部门合计）“合计”为 154.25，各单位之和为 150.00，多 4.25");
  });

  test("T12: a unit row = Σ its projects", () => {
    expect(figures(jincheng(["T12", "project", "开发区考核奖励和基础设施建设", "gpb", 1151]), "A07")).toEqual(["A07 T12 C8 error 4,027.89/4,026.89/-1.00"]);
  });

  test("T12: the department total = Σ units", () => {
    expect(figures(jincheng(["T12", "project", "晋城市对外劳务咨询和市场建设服务中心", "total", 200]), "A07")).toEqual([
      "A07 T12 B7 error 4,226.89/4,217.39/-9.50",
      "A07 T12 B32 error 190.50/200.00/9.50",
    ]);
  });

  test("T13: a department total over projects without unit rows = Σ projects", () => {
    const rows = copyRows(jinchengSample);
    rows.T13 = [
      [JC, 30, 30, null, null],
      ["晋城市商务局办公楼维修", 10, 10, null, null],
      ["商贸流通统计监测", 25, 25, null, null],
    ];
    expect(figures(check(rows, JC), "A07")).toEqual(["A07 T13 B7 error 35.00/30.00/-5.00", "A07 T13 C7 error 35.00/30.00/-5.00"]);
  });

  test("a unit row without projects listed is not a sum", () => {
    const rows = copyRows(jinchengSample);
    rows.T13 = [
      [JC, 5, 5, null, null],
      ["晋城市商务局服务站", 5, 5, null, null],
    ];
    expect(figures(check(rows, JC), "A07")).toEqual([]);
  });

  test("大同's T12 prints projects only: nothing to sum", () => {
    const rows = copyRows(datongSample);
    setCell(rows, "T12", rowIndex(rows, "T12", "project", "J物业费"), "gpb", 5);
    const found = check(rows, DT);
    expect(figures(found, "A07")).toEqual([]);
    expect(figures(found, "A01")).toEqual(["A01 T12 B11 error 5.00/3.74/-1.26"]);
  });
});
