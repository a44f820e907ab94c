/**
 * The X rules (X01–X14) on the published figures of 晋城 and 大同: each fires when one figure is changed, at the
 * cell that disagrees, with the other table's figure as expected; and stays quiet on the figures as published.
 */
import type { Finding } from "../../src/domain/finding";
import type { CellValue } from "../../src/domain/grid";
import { builtinCatalog } from "../../src/domain/catalog/catalog";
import { runChecks } from "../../src/domain/checks/registry";
import { builtinPack } from "../../src/domain/packs";
import { readDisclosure } from "../../src/domain/read/read";
import { datongSample, jinchengSample, shanghaiCommerceUnitSample, type Sample } from "../../src/domain/samples";
import { check, copyRows, gridsOf, ofRule, rowIndex, setCell } from "../support/disclosure";

type Rows = Record<string, CellValue[][]>;

const OURS = /^X(0[1-9]|1[0-4])$/;
const cross = (findings: Finding[]) => findings.filter((f) => OURS.test(f.rule));

/** All findings on the sample with `edit` applied to a copy of its rows. */
function changed(sample: Sample, edit: (rows: Rows) => void, options: { strict?: boolean } = {}): Finding[] {
  const rows = copyRows(sample);
  edit(rows);
  return check(rows, sample.department, options);
}

/** The one finding of `rule`, with its figures and related cells, for exact assertions. */
function one(findings: Finding[], rule: string) {
  const found = findings.filter((f) => f.rule === rule);
  expect(found).toHaveLength(1);
  const f = found[0];
  return {
    at: `${f.table} ${f.cell} ${f.severity}`,
    expected: f.expected,
    actual: f.actual,
    difference: f.difference,
    related: f.related.map((r) => `${r.table} ${r.cell}`),
    message: f.message,
  };
}

const J = jinchengSample;
const D = datongSample;

describe("known cases", () => {
  test("晋城 passes every X rule: its 0.01 breaks are silent", () => {
    expect(cross(check(copyRows(J), J.department))).toEqual([]);
  });

  test("晋城 in strict mode: only 离休费 + 退休费 166.53 vs 2080501 166.52 (X14)", () => {
    const x14 = one(cross(check(copyRows(J), J.department, { strict: true })), "X14");
    expect(x14).toMatchObject({ at: "T05 D17 warning", expected: "166.53", actual: "166.52", difference: "-0.01", related: ["T06 C33", "T06 C34"] });
    expect(cross(check(copyRows(J), J.department, { strict: true }))).toHaveLength(1);
  });

  test("大同: X02 fires on T01 and T04 (blank 政府性基金预算 vs 559.68), and no other X error", () => {
    const found = cross(check(copyRows(D), D.department));
    expect(found.filter((f) => f.severity === "error").map((f) => `${f.rule} ${f.table} ${f.cell} ${f.expected} ${f.actual}`)).toEqual([
      "X02 T01 B7 559.68 0.00",
      "X02 T04 B8 559.68 0.00",
    ]);
    expect(found.find((f) => f.table === "T01")!.message).toBe(
      "政府性基金预算：表1“预算收支总表”“二、政府性基金预算”为 0.00，表2“预算收入总表”合计行“政府性基金”为 559.68，少 559.68",
    );
    // Warnings: only 2080502 事业单位离退休 256.16 against 离休费 + 退休费 246.70 in T06.
    expect(found.filter((f) => f.severity !== "error").map((f) => `${f.rule} ${f.table} ${f.cell} ${f.severity} ${f.expected} ${f.actual}`)).toEqual([
      "X14 T05 D13 warning 246.70 256.16",
    ]);
  });

  test("大同 with 政府性基金预算 filled in T01 and T04: X02 is quiet", () => {
    const found = changed(D, (rows) => {
      setCell(rows, "T01", 1, "incomeAmount", 559.68);
      setCell(rows, "T04", 1, "incomeAmount", 559.68);
    });
    expect(ofRule(found, "X02")).toEqual([]);
  });

  test("大同: T11 69.35 is the 公用经费 of its 502 rows; 505 商品和服务支出 rows do not count (X11)", () => {
    expect(ofRule(check(copyRows(D), D.department), "X11")).toEqual([]);
    // Put the whole 公用经费 84.98 into T11: the 8 rows under 502 still sum to 69.35.
    const x11 = one(changed(D, (rows) => setCell(rows, "T11", 0, "total", 84.98)), "X11");
    expect(x11).toMatchObject({ at: "T11 B6 warning", expected: "69.35", actual: "84.98", difference: "15.63" });
    expect(x11.related).toEqual(["T06 E23", "T06 E27", "T06 E30", "T06 E31", "T06 E32", "T06 E34", "T06 E36", "T06 E37"]);
  });
});

describe("X01–X03: each fund agrees across tables", () => {
  test("X01: T05 合计 changed is reported at T05 against T02", () => {
    const x = one(changed(J, (rows) => setCell(rows, "T05", 0, "total", 5308.69)), "X01");
    expect(x).toEqual({
      at: "T05 C6 error",
      expected: "5,307.69",
      actual: "5,308.69",
      difference: "1.00",
      related: ["T02 D6"],
      message: "一般公共预算：表5“一般公共预算支出预算表（不含上年结转）”合计行“合计”为 5,308.69，表2“预算收入总表”合计行“一般公共预算”为 5,307.69，多 1.00",
    });
  });

  test("X01: when T02 alone disagrees, T02 is reported against the figure the other tables share", () => {
    const x = one(changed(J, (rows) => setCell(rows, "T02", 0, "gpb", 5308.69)), "X01");
    expect(x).toMatchObject({ at: "T02 D6 error", expected: "5,307.69", actual: "5,308.69", related: ["T01 B6"] });
  });

  test("X02: a T07 合计 the other tables do not have", () => {
    const x = one(changed(J, (rows) => setCell(rows, "T07", 0, "amount", 10)), "X02");
    expect(x).toMatchObject({ at: "T07 C6 error", expected: "0.00", actual: "10.00", difference: "10.00", related: ["T02 E6"] });
  });

  test("X03: T09 income 合计 and expense 合计 both take part", () => {
    expect(one(changed(J, (rows) => setCell(rows, "T09", 0, "incomeAmount", 5)), "X03")).toMatchObject({ at: "T09 C7 error", actual: "5.00" });
    expect(one(changed(J, (rows) => setCell(rows, "T09", 0, "expenseTotal", 5)), "X03")).toMatchObject({ at: "T09 F7 error", actual: "5.00" });
  });
});

describe("X04–X05: T01 against T02 and T03", () => {
  test("X04: T01 单位资金 without a T02 单位资金 total", () => {
    const x = one(changed(J, (rows) => setCell(rows, "T01", 4, "incomeAmount", 100)), "X04");
    expect(x).toMatchObject({ at: "T01 B10 error", expected: "0.00", actual: "100.00", difference: "100.00", related: ["T02 H6"] });
  });

  test("X05: 本年收入合计 against T02 合计, 本年支出合计 against T03 合计", () => {
    const found = changed(J, (rows) => {
      setCell(rows, "T01", 30, "incomeAmount", 5306.69);
      setCell(rows, "T01", 30, "expenseTotal", 5309.69);
    });
    expect(ofRule(found, "X05")).toEqual(["X05 T01 B36 error", "X05 T01 D36 error"]);
    const [income, expense] = found.filter((f) => f.rule === "X05");
    expect([income.expected, income.actual, income.difference]).toEqual(["5,307.69", "5,306.69", "-1.00"]);
    expect([expense.expected, expense.actual, expense.difference]).toEqual(["5,307.69", "5,309.69", "2.00"]);
    expect(expense.related.map((r) => `${r.table} ${r.cell}`)).toEqual(["T03 C6"]);
  });
});

describe("X06: each T01 类 = its T03 row", () => {
  test("a T01 类 with an amount that T03 does not list", () => {
    const x = one(changed(J, (rows) => setCell(rows, "T01", 1, "expenseTotal", 5)), "X06");
    expect(x).toMatchObject({ at: "T01 D7 error", expected: "0.00", actual: "5.00", related: [] });
    expect(x.message).toContain("表3“预算支出总表”科目 202“合计”（未列示）为 0.00");
  });

  test("a T03 类 that T01 leaves blank, and the T01 类 it lost", () => {
    const found = changed(J, (rows) => setCell(rows, "T03", rowIndex(rows, "T03", "code", "221"), "code", "222"));
    expect(ofRule(found, "X06")).toEqual(["X06 T01 D25 error", "X06 T01 D26 error"]);
    const lost = found.find((f) => f.rule === "X06" && f.cell === "D26")!;
    expect([lost.expected, lost.actual]).toEqual(["73.26", "0.00"]);
    expect(lost.related.map((r) => `${r.table} ${r.cell}`)).toEqual(["T03 C26"]);
  });
});

describe("X07: T02 本年 + 上年结转 = T03 合计 per code", () => {
  test("a 上年结转 on a T02 row that T03 does not spend", () => {
    const found = changed(J, (rows) => setCell(rows, "T02", rowIndex(rows, "T02", "code", "2011302"), "carryover", 1));
    const x = one(found, "X07");
    expect(x).toEqual({
      at: "T02 C10 error",
      expected: "108.00",
      actual: "109.00",
      difference: "1.00",
      related: ["T02 I10", "T03 C10"],
      message: "科目 2011302：表2“预算收入总表”本年收入与上年结转之和为 109.00，表3“预算支出总表”“合计”为 108.00，多 1.00",
    });
  });

  test("a code in one table only", () => {
    const found = changed(J, (rows) => setCell(rows, "T03", rowIndex(rows, "T03", "code", "2011302"), "code", "2011308"));
    expect(ofRule(found, "X07")).toEqual(["X07 T02 C10 error", "X07 T03 C10 error"]);
    expect(found.filter((f) => f.rule === "X07").map((f) => `${f.expected} ${f.actual}`)).toEqual(["0.00 108.00", "0.00 108.00"]);
  });
});

describe("X08: T04 per 类 and fund = T05 / T08 / T09", () => {
  test("一般公共预算 against T05", () => {
    const x = one(changed(J, (rows) => setCell(rows, "T05", 1, "total", 2637.14)), "X08");
    expect(x).toMatchObject({ at: "T04 E7 error", expected: "2,637.14", actual: "2,636.14", difference: "-1.00", related: ["T05 C7"] });
  });

  test("政府性基金预算 against T08 (大同 212)", () => {
    const x = one(changed(D, (rows) => setCell(rows, "T08", 1, "total", 560.68)), "X08");
    expect(x).toMatchObject({ at: "T04 F18 error", expected: "560.68", actual: "559.68", related: ["T08 C6"] });
  });

  test("国有资本经营预算 against the T09 expense side", () => {
    const x = one(changed(J, (rows) => setCell(rows, "T09", 1, "expenseTotal", 5)), "X08");
    expect(x).toMatchObject({ at: "T04 G7 error", expected: "5.00", actual: "0.00", related: ["T09 F8"] });
  });
});

describe("X09: T05 and T08 do not exceed T03", () => {
  test("T05 基本支出 above T03", () => {
    const x = one(changed(J, (rows) => setCell(rows, "T05", 3, "basic", 713.65)), "X09");
    expect(x).toMatchObject({ at: "T05 D9 error", expected: "712.65", actual: "713.65", difference: "1.00", related: ["T03 D9"] });
    expect(x.message).toBe("科目 2011301：表5“一般公共预算支出预算表（不含上年结转）”“基本支出”为 713.65，超过表3“预算支出总表”“基本支出”的 712.65，多 1.00");
  });

  test("T05 below T03 is allowed", () => {
    expect(ofRule(changed(J, (rows) => setCell(rows, "T05", 3, "basic", 700)), "X09")).toEqual([]);
  });

  test("T08 项目支出 above T03 (大同)", () => {
    const x = one(changed(D, (rows) => setCell(rows, "T08", 3, "project", 560.68)), "X09");
    expect(x).toMatchObject({ at: "T08 E8 error", expected: "559.68", actual: "560.68", related: ["T03 E21"] });
  });

  test("an excess of 0.01 is silent, except in strict mode", () => {
    const edit = (rows: Rows) => setCell(rows, "T05", 3, "basic", 712.66);
    expect(ofRule(changed(J, edit), "X09")).toEqual([]);
    expect(ofRule(changed(J, edit, { strict: true }), "X09")).toEqual(["X09 T05 D9 error"]);
  });
});

test("X10: T05 基本支出 合计 = T06 合计", () => {
  const x = one(changed(J, (rows) => setCell(rows, "T06", 0, "total", 1091.3)), "X10");
  expect(x).toMatchObject({ at: "T05 D6 error", expected: "1,091.30", actual: "1,090.30", difference: "-1.00", related: ["T06 C6"] });
});

describe("X11: T11 部门合计 = 公用经费 of the 502 rows of T06", () => {
  test("within the rounding zone of its 12 figures an info, beyond it a warning", () => {
    const info = one(changed(J, (rows) => setCell(rows, "T11", 0, "total", 154.3)), "X11");
    expect(info).toMatchObject({ at: "T11 B6 info", expected: "154.25", actual: "154.30", difference: "0.05" });
    expect(info.message.startsWith("可能为尾差：")).toBe(true);
    expect(info.related).toHaveLength(12);
    expect(one(changed(J, (rows) => setCell(rows, "T11", 0, "total", 154.33)), "X11")).toMatchObject({ at: "T11 B6 warning", difference: "0.08" });
  });

  test("a row under 505 商品和服务支出 (事业单位) is not 机关运行经费", () => {
    const found = changed(J, (rows) => setCell(rows, "T06", rowIndex(rows, "T06", "deptEcon", "其他商品和服务支出"), "govEcon", "商品和服务支出"));
    expect(one(found, "X11")).toMatchObject({ at: "T11 B6 warning", expected: "115.69", actual: "154.25", difference: "38.56" });
  });
});

describe("X12: T10 三公 ≥ the T06 rows", () => {
  test("公务接待费 in T10 below T06", () => {
    const x = one(changed(J, (rows) => setCell(rows, "T10", 1, "total", 0.3)), "X12");
    expect(x).toMatchObject({ at: "T10 B7 warning", expected: "0.50", actual: "0.30", difference: "-0.20", related: ["T06 C26"] });
  });

  test("公务用车运行维护费 in T06 above T10", () => {
    const found = changed(J, (rows) => setCell(rows, "T06", rowIndex(rows, "T06", "deptEcon", "公务用车运行维护费"), "total", 3.55));
    expect(one(found, "X12")).toMatchObject({ at: "T10 B10 warning", expected: "3.55", actual: "2.55" });
  });

  test("因公出国（境）费用 in T06 with none in T10", () => {
    const found = changed(J, (rows) => rows.T06.splice(20, 0, ["因公出国（境）费用", "因公出国（境）费用", 2, null, 2]));
    expect(one(found, "X12")).toMatchObject({ at: "T10 B6 warning", expected: "2.00", actual: "0.00", related: ["T06 C26"] });
  });

  test("T10 above T06 (project funds pay part) is allowed", () => {
    expect(ofRule(changed(J, (rows) => setCell(rows, "T10", 1, "total", 1)), "X12")).toEqual([]);
  });
});

describe("X13: 项目支出 = T12 (+ T13)", () => {
  test("T03 against T12's department row", () => {
    const x = one(changed(J, (rows) => setCell(rows, "T12", 0, "total", 4218.39)), "X13");
    expect(x).toMatchObject({ at: "T03 E6 error", expected: "4,218.39", actual: "4,217.39", difference: "-1.00", related: ["T12 B7"] });
  });

  test("T13 projects add to T12", () => {
    const x = one(changed(J, (rows) => (rows.T13 = [["某结转项目", 5, 5, null, null]])), "X13");
    expect(x).toMatchObject({ at: "T03 E6 error", expected: "4,222.39", related: ["T12 B7", "T13 B7"] });
  });

  test("大同 prints no total row: T08 against the sum of the projects' 政府性基金预算", () => {
    const x = one(changed(D, (rows) => setCell(rows, "T12", 6, "fund", 21)), "X13");
    expect(x).toMatchObject({ at: "T08 E5 error", expected: "560.68", actual: "559.68" });
    expect(x.related).toHaveLength(23);
  });

  test("T05 against T12's 一般公共预算", () => {
    const x = one(changed(J, (rows) => setCell(rows, "T12", 0, "gpb", 4216.39)), "X13");
    expect(x).toMatchObject({ at: "T05 E6 error", expected: "4,216.39", actual: "4,217.39" });
  });

  test("a project among 23: 0.05 is in the rounding zone, 0.15 beyond it", () => {
    expect(one(changed(D, (rows) => setCell(rows, "T12", 5, "total", 75.55)), "X13")).toMatchObject({ at: "T03 E6 info", difference: "-0.05" });
    expect(one(changed(D, (rows) => setCell(rows, "T12", 5, "total", 75.65)), "X13")).toMatchObject({ at: "T03 E6 error", difference: "-0.15" });
  });
});

describe("X14: 基本支出 by function = by economic item", () => {
  test("职业年金缴费 against 2080506", () => {
    const found = changed(J, (rows) => setCell(rows, "T06", rowIndex(rows, "T06", "deptEcon", "职业年金缴费"), "total", 14.5));
    expect(one(found, "X14")).toMatchObject({ at: "T05 D19 warning", expected: "14.50", actual: "13.50", difference: "-1.00", related: ["T06 C13"] });
  });

  test("a name printed twice (大同 机关事业单位基本养老保险缴费) counts with both rows", () => {
    // 58.43 + 13.20 = 71.63 = 2080505: quiet as published; a change in the second row is seen.
    const found = changed(D, (rows) => setCell(rows, "T06", 9, "total", 14.2));
    expect(found.filter((f) => f.rule === "X14").map((f) => `${f.cell} ${f.expected} ${f.actual}`)).toEqual(["D13 246.70 256.16", "D14 72.63 71.63"]);
  });
});

describe("X10 in the 单位 pack: 表8's 人员经费 and 公用经费 within 表1's (商务委 2025 单位预算)", () => {
  const sample = shanghaiCommerceUnitSample;
  const pack = builtinPack(sample.pack);
  /** X10 findings with T08's 合计 row's personnel and public set to `personnel` and `pub` (their total kept). */
  function x10(personnel: number, pub: number): Finding[] {
    const rows = copyRows(sample);
    const total = rows.T08!.at(-1)!;
    const column = (key: string) => pack.tables.find((t) => t.id === "T08")!.columns.findIndex((c) => c.key === key);
    total[column("personnel")] = personnel;
    total[column("public")] = pub;
    const disclosure = readDisclosure(pack, gridsOf(rows, sample.department, sample.year, pack));
    return runChecks(disclosure, pack, { strict: false, catalog: builtinCatalog(sample.year) }).filter((f) => f.rule === "X10");
  }

  it("quiet on the figures as published (18,120,593.00 and 1,710,062.00 in both)", () => {
    expect(x10(18120593, 1710062)).toEqual([]);
  });

  it("101,200 moved from 人员经费 to 公用经费 in 表8: its 公用经费 exceeds 表1's, at 表8's cell", () => {
    const found = x10(18019393, 1811262);
    expect(found.map((f) => [f.table, f.cell, f.actual, f.expected])).toEqual([["T08", "F37", "1,811,262.00", "1,710,062.00"]]);
  });
});
