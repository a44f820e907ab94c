/**
 * Rules a pack declares (id, title, severity, message), built-in rules it grades otherwise, and check rows an
 * extending pack does without (`removeChecks`) — on 晋城 2023 as published with one figure changed.
 */
import { builtinCatalog } from "../../src/domain/catalog/catalog";
import { runChecks } from "../../src/domain/checks/registry";
import type { Finding } from "../../src/domain/finding";
import { readPackData } from "../../src/domain/packs/validate";
import { readDisclosure } from "../../src/domain/read/read";
import { jinchengSample } from "../../src/domain/samples";
import { copyRows, gridsOf } from "../support/disclosure";
import { reportHtml } from "../../src/domain/report/html";
import shanxiJson from "../../src/domain/packs/shanxi-2023.json";

/** 收入总计 = 本年收入合计 + 上年财政拨款结转 in 表4, as a formula of rule `rule`. */
const carried = (rule: string) => ({
  kind: "formula",
  rule,
  left: [{ table: "T04", column: "incomeAmount", row: "收入总计" }],
  op: "=",
  right: [
    { table: "T04", column: "incomeAmount", row: "本年收入合计" },
    { table: "T04", column: "incomeAmount", row: "上年财政拨款结转" },
  ],
});

const F01 = { id: "F01", title: "财政拨款收入总计", severity: "warning", message: "{table}{row}为 {actual}，应为{other} {expected}，{difference}" };

/** Findings of `data` (a pack, as JSON) on 晋城 with 表4's 上年财政拨款结转 set to 10. */
function findings(data: unknown): Finding[] {
  const pack = readPackData(data);
  const rows = copyRows(jinchengSample);
  rows.T04[31][1] = 10;
  const disclosure = readDisclosure(pack, gridsOf(rows, jinchengSample.department, 2023, pack));
  return runChecks(disclosure, pack, { strict: false, catalog: builtinCatalog(2023) }).filter((f) => f.table === "T04" && /^(F01|A04)$/.test(f.rule));
}

describe("a pack's own rule", () => {
  test("is reported with its id, title, severity and message", () => {
    const found = findings({ ...shanxiJson, rules: [F01], checks: [carried("F01")] });
    expect(found.map((f) => [f.rule, f.title, f.severity])).toEqual([["F01", "财政拨款收入总计", "warning"]]);
    expect(found[0].message).toMatch(/^表4“财政拨款收支总表”“收入总计”为 5,307\.69，应为表4“财政拨款收支总表”“本年收入合计”加表4“财政拨款收支总表”“上年财政拨款结转” 5,317\.69，少 10\.00$/);
  });

  test("its title is in the HTML review page's count by rule", () => {
    const found = findings({ ...shanxiJson, rules: [F01], checks: [carried("F01")] });
    const html = reportHtml({ checkedAt: new Date(), strict: false, files: [{ file: "a.xlsx", department: "晋城市商务局", tablesFound: [], findings: found }] }, []);
    expect(html).toMatch(/<td data-value="F01">F01<\/td><td data-value="财政拨款收入总计">财政拨款收入总计<\/td><td data-value="警告">警告<\/td>/);
  });

  test("a built-in rule graded otherwise: A04 reported as a warning", () => {
    const found = findings({ ...shanxiJson, rules: [{ id: "A04", severity: "warning" }], checks: [carried("A04")] });
    expect(found.map((f) => [f.rule, f.title, f.severity])).toEqual([["A04", undefined, "warning"]]);
  });
});

describe("rules wired wrongly are refused when the pack loads", () => {
  const load = (rules: unknown[], checks: unknown[] = []) => () => readPackData({ ...shanxiJson, rules, checks });
  test.each([
    [[{ id: "F01", title: "t", severity: "error" }], [], "模板包自己的规则 F01 应写明 message"],
    [[{ id: "A04", severity: "warning", message: "x" }], [], "A04 是内置规则：模板包只能调整其级别"],
    [[{ id: "A04" }], [], "调整内置规则 A04 时应写明级别"],
    [[F01, F01], [], "规则 F01 重复"],
    [[], [carried("F02")], "都没有规则 F02"],
    [[{ ...F01, message: "{table}中{item}为 {actual}" }], [carried("F01")], "{item} 不是 formula 能填写的内容"],
    // A built-in rule whose message names the column (A01) cannot be a formula's: it would print “”.
    [[], [carried("A01")], "规则 A01 的说明中的 {column} 不是 formula 能填写的内容"],
    [[F01], [], "规则 F01 没有任何校验行使用"],
    // N12 is an info: a check row may not make it an error (a pack's rules may).
    [[], [{ kind: "narrativeCoverage", rule: "N12", severity: "error" }], "校验行只能降低规则 N12 的级别（info），不能提高"],
    [[], [{ ...carried("A04"), each: { table: "T03", all: true, label: "name" } }], "label 只与 rows 同用"],
  ])("%j %j", (rules, checks, message) => {
    expect(load(rules, checks)).toThrow(message);
  });
});

describe("an extending pack without some of its base's checks (removeChecks)", () => {
  const ext = (removeChecks: unknown) => ({ id: "bureau-x", version: "1.0.0", name: "某局", extends: "shanxi-2023", removeChecks });

  test("the rows of the named rules are gone, the others kept", () => {
    const base = readPackData(shanxiJson);
    const pack = readPackData(ext(["X11", "X12"]));
    expect(pack.checks.some((c) => c.rule === "X11" || c.rule === "X12")).toBe(false);
    expect(pack.checks).toHaveLength(base.checks.filter((c) => c.rule !== "X11" && c.rule !== "X12").length);
  });

  test("a rule the base has no check of is refused, as is a list that is not of rule ids", () => {
    expect(() => readPackData(ext(["F09"]))).toThrow("removeChecks：基础模板包 shanxi-2023 中没有规则 F09 的校验");
    expect(() => readPackData(ext("X11"))).toThrow("removeChecks：应为规则编号的列表");
  });
});
