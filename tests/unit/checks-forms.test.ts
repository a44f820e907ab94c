/**
 * X15–X16: the 绩效目标表 against T12 — on 晋城 (24 forms from the seed, 24 projects) and on 大同 (4 forms for 23
 * projects, the budget system's Z/J/X/XM prefixes), through checkWorkbook as the task pane and the CLI call it.
 */
import { builtinCatalog } from "../../src/domain/catalog/catalog";
import { checkWorkbook } from "../../src/domain/checks/check-workbook";
import type { Finding } from "../../src/domain/finding";
import { matchForms } from "../../src/domain/checks/forms";
import { runChecks } from "../../src/domain/checks/registry";
import type { SheetGrid } from "../../src/domain/grid";
import { blankForm, readForms, renderForms, type FormContent } from "../../src/domain/inputs/forms";
import { Decimal } from "../../src/domain/money";
import { projectsOf, shown } from "../../src/domain/read/model";
import { datongSample, jinchengForms, jinchengSample, type Sample } from "../../src/domain/samples";
import { catalog, copyRows, disclosureOf, gridsOf, pack } from "../support/disclosure";

const J = jinchengSample;
const D = datongSample;

/** The sample's tables as inserted, plus a 绩效目标表 sheet holding `forms`. */
function workbook(sample: Sample, forms: FormContent[]): SheetGrid[] {
  const plan = renderForms(forms, 2023);
  return [...gridsOf(copyRows(sample), sample.department), { name: plan.name, top: 0, left: 0, values: plan.values }];
}

function findings(sample: Sample, forms: FormContent[], strict = false): Finding[] {
  return checkWorkbook(pack, workbook(sample, forms), { strict, catalogFor: builtinCatalog }).findings.filter((f) =>
    /^X1[56]$/.test(f.rule),
  );
}

const lines = (found: Finding[]) => found.map((f) => `${f.rule} ${f.severity} ${f.table} ${f.sheet}!${f.cell}`);

/** A copy of the 晋城 forms with the named form's 年度资金总额 (元) changed. */
function withAnnual(name: string, yuan: string): FormContent[] {
  return jinchengForms.map((f) => (f.project === name ? { ...f, funds: { ...f.funds, annual: { ...f.funds.annual, total: new Decimal(yuan) } } } : f));
}

describe("晋城: 24 forms from the seed against its T12", () => {
  it("every project has its form and every 年度资金总额 ÷ 10000 is the T12 amount: X15 and X16 quiet", () => {
    const disclosure = disclosureOf(copyRows(J), J.department);
    const t12 = disclosure.tables.get("T12")!;
    const projects = projectsOf(disclosure, "T12")!.projects.map((row) => ({ row, name: shown(t12, row, "project") }));
    const plan = renderForms(jinchengForms, 2023);
    const match = matchForms(readForms({ name: plan.name, top: 0, left: 0, values: plan.values }), projects);
    expect([match.pairs.length, match.formsAlone.length, match.projectsAlone.length]).toEqual([24, 0, 0]);
    expect(findings(J, jinchengForms)).toEqual([]);
  });

  it("a changed 年度资金总额: X15 error at the form's cell, T12's amount expected", () => {
    const found = findings(J, withAnnual("出口信用保险", "360000"));
    const f = found[0];
    // A form takes 18 rows and one per indicator row, then a blank row: the third form starts on row 3 + 29 + 28.
    expect(lines(found)).toEqual(["X15 error T12 绩效目标表!G63"]);
    expect([f.expected, f.actual, f.difference, f.related.map((r) => `${r.table} ${r.sheet}!${r.cell}`)]).toEqual([
      "35.00",
      "36.00",
      "1.00",
      ["T12 表12 项目支出表（本年）!B17"],
    ]);
    expect(f.message).toBe("绩效目标表“出口信用保险”的年度资金总额 360,000.00 元折合 36.00 万元，表12“项目支出预算表（本年预算）”中该项目为 35.00，多 1.00");
    const back = readForms(workbook(J, withAnnual("出口信用保险", "360000")).at(-1)!).find((x) => x.project === "出口信用保险")!;
    expect(f.cell).toBe(back.annualTotalRef!.cell);
  });

  it("rounds to 0.01 first: 1,904,968.58 元 is 190.50; 0.01 apart is silent, 0.02 is an error, strict mode says 0.01", () => {
    const name = "自收自支单位人员及公用支出";
    expect(findings(J, withAnnual(name, "1905049.99"), true)).toEqual([]);
    expect(findings(J, withAnnual(name, "1905100"))).toEqual([]);
    expect(findings(J, withAnnual(name, "1905100"), true).map((f) => [f.rule, f.severity, f.difference])).toEqual([["X15", "error", "0.01"]]);
    expect(findings(J, withAnnual(name, "1905200")).map((f) => [f.rule, f.severity, f.actual])).toEqual([["X15", "error", "190.52"]]);
  });

  it("a T12 project without a form: X16 warning at the project's name in T12", () => {
    const found = findings(
      J,
      jinchengForms.filter((f) => f.project !== "变压器更换"),
    );
    expect(lines(found)).toEqual(["X16 warning T12 表12 项目支出表（本年）!A27"]);
    expect(found[0].message).toBe("表12“项目支出预算表（本年预算）”的项目“变压器更换”没有绩效目标表");
  });

  it("a form naming no T12 project: X16 at the form, and at the project left without one", () => {
    const forms = jinchengForms.map((f) => (f.project === "变压器更换" ? { ...f, project: "变压器维修" } : f));
    const found = findings(J, forms);
    // The second form's 项目名称 stands on row 3 + 29.
    expect(lines(found)).toEqual(["X16 warning T12 绩效目标表!C32", "X16 warning T12 表12 项目支出表（本年）!A27"]);
    expect(found[0].message).toBe("表12“项目支出预算表（本年预算）”中没有绩效目标表“变压器维修”所填的项目");
  });

  it("no forms entered (no inputs, or no form on any sheet): nothing to say", () => {
    expect(findings(J, [])).toEqual([]);
    const disclosure = disclosureOf(copyRows(J), J.department);
    const all = runChecks(disclosure, pack, { strict: false, catalog });
    expect(all.filter((f) => /^X1[56]$/.test(f.rule))).toEqual([]);
  });
});

describe("大同: 4 forms for 23 projects, names with the budget system's prefixes", () => {
  // The 年度资金总额 the OCR'd seed prints for its four forms (元).
  const seedForms = [
    ["J商务运行工作经费", "707700"],
    ["Z大同航空口岸保障经费", "5600000"],
    ["大同市跨境电商综试区公共服务平台运维、运营费", "650000"],
    ["X商务专项事务工作经费", "720000"],
  ].map(([name, yuan]) => blankForm(name, "084-大同市商务局", new Decimal(yuan)));

  it("the 4 agree with T12; the other 19 projects are without a form (X16)", () => {
    const found = findings(D, seedForms);
    expect(found.filter((f) => f.rule === "X15")).toEqual([]);
    expect(found.filter((f) => f.rule === "X16" && f.severity === "warning" && f.sheet === "表12 项目支出表（本年）")).toHaveLength(19);
    expect(found).toHaveLength(19);
  });

  it("a form that leaves the prefix out still finds its project", () => {
    const forms = seedForms.map((f) => (f.project === "Z大同航空口岸保障经费" ? { ...f, project: "大同航空口岸保障经费" } : f));
    expect(findings(D, forms)).toHaveLength(19);
  });

  it("a name T12 lists twice (J残疾人保障金 3.72 and 1.39) pairs its forms in order", () => {
    const form = (yuan: string) => blankForm("J残疾人保障金", "084-大同市商务局", new Decimal(yuan));
    expect(findings(D, [form("37200"), form("13900")]).filter((f) => f.rule === "X15")).toEqual([]);
    const swapped = findings(D, [form("13900"), form("37200")]).filter((f) => f.rule === "X15");
    expect(swapped.map((f) => [f.expected, f.actual])).toEqual([
      ["3.72", "1.39"],
      ["1.39", "3.72"],
    ]);
  });
});
