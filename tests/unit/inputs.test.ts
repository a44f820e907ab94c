/**
 * The inputs besides the tables: the pack's input sheets (公开文本, 说明数据), the 绩效目标表 sheet, the 情况说明 and
 * 名词解释 sheets — drawn, then read back from the drawing, from other layouts and from the seeds' own text.
 */
import { builtinCatalog } from "../../src/domain/catalog/catalog";
import { checkWorkbook } from "../../src/domain/checks/check-workbook";
import type { SheetGrid } from "../../src/domain/grid";
import { blankForm, formsForProjects, formToJson, readForms, renderForms, type FormContent } from "../../src/domain/inputs/forms";
import { readContents, readGlossary, readNarrative, renderContents, renderGlossary, renderNarrative } from "../../src/domain/inputs/narrative";
import { contentsOf } from "../../src/domain/narrative/contents";
import { readInputs } from "../../src/domain/inputs/read-inputs";
import { readInputSheets, renderInputSheets, type SheetInputs } from "../../src/domain/inputs/sheets";
import type { NarrativeSection, PerformanceForm } from "../../src/domain/inputs";
import { Decimal } from "../../src/domain/money";
import { PackError, parsePack } from "../../src/domain/packs/schema";
import shanxi from "../../src/domain/packs/shanxi-2023.json";
import type { SheetPlan } from "../../src/domain/render/plan";
import { renderTables } from "../../src/domain/render/render";
import { jinchengForms, jinchengSample } from "../../src/domain/samples";
import { seedFormsGrid } from "../../scripts/forms-from-seed";
import { copyRows, disclosureOf, gridsOf, pack } from "../support/disclosure";
import { seedNarrative } from "../support/seed-narrative";
import { norm, readSeed } from "../support/seed-text";

const gridOf = (p: SheetPlan, top = 0, left = 0): SheetGrid => ({ name: p.name, top, left, values: p.values });
/** A form without its places, with amounts as text: what round trips compare. */
const content = ({ ref: _r, annualTotalRef: _a, ...f }: PerformanceForm) => formToJson(f);
/** The seed's text as a sheet: one line a row, cells split on tabs. */
const seedGrid = (seed: "jincheng" | "datong"): SheetGrid => ({
  name: seed,
  top: 0,
  left: 0,
  values: readSeed(seed)
    .split(/\r?\n/)
    .map((l) => l.split("\t").map((c) => (c.trim() === "" ? null : c))),
});

/** The 晋城 seed's own words and figures for the input sheets (第一部分; 第三部分 一、七、八、九、十一). */
function seedInputs(): SheetInputs {
  const lines = readSeed("jincheng").split(/\r?\n/).map((l) => l.trim());
  const between = (from: string, to: string) => {
    const a = lines.lastIndexOf(from);
    return lines.slice(a + 1, lines.indexOf(to, a)).filter((l) => l !== "").join("\n");
  };
  const d = (s: string) => new Decimal(s);
  return {
    texts: {
      "overview.duties": between("一、本部门职责", "二、机构设置情况"),
      "overview.organization": "晋城市商务局部门包括局本级和1个自收自支事业单位。",
      assets: between("十一、国有资产占有使用情况", "十二、其他说明"),
      other: "",
    },
    // 一: 5,307.69 万元, 比上年减少 941.41 → 6,249.10; 七: 3.05 与上年相同; 八: 2022年 141.07.
    amounts: {
      "previous.incomeTotal": d("6249.10"),
      "previous.expenseTotal": d("6249.10"),
      "previous.gpbAppropriation": d("6249.10"),
      "previous.threePublicTotal": d("3.05"),
      "previous.abroad": d("0"),
      "previous.reception": d("0.50"),
      "previous.vehicleTotal": d("2.55"),
      "previous.vehiclePurchase": d("0"),
      "previous.vehicleOperation": d("2.55"),
      "previous.operatingCost": d("141.07"),
      "procurement.goods": d("38.39"),
      "procurement.works": d("0"),
      "procurement.services": d("19.63"),
    },
    byCode: {},
  };
}

/** Decimals as text, to compare what was drawn with what is read. */
/** What the sheets say, compared as data: where each was read (sheets, places) aside. */
const plain = ({ sheets: _sheets, places: _places, ...i }: SheetInputs) =>
  JSON.parse(JSON.stringify(i, (_k, v) => (v instanceof Decimal ? v.toFixed(2) : v)));

describe("the pack declares input sheets apart from its 13 tables", () => {
  it("公开文本 and 说明数据, each field the narrative names fed by exactly one row", () => {
    expect(pack.tables).toHaveLength(13);
    expect(pack.inputs.map((i) => [i.id, i.sheetName, i.title])).toEqual([
      ["I01", "公开文本", "{year}年部门预算公开文本"],
      ["I02", "说明数据", "{year}年部门预算说明数据"],
    ]);
    const fields = pack.inputs.flatMap((i) => (i.body.kind === "fixed" ? i.body.rows.map((r) => r.field) : []));
    expect(new Set(fields).size).toBe(fields.length);
    expect(fields).toEqual(expect.arrayContaining(["overview.duties", "overview.organization", "assets", "other", "previous.incomeTotal", "procurement.goods"]));
  });

  const clone = () => JSON.parse(JSON.stringify(shanxi));
  it.each([
    ["a field fed twice", (p: any) => (p.inputs[1].body.rows[1].field = "previous.incomeTotal"), "inputs[1].body.rows[1].field"],
    ["a field the narrative names and no row feeds", (p: any) => (p.inputs[0].body.rows[2].field = "overview.staff"), "narrative.sections[10].text[0]"],
    ["a sheet name a table has", (p: any) => (p.inputs[0].sheetName = "表1 预算收支总表"), "inputs[0].sheetName"],
    ["a table's id", (p: any) => (p.inputs[0].id = "T14"), "inputs[0].id"],
    ["no value column", (p: any) => (p.inputs[1].columns[1].kind = "code"), "inputs[1].columns"],
    ["a row of the wrong width", (p: any) => p.inputs[0].body.rows[2].cells.push(null), "inputs[0].body.rows[2].cells"],
    ["no inputs at all", (p: any) => delete p.inputs, "inputs"],
  ])("rejects %s, naming the field", (_what, breakIt, field) => {
    const p = clone();
    breakIt(p);
    expect(() => parsePack(p)).toThrow(PackError);
    expect(() => parsePack(p)).toThrow(field);
  });

  it("S01 asks for the 13 tables only: input sheets are neither missing nor found as tables", () => {
    const catalogFor = builtinCatalog;
    const inputsOnly = renderInputSheets(pack, { department: "晋城市商务局", year: 2023 }).map((p) => gridOf(p));
    const alone = checkWorkbook(pack, inputsOnly, { strict: false, catalogFor });
    expect(alone.tablesFound).toEqual([]);
    const s01 = alone.findings.filter((f) => f.rule === "S01");
    expect(s01.map((f) => f.table)).toEqual(pack.tables.map((t) => t.id));
    expect(s01.some((f) => /公开文本|说明数据/.test(f.message))).toBe(false);

    const both = checkWorkbook(pack, [...gridsOf(copyRows(jinchengSample), "晋城市商务局"), ...inputsOnly], { strict: false, catalogFor });
    expect(both.tablesFound).toHaveLength(13);
    // The input sheets are blank: S11 asks for what the document needs (inputs-entered.test.ts), no other S rule fires.
    expect(both.findings.filter((f) => f.rule.startsWith("S") && f.rule !== "S11")).toEqual([]);
  });
});

describe("input sheets: drawn by the tables' machinery, read back wherever they stand", () => {
  const [texts, figures] = renderInputSheets(pack, { department: "晋城市商务局", year: 2023 });

  it("hint, title with the year, 部门名称, 单位 over amounts only, header, one row per field", () => {
    expect(texts.values.slice(0, 4).map((r) => r.map((v) => v ?? ""))).toEqual([
      ["部门预算公开的文字内容（不是公开表）：导出时写入第一部分 部门概况和第三部分 情况说明", ""],
      ["2023年部门预算公开文本", ""],
      ["部门名称：晋城市商务局", ""],
      ["项目", "内容"],
    ]);
    expect(texts.values.slice(4).map((r) => r[0])).toEqual(["本部门职责", "机构设置情况", "国有资产占有使用情况", "其他说明"]);
    expect(figures.values[2]).toEqual(["部门名称：晋城市商务局", "单位：万元"]);
    expect(figures.values.slice(4).map((r) => r[0])).toEqual([
      "上年收入总计",
      "上年支出总计",
      "上年一般公共预算当年拨款",
      "上年“三公”经费合计",
      "上年因公出国（境）费",
      "上年公务接待费",
      "上年公务用车购置及运行费",
      "上年公务用车购置费",
      "上年公务用车运行维护费",
      "上年机关运行经费",
      "政府采购货物预算",
      "政府采购工程预算",
      "政府采购服务预算",
    ]);
    expect(figures.styles).toContainEqual({ range: "B5:B17", style: "amount" });
    expect(texts.styles).toContainEqual({ range: "B5:B8", style: "label" });
    expect([texts.tableId, texts.name, figures.tableId, figures.name]).toEqual(["I01", "公开文本", "I02", "说明数据"]);
  });

  it("the 晋城 seed's texts and figures, drawn and read back", () => {
    const inputs = seedInputs();
    const plans = renderInputSheets(pack, { department: "晋城市商务局", year: 2023, inputs });
    expect(plans[1].values[4]).toEqual(["上年收入总计", 6249.1]);
    expect(plain(readInputSheets(pack, plans.map((p) => gridOf(p))))).toEqual(plain(inputs));
  });

  it("anywhere: one sheet with a table between them, shifted, rows reordered, labels with spaces", () => {
    const inputs = seedInputs();
    const [t, f] = renderInputSheets(pack, { department: "晋城市商务局", year: 2023, inputs });
    const t10 = renderTables(pack, { department: "晋城市商务局", year: 2023, tables: ["T10"], rows: jinchengSample.rows })[0];
    const body = f.values.slice(4).reverse().map(([label, value]) => [` ${String(label).replace("上年", "上年 ")} `, value]);
    const values = [...t.values, [], ...t10.values.map((r) => r.slice(0, 2)), [], ...f.values.slice(0, 4), ...body];
    const read = readInputSheets(pack, [{ name: "一张表", top: 7, left: 3, values }]);
    expect(plain(read)).toEqual(plain(inputs));
  });

  it("blank or absent: empty texts and no figures; a figure that is text is no figure", () => {
    const blank = readInputSheets(pack, renderInputSheets(pack, { department: "x", year: 2023 }).map((p) => gridOf(p)));
    expect(plain(blank)).toEqual(plain(readInputSheets(pack, [])));
    // Present but blank, and absent: S11 tells the two apart.
    expect([blank.sheets, readInputSheets(pack, []).sheets]).toEqual([["I01", "I02"], []]);
    expect(blank.places?.["overview.duties"]).toEqual({ sheet: "公开文本", cell: "B5" });
    expect([blank.texts["overview.duties"], blank.texts["overview.organization"]]).toEqual(["", ""]);
    expect(Object.values(blank.amounts).every((v) => v === null)).toBe(true);
    const [, f] = renderInputSheets(pack, { department: "x", year: 2023 });
    f.values[4][1] = "约六千万";
    f.values[5][1] = "6,249.10";
    const read = readInputSheets(pack, [gridOf(f)]);
    expect(read.amounts["previous.incomeTotal"]).toBeNull();
    expect(read.amounts["previous.expenseTotal"]?.toFixed(2)).toBe("6249.10");
  });
});

describe("绩效目标表: the seed's 24 forms", () => {
  const forms = readForms(seedFormsGrid());
  const byName = (name: string) => forms.find((f) => f.project === name)!;

  it("one form per 晋城 T12 project, found by 项目名称 wherever the label stands", () => {
    const t12 = jinchengSample.rows.T12!.slice(2).map((r) => String(r[0]));
    const units = ["晋城市对外劳务咨询和市场建设服务中心"];
    expect(forms).toHaveLength(24);
    expect(forms.map((f) => norm(f.project)).sort()).toEqual(t12.filter((n) => !units.includes(n) && n !== "晋城市商务局").map(norm).sort());
  });

  it("funds by source for both periods, in 元, with the places X15 points at", () => {
    const f = byName("出口信用保险");
    const yuan = (s: FormContent["funds"]["annual"]) => Object.values(s).map((v) => v?.toFixed() ?? null);
    expect(yuan(f.funds.implementation)).toEqual(["600000", "0", "0", "600000", "0", null]);
    expect(yuan(f.funds.annual)).toEqual(["350000", "0", "0", "350000", "0", null]);
    // Rows are the seed's line numbers: 项目名称 on line 601, 年度资金总额 on line 604.
    expect(f.ref).toEqual({ sheet: "十、绩效管理情况", cell: "C601" });
    expect(f.annualTotalRef).toEqual({ sheet: "十、绩效管理情况", cell: "I604" });
    expect(byName("自收自支单位人员及公用支出").funds.annual.total?.toFixed()).toBe("1904968.58");
    expect(byName("自收自支单位人员及公用支出").unit).toBe("晋城市对外劳务咨询和市场建设服务中心");
  });

  it("tolerates the seed's variations: 项目日期, a cut label, label and value in one cell, contacts wrapped", () => {
    const ecommerce = byName("晋城市商务局电子商务专项资金");
    expect(ecommerce.period).toBe("1年");
    expect([ecommerce.funds.implementation.local?.toFixed(), ecommerce.funds.annual.local?.toFixed()]).toEqual(["1100000", "100000"]);
    const village = byName("晋城市乡村e镇工作项目");
    expect([village.unit, village.period, village.funds.annual.total?.toFixed(), village.funds.annual.central?.toFixed()]).toEqual(["晋城市商务局", "1年", "3000000", "0"]);
    expect(byName("职工食堂燃气管道设施安装费用").contacts).toEqual({ head: "", handler: "张文凯", phone: "11383609599", date: "20230119151635" });
    expect(byName("内贸流通统计监测专项资金").indicators.implementation).toHaveLength(21);
  });

  it("texts, goals and indicators of a form printed in its columns", () => {
    const f = byName("变压器更换");
    expect([f.department, f.attribute, f.basis]).toEqual(["259-晋城市商务局", "一次性项目（1年结束）", "2022年6月28日市商务局党组会议纪要"]);
    expect(f.goals).toEqual({ implementation: "2023年内完成更换变压器，保障机关安全用电，减少安全隐患。", annual: "2023年内完成更换变压器，保障机关安全用电，减少安全隐患。希望财政予以支持。" });
    const rows = f.indicators.annual.map((i) => [i.level1, i.level2, i.level3, i.value].join("|"));
    expect(rows).toEqual([
      "产出指标|数量指标|变压器更换数量|1台",
      "产出指标|质量指标|变压器等设备更换工作验收合格率|100%",
      "产出指标|时效指标|变压器更换时间|3-6月",
      "产出指标|成本指标|项目成本控制数（万）|≤35万元",
      "效益指标|经济效益指标||",
      "效益指标|社会效益指标|减少安全隐患|减少",
      "效益指标|生态效益指标||",
      "效益指标|可持续影响指标||",
      "满意度指标|服务对象满意度指标|机关使用满意度|≥90%",
    ]);
    expect(f.indicators.implementation).toEqual(f.indicators.annual);
    expect(f.contacts).toEqual({ head: "", handler: "原飞", phone: "2055638", date: "20221120204607" });
  });

  it("the sample (jincheng-2023-forms.json) is what the script reads from the seed", () => {
    expect(jinchengForms.map(formToJson)).toEqual(forms.map(content));
  });

  it("T12's 项目名称 header is no form", () => {
    const t12 = renderTables(pack, { department: "晋城市商务局", year: 2023, tables: ["T12"], rows: jinchengSample.rows })[0];
    expect(readForms(gridOf(t12))).toEqual([]);
  });
});

describe("绩效目标表: drawn and read back", () => {
  const plan = renderForms(jinchengForms, 2023);

  it("the forms one after another under the title, labels merged as published, amounts as numbers", () => {
    expect(plan.name).toBe("绩效目标表");
    expect(plan.values[0][0]).toBe("2023年项目支出绩效目标表");
    expect(plan.values.flat().filter((v) => v === "项目名称")).toHaveLength(24);
    expect(plan.values[2].slice(0, 3)).toEqual(["项目名称", null, "2023年遗属补助"]);
    expect(plan.values[5]).toEqual(["项目资金（元）", null, "实施期资金总额：", 94940, null, "年度资金总额：", 94940, null]);
    expect(plan.merges).toEqual(expect.arrayContaining(["A1:H1", "A3:B3", "C3:H3", "A6:B11", "D6:E6", "G6:H6", "A17:B18"]));
    expect(plan.styles).toContainEqual({ range: "G6:H6", style: "yuan" });
    expect(plan.values.every((r) => r.length === 8)).toBe(true);
  });

  it("reads back every form as drawn, with its places", () => {
    const back = readForms(gridOf(plan));
    expect(back.map(content)).toEqual(jinchengForms.map(formToJson));
    expect([back[0].ref, back[0].annualTotalRef]).toEqual([
      { sheet: "绩效目标表", cell: "C3" },
      { sheet: "绩效目标表", cell: "G6" },
    ]);
    const shifted = readForms(gridOf(plan, 10, 2));
    expect([shifted[0].ref.cell, shifted[0].annualTotalRef?.cell]).toEqual(["E13", "I16"]);
  });

  it("a blank form per T12 project: name, unit, 年度资金总额 in 元, the framework's 二级指标 to fill", () => {
    const blanks = formsForProjects(pack, disclosureOf(copyRows(jinchengSample), "晋城市商务局"));
    expect(blanks).toHaveLength(24);
    const last = blanks[23];
    expect([last.project, last.department, last.unit, last.funds.annual.total?.toFixed()]).toEqual([
      "自收自支单位人员及公用支出",
      "晋城市商务局",
      "晋城市对外劳务咨询和市场建设服务中心",
      "1905000",
    ]);
    expect(blanks[0].unit).toBe("晋城市商务局");
    expect(blanks[0].indicators.annual.map((i) => `${i.level1}/${i.level2}`)).toEqual([
      "产出指标/数量指标",
      "产出指标/质量指标",
      "产出指标/时效指标",
      "产出指标/成本指标",
      "效益指标/经济效益指标",
      "效益指标/社会效益指标",
      "效益指标/生态效益指标",
      "效益指标/可持续影响指标",
      "满意度指标/服务对象满意度指标",
    ]);
    expect(readForms(gridOf(renderForms(blanks, 2023))).map(content)).toEqual(blanks.map(formToJson));
    expect(blankForm("x", "y", null).funds.annual.total).toBeNull();
  });

  it("a form filled in by hand, the 年度 side only on some rows, read by column", () => {
    const f = blankForm("变压器更换", "晋城市商务局", new Decimal(35));
    const p = renderForms([f], 2023);
    const grid = gridOf(p);
    // The first indicator row: 实施期 三级指标 without 指标值, 年度 side complete.
    const row = grid.values.findIndex((r) => r[2] === "数量指标");
    grid.values[row][3] = "变压器更换数量";
    grid.values[row][6] = "变压器更换数量";
    grid.values[row][7] = "1台";
    const [read] = readForms(grid);
    expect(read.indicators.implementation[0]).toEqual({ level1: "产出指标", level2: "数量指标", level3: "变压器更换数量", value: "" });
    expect(read.indicators.annual[0]).toEqual({ level1: "产出指标", level2: "数量指标", level3: "变压器更换数量", value: "1台" });
  });
});

/** Sections as the 晋城 seed prints them, with the ids of the pack's sections they are (by their numbers). */
const withIds = (sections: NarrativeSection[]) => sections.map((s) => ({ id: pack.narrative!.sections.find((d) => d.number === s.number)!.id, ...s }));

describe("情况说明 and 名词解释 sheets", () => {
  const sections = seedNarrative("jincheng");

  it("draws the 12 sections of the 晋城 seed, heading and text rows in one wide column, and reads them back with places", () => {
    const [plan] = renderNarrative(pack, withIds(sections), 2023);
    expect(plan.values.slice(0, 4)).toEqual([["2023年度部门预算情况说明"], [null], ["一、部门预算收支数据变动情况及原因"], [sections[0].text]]);
    expect(plan.columnWidths).toEqual([110]);
    expect(plan.styles.slice(0, 3)).toEqual([
      { range: "A1", style: "title" },
      { range: "A3", style: "total" },
      { range: "A4", style: "label" },
    ]);
    const read = readNarrative(pack, [gridOf(plan)]);
    const ref = (i: number) => ({ sheet: "情况说明", cell: `A${4 + 2 * i}` });
    // A section's paragraphs share its one cell, each line of it.
    expect(read).toEqual(withIds(sections).map((s, i) => ({ ...s, ref: ref(i), cells: s.text.split("\n").map(() => ref(i)) })));
  });

  it("an empty section points under its heading; no title, no 情况说明", () => {
    const empty = { id: "changes", number: "一", title: "部门预算收支数据变动情况及原因", text: "" };
    const read = readNarrative(pack, renderNarrative(pack, [empty], 2023).map((p) => gridOf(p)));
    expect(read).toEqual([{ ...empty, ref: { sheet: "情况说明", cell: "A4" }, cells: [] }]);
    expect(readNarrative(pack, gridsOf(copyRows(jinchengSample), "晋城市商务局"))).toBeNull();
  });

  it("from the seed's whole text: the 目录 and the tables' numbered rows are not the sections", () => {
    const read = readNarrative(pack, [seedGrid("jincheng")])!;
    expect(read.map((s) => `${s.number}、${s.title}`)).toEqual(sections.map((s) => `${s.number}、${s.title}`));
    expect(read[6].text).toContain("“三公”经费预算3.05万元");
    expect(read[6].ref).toEqual({ sheet: "jincheng", cell: "A520" });
    // One paragraph a row, as pasted from Word: each keeps its cell.
    expect(read[5].text.split("\n")).toHaveLength(read[5].cells!.length);
    expect(new Set(read[5].cells!.map((c) => c.cell)).size).toBe(read[5].cells!.length);
  });

  it("名词解释: term | text rows, or the seeds' numbered entries", () => {
    expect(readGlossary(gridsOf(copyRows(jinchengSample), "晋城市商务局"))).toBeNull();
    const sheet: SheetGrid = { name: "名词解释", top: 0, left: 0, values: [["名词解释", null], ["名词", "解释"], ["基本支出", "指为保障机构正常运转…的支出。"], [null, null], ["项目支出", "指…"]] };
    expect(readGlossary([sheet])).toEqual([
      { term: "基本支出", text: "指为保障机构正常运转…的支出。" },
      { term: "项目支出", text: "指…" },
    ]);
    const seed = readGlossary([seedGrid("jincheng")])!;
    expect(seed.map((e) => e.term)).toEqual([
      "基本支出",
      "项目支出",
      "“三公”经费",
      "机关运行经费",
      "政府购买服务",
      "财政专户管理资金",
      "单位资金",
      "上年结转",
      "一般公共预算",
      "政府性基金预算",
      "国有资本经营预算",
      "财政拨款",
    ]);
    expect(seed[5].text).toMatch(/^专指教育收费/);
    expect(seed[8].text).toMatch(/^一般公共预算是指以税收为主体/);
  });
});

describe("readInputs: everything besides the tables, from one workbook", () => {
  it("input sheets, forms, 情况说明 and 名词解释 together; defaults where the workbook has none", () => {
    const inputs = seedInputs();
    const glossary: SheetGrid = { name: "名词解释", top: 0, left: 0, values: [["名词解释", null], ["基本支出", "指…"]] };
    const grids = [
      ...gridsOf(copyRows(jinchengSample), "晋城市商务局"),
      ...renderInputSheets(pack, { department: "晋城市商务局", year: 2023, inputs }).map((p) => gridOf(p)),
      gridOf(renderForms(jinchengForms, 2023)),
      ...renderNarrative(pack, withIds(seedNarrative("jincheng")), 2023).map((p) => gridOf(p)),
      glossary,
    ];
    const read = readInputs(pack, grids);
    const { forms, narrative, glossary: terms, contents, ...sheets } = read;
    expect(contents).toBeNull();
    expect(plain(sheets)).toEqual(plain(inputs));
    expect(forms.map(content)).toEqual(jinchengForms.map(formToJson));
    expect(narrative).toHaveLength(12);
    expect(terms).toEqual([{ term: "基本支出", text: "指…" }]);

    const none = readInputs(pack, gridsOf(copyRows(jinchengSample), "晋城市商务局"));
    expect([none.forms, none.narrative, none.glossary, none.contents, none.texts.assets, none.amounts["procurement.goods"]]).toEqual([[], null, null, null, "", null]);
  });
});

describe("名词解释 sheet", () => {
  it("the default glossary drawn for editing reads back entry by entry, and an edit is kept", () => {
    const plan = renderGlossary(pack.glossary);
    expect(readGlossary([{ name: plan.name, top: 0, left: 0, values: plan.values }])).toEqual([...pack.glossary]);
    const edited = plan.values.map((r) => [...r]);
    edited[2][1] = "改写后的解释";
    expect(readGlossary([{ name: plan.name, top: 0, left: 0, values: edited }])![0]).toEqual({ term: pack.glossary[0].term, text: "改写后的解释" });
  });
});

describe("目录 sheet", () => {
  it("the default contents drawn for editing read back line by line, with an edit kept", () => {
    const lines = contentsOf(pack, 2023, "晋城市商务局");
    const plan = renderContents(lines);
    const grid = { name: plan.name, top: 0, left: 0, values: plan.values.map((r) => [...r]) };
    expect(readContents([grid])).toEqual(lines);
    // The workbook read again after the clerk's edit: a new grid, as every read gives.
    const edited = { ...grid, values: grid.values.map((r) => [...r]) };
    edited.values[1][0] = "第一部分 部门概况";
    expect(readContents([edited])![0]).toBe("第一部分 部门概况");
    expect(readContents(gridsOf(copyRows(jinchengSample), "晋城市商务局"))).toBeNull();
  });
});
