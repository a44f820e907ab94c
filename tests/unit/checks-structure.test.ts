/** S01–S10 on the seed figures: each rule quiet on the published tables, and firing on one change. */
import { runChecks } from "../../src/domain/checks/registry";
import type { Finding } from "../../src/domain/finding";
import type { CellValue, SheetGrid } from "../../src/domain/grid";
import { readDisclosure } from "../../src/domain/read/read";
import { datongSample, jinchengSample } from "../../src/domain/samples";
import { catalog, check, copyRows, gridsOf, ofRule, pack, rowIndex, setCell } from "../support/disclosure";

const J = jinchengSample;
const structure = (findings: Finding[]) => findings.filter((f) => f.rule.startsWith("S"));

/** The grids of 晋城 as inserted, to change what the rows cannot (titles, meta lines, headers, notes). */
const jinchengGrids = () => gridsOf(copyRows(J), J.department);
const sheetOf = (grids: SheetGrid[], table: string) => grids[pack.tables.findIndex((t) => t.id === table)];
const checkGrids = (grids: SheetGrid[]) => runChecks(readDisclosure(pack, grids), pack, { strict: false, catalog });

/** 晋城 with one amount cell changed: the findings of one rule, and the first of them. */
function withAmount(table: string, code: string, key: string, value: CellValue, rule: string) {
  const rows = copyRows(J);
  setCell(rows, table, rowIndex(rows, table, "code", code), key, value);
  const found = check(rows, J.department).filter((f) => f.rule === rule);
  return { lines: ofRule(found, rule), first: found[0] };
}

describe("known cases", () => {
  it("晋城 and 大同: no structure finding at all", () => {
    expect(structure(check(copyRows(J), J.department))).toEqual([]);
    expect(structure(check(copyRows(datongSample), datongSample.department))).toEqual([]);
  });
});

describe("S01 every table present", () => {
  it("a table missing from the workbook: error without a place, naming the title", () => {
    const grids = jinchengGrids();
    grids.splice(grids.indexOf(sheetOf(grids, "T08")), 1);
    const found = checkGrids(grids).filter((f) => f.rule === "S01");
    expect(found.map((f) => [f.table, f.sheet, f.cell, f.severity])).toEqual([["T08", "", "", "error"]]);
    expect(found[0].message).toBe("缺少表8“政府性基金预算支出表（不含上年结转）”：工作簿中找不到标题为“2023年政府性基金预算支出表（不含上年结转）”的表");
  });

  it("a title with no header under it is not the table: S01 at the title, no S03 per column", () => {
    const grids = jinchengGrids();
    const t08 = sheetOf(grids, "T08");
    t08.values = t08.values.slice(0, 2);
    const found = checkGrids(grids);
    expect(ofRule(found, "S01")).toEqual(["S01 T08 A2 error"]);
    expect(found.find((f) => f.rule === "S01")!.message).toContain("标题“2023年政府性基金预算支出表（不含上年结转）”下没有可识别的表头");
    expect(ofRule(found, "S03")).toEqual([]);
  });
});

describe("S02 empty tables carry the note", () => {
  it("quiet: 晋城's empty T07, T08, T09, T13 carry 注：本表无数据", () => {
    expect(ofRule(check(copyRows(J), J.department), "S02")).toEqual([]);
  });

  it("an empty table without the note: warning at its title", () => {
    const grids = jinchengGrids();
    const t08 = sheetOf(grids, "T08");
    t08.values = t08.values.filter((r) => r[0] !== "注：本表无数据");
    const found = checkGrids(grids).filter((f) => f.rule === "S02");
    expect(ofRule(found, "S02")).toEqual(["S02 T08 A2 warning"]);
    expect(found[0].message).toBe("表8“政府性基金预算支出表（不含上年结转）”没有数据，但未注明“注：本表无数据”");
  });

  it("a table with figures and the note: warning at the note", () => {
    const grids = jinchengGrids();
    const t10 = sheetOf(grids, "T10");
    t10.values.push([null, null, null, null, null], ["注：本表无数据", null, null, null, null]);
    const found = checkGrids(grids).filter((f) => f.rule === "S02");
    expect(ofRule(found, "S02")).toEqual([`S02 T10 A${t10.values.length} warning`]);
    expect(found[0].message).toBe("表10“一般公共预算“三公”经费支出预算表”有数据，却注明“注：本表无数据”");
  });

  it("zeros are not figures: a table of 0 under the note is quiet (大同 T09)", () => {
    const rows = copyRows(datongSample);
    expect(rows.T09!.some((r) => r.includes(0))).toBe(true);
    expect(ofRule(check(rows, datongSample.department), "S02")).toEqual([]);
  });
});

describe("S03 header as the template", () => {
  it("a missing column: one error naming it", () => {
    const grids = jinchengGrids();
    sheetOf(grids, "T03").values[4][4] = null;
    const found = checkGrids(grids).filter((f) => f.rule === "S03");
    expect(ofRule(found, "S03")).toEqual(["S03 T03 E5 error"]);
    expect(found[0].message).toBe("表3“预算支出总表”表头列“项目支出”缺失");
  });

  it("two columns swapped: an error naming the column out of place", () => {
    const grids = jinchengGrids();
    const header = sheetOf(grids, "T03").values[4];
    [header[3], header[4]] = [header[4], header[3]];
    const found = checkGrids(grids).filter((f) => f.rule === "S03");
    expect(found.map((f) => f.message)).toEqual(["表3“预算支出总表”表头列“项目支出”的位置与表样不同"]);
    expect(found[0].severity).toBe("error");
  });
});

describe("S04 one department, S05 one year, S06 万元", () => {
  it("S04: one table names another department", () => {
    const grids = jinchengGrids();
    sheetOf(grids, "T05").values[2][0] = "部门名称：晋城市商务厅";
    const found = checkGrids(grids).filter((f) => f.rule === "S04");
    expect(ofRule(found, "S04")).toEqual(["S04 T05 A3 error"]);
    expect([found[0].expected, found[0].actual]).toEqual(["晋城市商务局", "晋城市商务厅"]);
    expect(found[0].message).toBe("表5“一般公共预算支出预算表（不含上年结转）”的部门名称为“晋城市商务厅”，与其他表的“晋城市商务局”不一致");
  });

  it("S04 quiet: the budget system's [部门] mark, and the same mark cut short", () => {
    const grids = gridsOf(copyRows(J), "晋城市商务局[部门]");
    sheetOf(grids, "T05").values[2][0] = "部门名称：晋城市商务局[部";
    sheetOf(grids, "T06").values[2][0] = "部门名称：晋城市商务局";
    expect(ofRule(checkGrids(grids), "S04")).toEqual([]);
  });

  it("S05: one title of another year", () => {
    const grids = jinchengGrids();
    sheetOf(grids, "T06").values[1][0] = "2022年一般公共预算安排基本支出分经济科目表（不含上年结转）";
    const found = checkGrids(grids).filter((f) => f.rule === "S05");
    expect(ofRule(found, "S05")).toEqual(["S05 T06 A2 error"]);
    expect(found[0].message).toBe("表6“一般公共预算安排基本支出分经济科目表（不含上年结转）”标题中的年度为 2022，与2023年不一致");
  });

  it("S06: a unit of 元, and a missing unit line", () => {
    const grids = jinchengGrids();
    sheetOf(grids, "T10").values[2][4] = "单位：元";
    sheetOf(grids, "T11").values[2][4] = null;
    const found = checkGrids(grids).filter((f) => f.rule === "S06");
    expect(ofRule(found, "S06")).toEqual(["S06 T10 E3 error", "S06 T11 A2 error"]);
    expect(found.map((f) => f.message)).toEqual([
      "表10“一般公共预算“三公”经费支出预算表”的金额单位为“元”，应为“万元”",
      "表11“机关运行经费预算财政拨款情况统计表”未注明金额单位，应为“单位：万元”",
    ]);
  });
});

describe("S07 amount cells hold numbers", () => {
  it("text with a unit: error at the cell, naming row and column", () => {
    const { lines, first } = withAmount("T03", "2011301", "basic", "712.65元", "S07");
    expect(lines).toEqual(["S07 T03 D9 error"]);
    expect(first.message).toBe("表3“预算支出总表”第9行（2011301 行政运行）“基本支出”应为金额，实际为文字“712.65元”");
  });

  it("an Excel error value", () => {
    const { lines, first } = withAmount("T02", "20113", "total", "#REF!", "S07");
    expect(lines).toEqual(["S07 T02 C8 error"]);
    expect(first.message).toContain("应为金额，实际为Excel 错误值 #REF!");
  });

  it.each([
    ["1,915.00", "已按金额 1915 读取"],
    ["１９１５", "已按金额 1915 读取"],
    [" 1915 ", "已按金额 1915 读取"],
    ["-", "已按空白读取"],
  ])("%j is read and normalised, with an info", (typed, said) => {
    const { lines, first } = withAmount("T03", "2300316", "project", typed, "S07");
    expect(lines).toEqual(["S07 T03 E33 info"]);
    expect(first.message).toBe(`表3“预算支出总表”第33行（2300316 商业服务业等）“项目支出”为文字“${typed.trim()}”，${said}`);
  });

  it("quiet on a cell of spaces alone", () => {
    expect(withAmount("T03", "2300316", "project", "   ", "S07").lines).toEqual([]);
  });

  it("T01 names a row by its expense item, not by the income item beside it", () => {
    const rows = copyRows(J);
    setCell(rows, "T01", 0, "expenseCurrent", "两千");
    const found = check(rows, J.department).filter((f) => f.rule === "S07");
    expect(found.map((f) => `${f.cell} ${f.message}`)).toEqual([
      "E6 表1“预算收支总表”第6行（一、一般公共服务支出）“当年预算安排”应为金额，实际为文字“两千”",
    ]);
  });
});

describe("S08 two decimals, S09 not negative", () => {
  it("S08: three decimals is a warning showing the figure as typed", () => {
    const { lines, first } = withAmount("T05", "2011301", "total", 712.655, "S08");
    expect(lines).toEqual(["S08 T05 C9 warning"]);
    expect(first.actual).toBe("712.655");
    expect(first.message).toBe("表5“一般公共预算支出预算表（不含上年结转）”第9行（2011301 行政运行）“合计”为 712.655，超过两位小数");
  });

  it("S08 quiet on trailing zeros as text", () => {
    expect(withAmount("T05", "2011301", "total", "712.650", "S08").lines).toEqual([]);
  });

  it("S09: a negative amount, also in accountants' brackets", () => {
    expect(withAmount("T05", "2011302", "project", -108, "S09").first.message).toBe(
      "表5“一般公共预算支出预算表（不含上年结转）”第10行（2011302 一般行政管理事务）“项目支出”为负数 -108.00",
    );
    expect(withAmount("T05", "2011302", "project", "(108.00)", "S09").lines).toEqual(["S09 T05 E10 warning"]);
    expect(withAmount("T05", "2011302", "project", 0, "S09").lines).toEqual([]);
  });
});

describe("S10 placeholders", () => {
  const project = (name: string) => {
    const rows = copyRows(J);
    rows.T12![2][0] = name;
    return check(rows, J.department).filter((f) => f.rule === "S10");
  };

  it.each([
    ["XX专项资金", "XX"],
    ["ｘｘ专项资金", "xx"],
    ["××项目", "××"],
    ["待填写", "待填写"],
    ["{单位}办公经费", "{单位}"],
    ["项目（此处填写项目名称）", "此处填写"],
  ])("%s in a T12 project name", (name, placeholder) => {
    const found = project(name);
    expect(ofRule(found, "S10")).toEqual(["S10 T12 A9 error"]);
    expect(found[0].message).toBe(`表12“项目支出预算表（本年预算）”中有未填写的占位内容“${placeholder}”`);
  });

  it.each(["XXL码工作服购置", "TAXX系统运维", "兰花保税物流中心跨境电商基础设施建设"])("quiet on %s", (name) => {
    expect(project(name)).toEqual([]);
  });

  it("a placeholder in the department line", () => {
    const found = ofRule(check(copyRows(J), "XX局"), "S10");
    expect(found).toHaveLength(13);
    expect(found[0]).toBe("S10 T01 A3 error");
  });

  it("quiet on 大同's project names (Z…, XM…, J… marks)", () => {
    expect(ofRule(check(copyRows(datongSample), datongSample.department), "S10")).toEqual([]);
  });
});
