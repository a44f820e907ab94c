/**
 * What a reviewer catches in any 情况说明 text (N02 on hand-written sentences, N04, N05, N07, N09–N11): each rule
 * quiet on the seeds' published sentences and firing on the same sentences changed, in the Shanxi and the Shanghai
 * wording; and a 情况说明 sheet pasted by hand beside the 晋城 tables, one paragraph per cell, whose five slips give
 * exactly five findings, each at its paragraph's cell.
 */
import * as path from "node:path";
import ExcelJS from "exceljs";
import { builtinCatalog } from "../../src/domain/catalog/catalog";
import { checkWorkbook } from "../../src/domain/checks/check-workbook";
import { runChecks } from "../../src/domain/checks/registry";
import type { Finding } from "../../src/domain/finding";
import type { SheetGrid } from "../../src/domain/grid";
import type { DisclosureInputs, NarrativeSection } from "../../src/domain/inputs";
import { builtinPack } from "../../src/domain/packs";
import { readDisclosure } from "../../src/domain/read/read";
import { jinchengInputs, jinchengSample, shanghaiCommerceUnitSample, shanghaiInputs } from "../../src/domain/samples";
import { catalog, copyRows, disclosureOf, gridsOf, pack } from "../support/disclosure";
import { seedNarrative } from "../support/seed-narrative";
import { runCli, useTempDir } from "../support/cli";
import { renderTables } from "../../src/domain/render/render";
import { writePlans } from "../../src/xlsx/write-plans";

const tempDir = useTempDir("checks-text-");

// N12 only counts what was read (tests/unit/narrative-styles.test.ts).
const TEXT_RULES = /^(X17|N(?!12)\d\d)$/;
const J = jinchengSample;
const published = seedNarrative("jincheng");

/** Sections one a row from B2, as the inputs reader places a text without cells of its own. */
const placed = (sections: NarrativeSection[]): NarrativeSection[] => sections.map((s, i) => ({ ...s, ref: { sheet: "情况说明", cell: `B${i + 2}` } }));

function checked(sections: NarrativeSection[], inputs: DisclosureInputs = jinchengInputs): Finding[] {
  const disclosure = disclosureOf(copyRows(J), J.department);
  return runChecks(disclosure, pack, { strict: false, catalog, inputs: { ...inputs, narrative: placed(sections) } }).filter((f) => TEXT_RULES.test(f.rule));
}

/** 晋城's published text with `from` replaced by `to` in section `number` (`from` must be there). */
function edited(number: string, from: string, to: string, sections = published): NarrativeSection[] {
  return sections.map((s) => {
    if (s.number !== number) return s;
    if (!s.text.includes(from)) throw new Error(`section ${number} has no “${from}”`);
    return { ...s, text: s.text.replace(from, to) };
  });
}

/** 晋城's published text with a paragraph added at the end of section `number`. */
const added = (number: string, paragraph: string) => published.map((s) => (s.number === number ? { ...s, text: `${s.text}\n${paragraph}` } : s));

const ofRule = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule);
const brief = (fs: Finding[]) => fs.map((f) => `${f.rule} ${f.cell} ${f.severity}`);

test("晋城's published text: none of these rules fires", () => {
  expect(checked(published).filter((f) => /^N(0[2457]|09|1[01])$/.test(f.rule))).toEqual([]);
});

describe("N02 on a sentence the pack's items do not cover: “A … B … 增长p%”", () => {
  const sentence = "2023年培训费预算12.00万元，2022年预算数为10.00万元，比上年增加2.00万元，增长20.00%。";
  const n02 = (text: string) => ofRule(checked(added("十二", text)), "N02");

  test("quiet when the change, the rate and the direction follow from the two amounts", () => {
    expect(n02(sentence)).toEqual([]);
    expect(n02("2023年培训费预算10.00万元，2022年预算数为10.00万元，与上年持平。")).toEqual([]);
  });

  test("a rate other than the amounts give: the sentence quoted, the rate it should state", () => {
    const found = n02(sentence.replace("增长20.00%", "增长25.00%"));
    expect(brief(found)).toEqual(["N02 B13 error"]);
    expect(found[0].actual).toBe("2023年培训费预算12.00万元，2022年预算数为10.00万元，比上年增加2.00万元，增长25.00%。");
    expect(found[0].expected).toBe("2023年培训费预算12.00万元，2022年预算数为10.00万元，比上年增加2.00万元，增长20.00%。");
    expect(found[0].message).toContain("应为增长 20.00%");
  });

  test("a direction against the sign, a change other than the difference, 持平 for unequal figures", () => {
    expect(n02(sentence.replace("增加2.00万元，增长", "减少2.00万元，下降")).map((f) => f.expected)).toEqual([
      "2023年培训费预算12.00万元，2022年预算数为10.00万元，比上年增加2.00万元，下降20.00%。",
    ]);
    expect(n02(sentence.replace("增加2.00万元", "增加3.00万元")).map((f) => f.message)).toEqual([
      expect.stringContaining("按文中 12.00万元与 10.00万元应为增加 2.00万元"),
    ]);
    expect(n02("2023年培训费预算12.00万元，2022年预算数为10.00万元，与上年持平。")).toHaveLength(1);
  });
});

describe("N09: an amount stated for a 科目 against the tables (any table, any column of its row)", () => {
  test("quiet when a table holds the figure (T03 208 合计 262.87), in 万元 or in 元", () => {
    expect(ofRule(checked(added("三", "其中社会保障和就业支出262.87万元。")), "N09")).toEqual([]);
    expect(ofRule(checked(added("三", "其中社会保障和就业支出2,628,700元。")), "N09")).toEqual([]);
    // Last year's figure is not this year's table's.
    expect(ofRule(checked(added("三", "上年社会保障和就业支出300.00万元。")), "N09")).toEqual([]);
  });

  test("fires on a figure no table holds, quoting the sentence and the table's figure", () => {
    const found = ofRule(checked(added("三", "其中社会保障和就业支出265.87万元。")), "N09");
    expect(brief(found)).toEqual(["N09 B4 error"]);
    expect(found[0].actual).toBe("其中社会保障和就业支出265.87万元。");
    expect(found[0].message).toMatch(/^情况说明“三、支出预算情况说明”中“社会保障和就业支出”为 265\.87万元，表中为 262\.87万元（表1“预算收支总表”“2023年合计”等 8 处）、253\.37万元（表3/);
    // A code and its path name the 科目 as well.
    expect(ofRule(checked(added("三", "2080501行政单位离退休170.00万元。")), "N09")).toHaveLength(1);
    expect(ofRule(checked(added("三", "社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）170.00万元。")), "N09")).toHaveLength(1);
  });
});

describe("N09: a figure another section declares (三公, 机关运行经费, 政府采购 …) stated by its full name elsewhere", () => {
  test("quiet on the table's figure, firing on another, citing where the figure comes from", () => {
    expect(ofRule(checked(added("十二", "其中公务接待费0.50万元，机关运行经费154.25万元。")), "N09")).toEqual([]);
    const found = ofRule(checked(added("十二", "其中公务接待费0.80万元，机关运行经费154.25万元。")), "N09");
    expect(found.map((f) => `${f.cell} ${f.message}`)).toEqual(["B13 情况说明“十二、其他说明”中“公务接待费”为 0.80万元，表中为 0.50万元"]);
    expect(found[0].expected).toBe("其中公务接待费0.50万元，机关运行经费154.25万元。");
    expect(found[0].related.length).toBeGreaterThan(0);
  });
});

describe("N04: one 科目 given two amounts in one paragraph", () => {
  test("quiet on the same amount twice; fires on two", () => {
    const twice = (b: string) => checked(added("三", `社会保障和就业支出262.87万元，主要用于离退休；社会保障和就业支出${b}万元。`));
    expect(ofRule(twice("262.87"), "N04")).toEqual([]);
    const found = ofRule(twice("260.00"), "N04");
    expect(found.map((f) => `${f.cell} ${f.actual} ${f.expected}`)).toEqual(["B4 260.00 262.87"]);
  });
});

describe("N05: a 科目's name against the catalogue (its former names recorded there) and the tables", () => {
  test("a 类 by its name before 2019, and a code written with another 科目's name", () => {
    const former = ofRule(checked(edited("五", "卫生健康支出51.02万元", "医疗卫生与计划生育支出51.02万元")), "N05");
    expect(former.map((f) => `${f.cell} ${f.actual} ${f.expected}`)).toEqual(["B6 医疗卫生与计划生育支出 卫生健康支出"]);
    // Named as in 2013 and before: the catalogue records that name too.
    expect(ofRule(checked(edited("五", "卫生健康支出51.02万元", "医疗卫生支出51.02万元")), "N05")).toHaveLength(1);
    const code = ofRule(checked(added("三", "2080501行政单位养老支出166.52万元。")), "N05");
    expect(code.map((f) => `${f.actual} ${f.expected}`)).toEqual(["2080501行政单位养老支出 2080501行政单位离退休"]);
    expect(ofRule(checked(added("三", "2080501行政单位离退休166.52万元。")), "N05")).toEqual([]);
  });

  test("the former names are the catalogue's, by year: 医疗卫生与计划生育支出 was right in 2018", () => {
    const names = (year: number) => builtinCatalog(year).formerNames().map((f) => `${f.code} ${f.name}`);
    expect(names(2023)).toContain("210 医疗卫生与计划生育支出");
    expect(names(2018)).not.toContain("210 医疗卫生与计划生育支出");
    expect(names(2018)).toContain("210 医疗卫生支出");
  });
});

describe("N07: the year a comparison is made with", () => {
  test("比/较 the year before is right; the budget year itself, or two years back, is not", () => {
    expect(ofRule(checked(published), "N07")).toEqual([]);
    const found = ofRule(checked(edited("八", "2023年较2022年增加", "2023年较2023年增加")), "N07");
    expect(found.map((f) => `${f.cell} ${f.actual} ${f.expected}`)).toEqual(["B9 较2023年 较2022年"]);
    expect(found[0].message).toBe("情况说明“八、机关运行经费增减变动原因说明”中出现“较2023年”，与之比较的应是上年（2022年）");
  });
});

describe("N10: 部门 and 单位 as the kind of document says", () => {
  test("a 部门预算 calling itself 单位预算 (Shanxi wording)", () => {
    const found = ofRule(checked(edited("一", "本年部门预算支出总计", "本年单位预算支出总计")), "N10");
    expect(found.map((f) => `${f.cell} ${f.message}`)).toEqual([
      "B2 情况说明“一、部门预算收支数据变动情况及原因”中称“单位预算”，本文是部门预算，应称“部门预算”",
    ]);
    expect(found[0].expected).toContain("本年部门预算支出总计");
    // 所属单位, 行政单位 and the like are no self-naming.
    expect(ofRule(checked(added("三", "行政单位预算支出和所属单位预算支出均已编入。")), "N10")).toEqual([]);
  });

  test("a 单位预算 calling itself 部门预算 (Shanghai wording: 商务委 单位 2025)", () => {
    const sample = shanghaiCommerceUnitSample;
    const unitPack = builtinPack(sample.pack);
    const disclosure = readDisclosure(unitPack, gridsOf(sample.rows, sample.department, sample.year, unitPack));
    const inputs = shanghaiInputs(sample);
    const run = (narrative: NarrativeSection[]) =>
      ofRule(runChecks(disclosure, unitPack, { strict: false, catalog: builtinCatalog(sample.year), inputs: { ...inputs, narrative } }), "N10");
    const text = inputs.narrative!;
    expect(run(text)).toEqual([]);
    const budget = text.find((s) => s.id === "procurement")!;
    const slipped = text.map((s) => (s === budget ? { ...s, text: s.text.replace("本单位", "本部门") } : s));
    expect(budget.text).toContain("本单位");
    expect(run(slipped).map((f) => f.message)).toEqual([expect.stringContaining("称“本部门”，本文是单位预算，应称“本单位”")]);
  });
});

describe("N11: punctuation and whole sentences", () => {
  const n11 = (text: string) => ofRule(checked(added("十二", text)), "N11");

  test("quiet on the published paragraphs, numbered headings and captions", () => {
    expect(ofRule(checked(published), "N11")).toEqual([]);
    expect(n11("（三）其他事项")).toEqual([]);
    expect(n11("项目支出绩效目标表")).toEqual([]);
    expect(n11("本部门无其他需说明的事项（详见《预算法》第十四条）。")).toEqual([]);
  });

  test("doubled marks, an unpaired quote or bracket, a paragraph without a stop or cut off", () => {
    const details = (text: string) => n11(text).map((f) => f.message.replace(/^情况说明“十二、其他说明”中/, ""));
    expect(details("本部门无其他需说明的事项。。")).toEqual(["标点“。。”重复：“本部门无其他需说明的事项。。”"]);
    expect(n11("本部门无其他需说明的事项，，详见附表。")[0].expected).toBe("本部门无其他需说明的事项，详见附表。");
    expect(details("本部门“三公经费按规定执行。")).toEqual(["左引号不成对：“本部门“三公经费按规定执行。”"]);
    expect(details("本部门（含所属单位）无其他需说明的事项）。")).toEqual(["右括号不成对：“单位）无其他需说明的事项）。”"]);
    expect(details("本部门2023年无其他需要说明的事项")).toEqual(["段落末尾缺少句号：“本部门2023年无其他需要说明的事项”"]);
    expect(details("本部门2023年政府采购预算主要用于办公设备，")).toEqual(["段落在句子中间结束：“本部门2023年政府采购预算主要用于办公设备，”"]);
  });
});

/** The 情况说明 as a clerk pastes it: the part's title in A1, each heading and each paragraph a cell of column A. */
function pastedSheet(sections: NarrativeSection[]): { grid: SheetGrid; cellOf: (number: string, paragraph: number) => string } {
  const values: (string | null)[][] = [["第三部分 2023年度部门预算情况说明"]];
  const rows = new Map<string, number[]>();
  for (const s of sections) {
    values.push([`${s.number}、${s.title}`]);
    rows.set(
      s.number,
      s.text.split("\n").map((p) => values.push([p])),
    );
  }
  return { grid: { name: "情况说明", top: 0, left: 0, values }, cellOf: (number, k) => `A${rows.get(number)![k]}` };
}

describe("a 情况说明 pasted by hand beside the 晋城 tables", () => {
  const run = (sections: NarrativeSection[]) => {
    const sheet = pastedSheet(sections);
    const grids = [...gridsOf(copyRows(J), J.department), sheet.grid];
    const result = checkWorkbook(pack, grids, { strict: false, catalogFor: builtinCatalog });
    return { findings: result.findings, cellOf: sheet.cellOf };
  };
  const key = (f: Finding) => `${f.rule} ${f.sheet}!${f.cell}`;

  test("five slips give exactly five findings, each at its paragraph's cell; the same from an .xlsx through the CLI", async () => {
    let slipped = edited("五", "下降15.06%", "下降16.06%");
    slipped = edited("五", "卫生健康支出51.02万元", "医疗卫生与计划生育支出51.02万元", slipped);
    slipped = edited("八", "2023年较2022年增加", "2023年较2023年增加", slipped);
    slipped = edited("一", "本年部门预算支出总计", "本年单位预算支出总计", slipped);
    slipped = edited("九", "预算总额58.02万元。", "预算总额58.02万元。。", slipped);
    const clean = run(published);
    const { findings, cellOf } = run(slipped);
    const before = new Set(clean.findings.map(key));
    // The pasted text as published: only 五's change without a reason (N03) among the text rules.
    expect(clean.findings.filter((f) => TEXT_RULES.test(f.rule)).map((f) => f.rule)).toEqual(["N03"]);
    // Where each slip's paragraph stands: 一 and 九 have one paragraph, 五's are (一), its sentence, (二), its sentence.
    const paragraph = (number: string, text: string) => {
      const s = published.find((x) => x.number === number)!;
      return cellOf(number, s.text.split("\n").findIndex((p) => p.includes(text)));
    };
    expect(findings.filter((f) => !before.has(key(f))).map(key).sort()).toEqual(
      [
        `N02 情况说明!${paragraph("五", "下降15.06%")}`,
        `N05 情况说明!${paragraph("五", "卫生健康支出51.02万元")}`,
        `N07 情况说明!${paragraph("八", "2023年较2022年增加")}`,
        `N10 情况说明!${paragraph("一", "本年部门预算支出总计")}`,
        `N11 情况说明!${paragraph("九", "预算总额58.02万元")}`,
      ].sort(),
    );
    // Two of 五's paragraphs: the slips are in different cells.
    expect(paragraph("五", "下降15.06%")).not.toBe(paragraph("五", "卫生健康支出51.02万元"));

    // The same as an .xlsx file, each paragraph merged across A:H and wrapped as clerks lay it out, checked by the CLI.
    const file = path.join(tempDir(), "手工.xlsx");
    const workbook = new ExcelJS.Workbook();
    writePlans(workbook, renderTables(pack, { department: J.department, year: J.year, rows: J.rows }));
    const sheet = workbook.addWorksheet("情况说明");
    pastedSheet(slipped).grid.values.forEach((row, r) => {
      sheet.getCell(r + 1, 1).value = row[0];
      sheet.getCell(r + 1, 1).alignment = { wrapText: true };
      sheet.mergeCells(r + 1, 1, r + 1, 8);
    });
    await workbook.xlsx.writeFile(file);
    const cli = await runCli("validate", file, "--format", "json");
    const json = JSON.parse(cli.out) as { files: { findings: Finding[] }[] };
    const fromFile = json.files[0].findings.filter((f) => f.sheet === "情况说明" && !before.has(key(f))).map(key);
    expect(fromFile.sort()).toEqual(findings.filter((f) => !before.has(key(f))).map(key).sort());
  });
});
