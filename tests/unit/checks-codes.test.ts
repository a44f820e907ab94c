/** C01–C09 on the seed tables: quiet on the published codes and names, firing on one change. */
import { importCatalog, type Catalog } from "../../src/domain/catalog/catalog";
import type { Finding } from "../../src/domain/finding";
import { runChecks } from "../../src/domain/checks/registry";
import type { CellValue } from "../../src/domain/grid";
import { datongSample, jinchengSample } from "../../src/domain/samples";
import { catalog, check, copyRows, disclosureOf, ofRule, pack, rowIndex, setCell } from "../support/disclosure";

const J = jinchengSample;
type Rows = Record<string, CellValue[][]>;
const codeFindings = (findings: Finding[]) => findings.filter((f) => f.rule.startsWith("C"));

/** 晋城, changed by `edit`, checked with `cat`: the findings of one rule. */
function run(rule: string, edit: (rows: Rows) => void, cat: Catalog = catalog): Finding[] {
  const rows = copyRows(J);
  edit(rows);
  return runChecks(disclosureOf(rows, J.department), pack, { strict: false, catalog: cat }).filter((f) => f.rule === rule);
}
const lines = (found: Finding[]) => ofRule(found, found[0]?.rule ?? "");
const setCode = (table: string, from: string, key: string, value: CellValue) => (rows: Rows) =>
  setCell(rows, table, rowIndex(rows, table, "code", from), key, value);
const removeRow = (table: string, code: string) => (rows: Rows) => rows[table]!.splice(rowIndex(rows, table, "code", code), 1);

describe("known cases", () => {
  it("晋城: no code finding", () => {
    expect(codeFindings(check(copyRows(J), J.department))).toEqual([]);
  });

  it("大同: nothing to say of its codes (103 非税收入 and 10301 政府性基金收入 are in the built-in list, from this seed)", () => {
    expect(codeFindings(check(copyRows(datongSample), datongSample.department))).toEqual([]);
  });
});

describe("C01 code length", () => {
  it("six digits in T03, and in T09's expense side", () => {
    expect(lines(run("C01", setCode("T03", "2011302", "code", "201130")))).toEqual(["C01 T03 A10 error"]);
    const t09 = run("C01", (rows) => setCell(rows, "T09", rowIndex(rows, "T09", "expenseCode", "2011302"), "expenseCode", "20113020"));
    expect(lines(t09)).toEqual(["C01 T09 D11 error"]);
    expect(t09[0].message).toBe("表9“国有资本经营预算收支预算表（不含上年结转）”科目编码“20113020”不是 3、5 或 7 位数字");
  });
});

describe("C02 code in the catalogue", () => {
  const unknownItem = setCode("T03", "2011302", "code", "2011308");

  it("a 项 the built-in catalogue lacks, under a known 类: not judged, one info asking for the official catalogue", () => {
    const found = run("C02", unknownItem);
    expect(lines(found)).toEqual(["C02 T03 A10 info"]);
    expect(found[0].message).toBe("科目编码 2011308 不在内置目录覆盖范围内，未核对（内置目录不全）；导入2023年官方科目目录后可核对");
  });

  it("many codes beyond the coverage, in several tables: one info for the workbook, every place related", () => {
    const rows = copyRows(jinchengSample);
    for (const t of ["T02", "T03", "T05"] as const) for (const code of ["2011302", "2011301"]) setCell(rows, t, rowIndex(rows, t, "code", code), "code", code.replace(/0(\d)$/, "9$1"));
    const found = runChecks(disclosureOf(rows, jinchengSample.department), pack, { strict: false, catalog }).filter((f) => f.rule === "C02");
    expect(found.map((f) => [f.severity, f.actual, f.related.length])).toEqual([["info", "2011391、2011392", 5]]);
  });

  it("the same code is an error once the official catalogue is imported", () => {
    const official = importCatalog(2023, "functional", catalog.entries("functional").map((e) => [e.code, e.name]));
    const found = run("C02", unknownItem, official);
    expect(lines(found)).toEqual(["C02 T03 A10 error"]);
    expect(found[0].message).toBe("表3“预算支出总表”科目编码 2011308 不在2023年科目目录中");
  });

  it("a code under an unknown 类 is always an error", () => {
    const found = run("C02", setCode("T05", "2011302", "code", "2990102"));
    expect(lines(found)).toEqual(["C02 T05 A10 error"]);
    expect(found[0].message).toBe("表5“一般公共预算支出预算表（不含上年结转）”科目编码 2990102 所属的类 299 不在2023年科目目录中");
  });
});

describe("C10 one code, one name in every table", () => {
  // 晋城's 2011302 一般行政管理事务 (表2, 表3, 表5) given a code the built-in catalogue lacks, as a real 项 it does not list.
  const beyond = (rows: Rows) => {
    for (const t of ["T02", "T03", "T05"]) setCode(t, "2011302", "code", "2011392")(rows);
  };
  const renamed = (table: string, name: string) => (rows: Rows) => {
    beyond(rows);
    setCode(table, "2011392", "name", name)(rows);
  };

  it("quiet when every table prints the same name, and for the catalogue's codes (C03 judges those)", () => {
    expect(run("C10", beyond)).toEqual([]);
    expect(run("C10", setCode("T05", "2011302", "name", "机关服务"))).toEqual([]);
  });

  it("the odd one out: at its name, with the name the other tables print", () => {
    const found = run("C10", renamed("T05", "机关服务"));
    expect(lines(found)).toEqual(["C10 T05 B10 error"]);
    expect(found[0].message).toBe("表5“一般公共预算支出预算表（不含上年结转）”科目 2011392 的名称为“机关服务”，其他 2 张表为“一般行政管理事务”");
    expect(found[0].related.map((p) => p.table)).toEqual(["T02", "T03"]);
  });

  it("two tables, two names: which is wrong is not known, nothing is said", () => {
    const rows = copyRows(J);
    for (const t of ["T02", "T03"]) setCode(t, "2011302", "code", "2011392")(rows);
    setCode("T03", "2011392", "name", "机关服务")(rows);
    expect(runChecks(disclosureOf(rows, J.department), pack, { strict: false, catalog }).filter((f) => f.rule === "C10")).toEqual([]);
  });
});

describe("C03 name beside the code", () => {
  it("a wrong name: error at the name, proposing the catalogue's", () => {
    const found = run("C03", setCode("T05", "2011301", "name", "行政运行费"));
    expect(lines(found)).toEqual(["C03 T05 B9 error"]);
    expect([found[0].expected, found[0].actual]).toEqual(["行政运行", "行政运行费"]);
    expect(found[0].message).toBe("表5“一般公共预算支出预算表（不含上年结转）”科目 2011301 的名称为“行政运行费”，目录中为“行政运行”");
  });

  it("quiet: a recorded variant, spaces and full-width letters", () => {
    const found = run("C03", (rows) => {
      setCode("T02", "20805", "name", "行政事业单位离退休")(rows);
      setCode("T02", "2011301", "name", "行政 运行")(rows);
      setCode("T02", "2300316", "name", "商业服务业等　")(rows);
    });
    expect(found).toEqual([]);
  });

  it("T07 income names too", () => {
    const rows = copyRows(datongSample);
    setCell(rows, "T07", rowIndex(rows, "T07", "code", "1030148"), "name", "土地出让收入");
    const found = check(rows, datongSample.department).filter((f) => f.rule === "C03");
    expect(lines(found)).toEqual(["C03 T07 B9 error"]);
    expect(found[0].expected).toBe("国有土地使用权出让收入");
  });
});

describe("C04 parents above", () => {
  it("a 款 removed: one error at its first 项, not one per 项", () => {
    const found = run("C04", removeRow("T03", "20113"));
    expect(lines(found)).toEqual(["C04 T03 A8 error"]);
    expect(found[0].message).toBe("表3“预算支出总表”科目 2011301 上方缺少其款行 20113");
  });

  it("a 类 removed: error at its first 款", () => {
    const found = run("C04", removeRow("T02", "208"));
    expect(lines(found)).toEqual(["C04 T02 A15 error"]);
    expect(found[0].message).toBe("表2“预算收入总表”科目 20805 上方缺少其类行 208");
  });
});

describe("C05 code order", () => {
  it("two 项 swapped: a warning at the one out of order", () => {
    const found = run("C05", (rows) => {
      const i = rowIndex(rows, "T03", "code", "2011302");
      [rows.T03![i], rows.T03![i + 1]] = [rows.T03![i + 1], rows.T03![i]];
    });
    expect(lines(found)).toEqual(["C05 T03 A11 warning"]);
    expect(found[0].message).toBe("表3“预算支出总表”科目 2011302 排在 2011304 之后，未按编码顺序");
  });

  it("a 类 block moved ahead of an earlier one", () => {
    const found = run("C05", (rows) => {
      const from = rowIndex(rows, "T05", "code", "221");
      const block = rows.T05!.splice(from, 3);
      rows.T05!.splice(rowIndex(rows, "T05", "code", "208"), 0, ...block);
    });
    expect(found.map((f) => `${f.cell} ${f.severity} ${f.expected}`)).toEqual(["A18 warning 2210201"]);
  });
});

describe("C06 and C07 on T06", () => {
  const t06 = (dept: string, gov: string | null) => (rows: Rows) => {
    const i = rows.T06!.findIndex((r) => r[0] === dept);
    rows.T06![i][1] = gov;
  };
  const renameItem = (from: string, to: string) => (rows: Rows) => {
    rows.T06!.find((r) => r[0] === from)![0] = to;
  };

  it("C06: a name not in 301 (whose items are all known): error", () => {
    const found = run("C06", renameItem("基本工资", "基本工资费"));
    expect(lines(found)).toEqual(["C06 T06 A8 error"]);
    expect(found[0].message).toBe("表6“一般公共预算安排基本支出分经济科目表（不含上年结转）”部门经济科目“基本工资费”不在2023年部门预算支出经济分类中");
  });

  it("C06: an unknown name under a group the built-in list covers partly: warning; no C07 for it", () => {
    const edit = (rows: Rows) => rows.T06!.push(["资本性支出", null, 1, null, 1], ["新型设备购置", "资本性支出", 1, null, 1]);
    const found = run("C06", edit);
    expect(found.map((f) => `${f.table} ${f.severity} ${f.actual}`)).toEqual(["T06 warning 新型设备购置"]);
    expect(found[0].message).toContain("请导入2023年官方科目目录后再核对");
    expect(run("C07", edit)).toEqual([]);
  });

  it("quiet: group rows, the 合计 row, and every item of 晋城 and 大同", () => {
    expect(run("C06", () => undefined)).toEqual([]);
    expect(ofRule(check(copyRows(datongSample), datongSample.department), "C06")).toEqual([]);
  });

  it("C07: a pair that is not official, proposing the official ones", () => {
    const found = run("C07", t06("办公费", "会议费"));
    expect(lines(found)).toEqual(["C07 T06 B20 error"]);
    expect(found[0].expected).toBe("办公经费、商品和服务支出");
    expect(found[0].message).toBe(
      "表6“一般公共预算安排基本支出分经济科目表（不含上年结转）”部门经济科目“办公费”对应的政府经济科目为“会议费”，不是官方对应关系（应为：办公经费、商品和服务支出）",
    );
  });

  it("C07: a 商品和服务 item to the 505 工资福利支出 is wrong", () => {
    expect(lines(run("C07", t06("办公费", "工资福利支出")))).toEqual(["C07 T06 B20 error"]);
  });

  it("C07 quiet: a 事业单位 item to the 505 款 of its own group, though no published table prints the pair", () => {
    const found = run("C07", (rows) => {
      renameItem("印刷费", "差旅费")(rows);
      t06("差旅费", "商品和服务支出")(rows);
      renameItem("奖金", "伙食补助费")(rows);
      t06("伙食补助费", "工资福利支出")(rows);
    });
    expect(found).toEqual([]);
  });

  it("C07: a name the correspondence does not know: warning", () => {
    const found = run("C07", (rows) => {
      renameItem("印刷费", "咨询费")(rows);
      t06("咨询费", "委托业务费")(rows);
    });
    expect(lines(found)).toEqual(["C07 T06 B21 warning"]);
    expect(found[0].message).toContain("内置对应关系中没有这一科目");
  });

  it("C07 quiet on 大同's 机关 and 事业单位 pairs", () => {
    expect(ofRule(check(copyRows(datongSample), datongSample.department), "C07")).toEqual([]);
  });
});

describe("C08 the 30 类 of T01 and T04", () => {
  const expenseItem = (table: string, from: string, to: string | null) => (rows: Rows) =>
    setCell(rows, table, rowIndex(rows, table, "expenseItem", from), "expenseItem", to);

  it("an old wording", () => {
    const found = run("C08", expenseItem("T01", "十、卫生健康支出", "十、医疗卫生与计划生育支出"));
    expect(lines(found)).toEqual(["C08 T01 C15 error"]);
    expect([found[0].expected, found[0].actual]).toEqual(["十、卫生健康支出", "十、医疗卫生与计划生育支出"]);
    expect(found[0].message).toBe("表1“预算收支总表”第 10 个支出类应为“十、卫生健康支出”，实际为“十、医疗卫生与计划生育支出”");
  });

  it("the numbering left out", () => {
    expect(lines(run("C08", expenseItem("T04", "一、一般公共服务支出", "一般公共服务支出")))).toEqual(["C08 T04 C7 error"]);
  });

  it("quiet on spaces inside and around the name", () => {
    expect(run("C08", expenseItem("T01", "二十、住房保障支出", "二十、 住房保障支出 "))).toEqual([]);
  });

  it("a 类 row missing: one error where it should stand, not one per later row", () => {
    const found = run("C08", expenseItem("T04", "五、教育支出", null));
    expect(lines(found)).toEqual(["C08 T04 C12 error"]);
    expect(found[0].message).toBe("表4“财政拨款收支总表”缺少第 5 个支出类“五、教育支出”");
  });

  it("two 类 rows swapped", () => {
    const found = run("C08", (rows) => {
      expenseItem("T01", "二、外交支出", "三、国防支出")(rows);
      setCell(rows, "T01", 2, "expenseItem", "二、外交支出");
    });
    expect(found.map((f) => `${f.cell} ${f.message}`)).toEqual(["C8 表1“预算收支总表”“二、外交支出”未按官方顺序排列，应为第 2 个支出类"]);
  });

  it("a 类 that is not one of the 30", () => {
    const found = run("C08", (rows) => rows.T01!.splice(3, 0, [null, null, "三之一、其他国防支出", null, null, null]));
    expect(found.map((f) => `${f.cell} ${f.severity} ${f.message}`)).toEqual([
      "C9 error 表1“预算收支总表”“三之一、其他国防支出”不是官方支出功能分类的类",
    ]);
  });
});

describe("C09 T07 income codes", () => {
  const datong = (code: string) => {
    const rows = copyRows(datongSample);
    setCell(rows, "T07", rowIndex(rows, "T07", "code", "1030148"), "code", code);
    return check(rows, datongSample.department).filter((f) => f.rule === "C09" && f.cell === "A9");
  };

  it("a functional code in T07: error", () => {
    const found = datong("2120899");
    expect(found.map((f) => f.severity)).toEqual(["error"]);
    expect(found[0].message).toBe("表7“政府性基金预算收入表（不含上年结转）”收入科目编码 2120899 不是收入分类科目编码（收入科目以 1 开头）");
  });

  it("a code of eight digits: error", () => {
    expect(datong("10301480").map((f) => [f.severity, f.message.endsWith("不是 3、5 或 7 位数字")])).toEqual([["error", true]]);
  });

  it("a well-formed income code the built-in list lacks: counted in the info, not judged", () => {
    const rows = copyRows(datongSample);
    setCell(rows, "T07", rowIndex(rows, "T07", "code", "1030148"), "code", "1030149");
    const found = check(rows, datongSample.department).filter((f) => f.rule === "C09");
    expect(found.map((f) => [f.severity, f.cell, f.actual])).toEqual([["info", "A9", "1030149"]]);
    expect(found[0].message).toBe("收入科目编码 1030149 不在内置目录覆盖范围内，未核对（内置目录不全）；导入2023年官方科目目录后可核对");
  });

  it("an error once the official income catalogue is imported", () => {
    const official = importCatalog(2023, "income", [["103", "非税收入"], ["10301", "政府性基金收入"], ["1030148", "国有土地使用权出让收入"]]);
    const rows = copyRows(datongSample);
    setCell(rows, "T07", rowIndex(rows, "T07", "code", "1030148"), "code", "1030149");
    const found = runChecks(disclosureOf(rows, datongSample.department), pack, { strict: false, catalog: official }).filter(
      (f) => f.rule === "C09",
    );
    expect(ofRule(found, "C09")).toEqual(["C09 T07 A9 error"]);
  });
});
