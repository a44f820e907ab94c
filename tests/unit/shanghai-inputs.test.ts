/**
 * The inputs of the four Shanghai samples (src/domain/samples/shanghai-*.json "inputs", through shanghaiInputs):
 * derived by scripts/shanghai-samples.ts from each published document (tests/unit/shanghai-seed.test.ts checks each
 * file equals the parse); the loader turns the stored amounts into Decimals and keeps the rest; each value is what
 * the text states, last year's figures being this year's minus the change the text states; the fields are the
 * Shanghai pack's input sheets' (drawn and read back unchanged).
 */
import { readFileSync } from "fs";
import { join } from "path";
import type { DisclosureInputs } from "../../src/domain/inputs";
import { readInputSheets, renderInputSheets } from "../../src/domain/inputs/sheets";
import { Decimal } from "../../src/domain/money";
import { builtinPack } from "../../src/domain/packs";
import {
  SAMPLES,
  jinchengSample,
  shanghaiCommerceSample,
  shanghaiCommerceUnitSample,
  shanghaiInputs,
  shanghaiWanli2024Sample,
  shanghaiWanli2025Sample,
  type Sample,
} from "../../src/domain/samples";
import { plansToGrids } from "../support/disclosure";
import { sampleFileOf, type SampleInputs, type ShanghaiSeedName } from "../support/shanghai-seed";

const SEEDS: [ShanghaiSeedName, Sample][] = [
  ["shanghai-putuo-commerce-2025-department-budget", shanghaiCommerceSample],
  ["shanghai-putuo-commerce-2025-unit-budget", shanghaiCommerceUnitSample],
  ["shanghai-putuo-wanli-2024-department-budget", shanghaiWanli2024Sample],
  ["shanghai-putuo-wanli-2025-department-budget", shanghaiWanli2025Sample],
];

/** An amount as a string with two decimals (null stays null). */
const shown = (v: Decimal | null | undefined) => (v === null || v === undefined ? v : v.toFixed(2));
const amounts = (inputs: Pick<DisclosureInputs, "amounts">) => Object.fromEntries(Object.entries(inputs.amounts).map(([k, v]) => [k, shown(v)]));

/** The inputs as the sample file stores them (amounts as strings). */
const storedInputs = (name: ShanghaiSeedName): SampleInputs =>
  JSON.parse(readFileSync(join(__dirname, "..", "..", "src", "domain", "samples", sampleFileOf(name)), "utf8")).inputs;
/** Decimals (and what is not one, as itself) as numbers, to compare with the stored strings. */
const asNumbers = (record: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(record).map(([k, v]) => [k, v instanceof Decimal ? v.toNumber() : v]));
const storedNumbers = (record: Record<string, string | null>) =>
  Object.fromEntries(Object.entries(record).map(([k, v]) => [k, v === null ? null : Number(v)]));

describe("the loader turns the stored amounts into Decimals and keeps the rest", () => {
  test.each(SEEDS)("%s", (name, sample) => {
    const stored = storedInputs(name);
    const ours = shanghaiInputs(sample);
    const decimals = [...Object.values(ours.amounts), ...Object.values(ours.byCode["previous.byCode"])].filter((v) => v !== null);
    expect(decimals.every((v) => v instanceof Decimal)).toBe(true);
    expect(asNumbers(ours.amounts)).toEqual(storedNumbers(stored.amounts));
    expect(asNumbers(ours.byCode["previous.byCode"])).toEqual(storedNumbers(stored.byCode["previous.byCode"]));
    type Rest = Pick<DisclosureInputs | SampleInputs, "texts" | "narrative" | "glossary" | "forms" | "contents">;
    const rest = ({ texts, narrative, glossary, forms, contents }: Rest) => ({ texts, narrative, glossary, forms, contents });
    expect(rest(ours)).toEqual(rest(stored));
  });

  test("the four Shanghai budget samples and the 决算 sample have their published texts; any other sample has none", () => {
    const shanghai = SAMPLES.filter((s) => s.pack.startsWith("shanghai"));
    expect(shanghai.map((s) => shanghaiInputs(s).narrative?.length ?? 0)).toEqual([6, 6, 6, 6, 11]);
    expect(() => shanghaiInputs(jinchengSample)).toThrow("不是上海示例");
    // Each call gives its own amounts: a test may change them.
    expect(shanghaiInputs(shanghaiWanli2024Sample).amounts).not.toBe(shanghaiInputs(shanghaiWanli2024Sample).amounts);
  });
});

describe("the field names are the Shanghai pack's input sheets': drawn and read back unchanged", () => {
  test.each(SEEDS)("%s", (_name, sample) => {
    const pack = builtinPack(sample.pack);
    const inputs = shanghaiInputs(sample);
    const grids = plansToGrids(renderInputSheets(pack, { department: sample.department, year: sample.year, inputs }));
    const back = readInputSheets(pack, grids);
    expect(Object.keys(back.texts).sort()).toEqual(Object.keys(inputs.texts).sort());
    expect(Object.keys(back.amounts).sort()).toEqual(Object.keys(inputs.amounts).sort());
    expect(back.texts).toEqual(inputs.texts);
    expect(amounts(back)).toEqual(amounts(inputs));
    expect(back.byCode).toEqual(inputs.byCode);
  });
});

describe("each value is what the published text states", () => {
  const commerce = shanghaiInputs(shanghaiCommerceSample);
  const unit = shanghaiInputs(shanghaiCommerceUnitSample);
  const wanli2024 = shanghaiInputs(shanghaiWanli2024Sample);
  const wanli2025 = shanghaiInputs(shanghaiWanli2025Sample);

  test("商务委 2025: last year's figures from the 编制说明 and 其他相关情况说明 一", () => {
    // 财政拨款收入37,151.47万元，比2024年预算执行数增加24,558.18万元
    expect(shown(commerce.amounts["previous.fiscalIncome"])).toBe("12593.29");
    // 财政拨款支出预算37,151.47万元，比2024年预算增加24,491.71万元; 一般公共预算拨款支出预算 the same
    expect(shown(commerce.amounts["previous.fiscalExpense"])).toBe("12659.76");
    expect(shown(commerce.amounts["previous.gpb"])).toBe("12659.76");
    // 政府性基金 / 国有资本经营预算拨款支出预算0万元，比2024年预算执行数持平
    expect([shown(commerce.amounts["previous.fund"]), shown(commerce.amounts["previous.soe"])]).toEqual(["0.00", "0.00"]);
    // “三公”经费预算数为1.00万元，与2024年预算持平; 因公出国（境）费0万元 …持平; 公务用车 0 …持平; 公务接待费1.00万元。与2024年预算持平
    expect(amounts(commerce)).toMatchObject({
      "previous.threePublic": "1.00",
      "previous.abroad": "0.00",
      "previous.vehicle": "0.00",
      "previous.vehiclePurchase": "0.00",
      "previous.vehicleOperation": "0.00",
      "previous.reception": "1.00",
    });
  });

  test("商务委 2025: 政府采购 and 绩效 (no 中小企业 sentence: not entered)", () => {
    // 政府采购预算38.20万元，其中：政府采购货物预算7.80万元、政府采购工程预算0万元、政府采购服务预算30.40万元
    // 编报绩效目标的项目共25个，涉及项目预算资金11381.60万元
    expect(amounts(commerce)).toMatchObject({
      "procurement.goods": "7.80",
      "procurement.works": "0.00",
      "procurement.services": "30.40",
      "procurement.smes": null,
      "procurement.small": null,
      "performance.count": "25.00",
      "performance.amount": "11381.60",
    });
    expect(commerce.byCode).toEqual({ "previous.byCode": {} });
  });

  test("商务委 2025 单位: the same figures as the 部门 document; no 项目经费情况说明", () => {
    expect(amounts(unit)).toEqual(amounts(commerce));
    expect(unit.texts.projects).toBe("");
    expect(unit.narrative![0].title).toBe("2025年单位预算编制说明");
    expect(unit.narrative![5].text).toContain("2025年单位预算安排购置车辆0辆");
  });

  test("万里 2024: last year's figures", () => {
    // 财政拨款收入15621.11万元，比2023年预算减少876.75万元 (支出, 一般公共预算 the same)
    expect(amounts(wanli2024)).toMatchObject({
      "previous.fiscalIncome": "16497.86",
      "previous.fiscalExpense": "16497.86",
      "previous.gpb": "16497.86",
      "previous.fund": "0.00",
      "previous.soe": "0.00",
      // 47.91万元，比2023年预算增加25万元
      "previous.threePublic": "22.91",
      "previous.abroad": "0.00",
      // 公务用车购置及运行费46.56万元，比2023年预算增加25万元
      "previous.vehicle": "21.56",
      // 公务用车购置费25万元，比2023年预算增加25万元
      "previous.vehiclePurchase": "0.00",
      // 公务用车运行费21.56万元，比2023年预算持平
      "previous.vehicleOperation": "21.56",
      // 公务接待费1.35万元。比2023年预算持平
      "previous.reception": "1.35",
    });
  });

  test("万里 2024: 政府采购 with 中小企业, 绩效", () => {
    expect(amounts(wanli2024)).toMatchObject({
      "procurement.goods": "93.98",
      "procurement.works": "815.87",
      "procurement.services": "752.59",
      "procurement.smes": "664.98",
      "procurement.small": "465.49",
      // 本部门2个预算单位开展了…编报绩效目标的项目50个，涉及项目预算资金5634.81万元
      "performance.count": "50.00",
      "performance.amount": "5634.81",
    });
  });

  test("万里 2024: the 33 执行数 of 2023 by 项 code, the codes those the tables name the list's paths with", () => {
    const byCode = wanli2024.byCode["previous.byCode"];
    expect(Object.keys(byCode)).toHaveLength(33);
    // 1. “一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”…2023年当年预算执行数为60.13万元
    expect(shown(byCode["2010507"])).toBe("60.13");
    // 9. “教育支出（类）其他教育支出（款）其他教育支出（项）”…2023年当年预算执行数为0.00万元
    expect(shown(byCode["2059999"])).toBe("0.00");
    // 20. …其他社会保障和就业支出（项）”…执行数为1410.22万元
    expect(shown(byCode["2089999"])).toBe("1410.22");
    // 21. “卫生健康支出（类）计划生育事务（款）计划生育服务（项）”: 2100717 in the 2024 tables
    expect(shown(byCode["2100717"])).toBe("20.00");
    // 31. …住房公积金（项）”…执行数为348.52万元; 33. …其他城乡社区住宅支出（项）”…217.72万元
    expect([shown(byCode["2210201"]), shown(byCode["2210399"])]).toEqual(["348.52", "217.72"]);
    // Every code of the list is a 项 of T5, in the list's order (the tables' order).
    const t5 = shanghaiWanli2024Sample.rows.T05!.map((r) => String(r[0])).filter((c) => c.length === 7);
    expect(Object.keys(byCode)).toEqual(t5);
  });

  test("万里 2025: last year's figures are the 2024 document's own", () => {
    // 18,976.76万元，比2024年预算增加3,355.65万元 = 2024's 15621.11
    expect(shown(wanli2025.amounts["previous.fiscalIncome"])).toBe("15621.11");
    // “三公”经费预算数为37.91万元，比2024年预算减少10万元 = 2024's 47.91; 购置费15万元，减少10万元 = 2024's 25
    expect(amounts(wanli2025)).toMatchObject({
      "previous.threePublic": "47.91",
      "previous.vehicle": "46.56",
      "previous.vehiclePurchase": "25.00",
      "previous.vehicleOperation": "21.56",
      "previous.reception": "1.35",
      "procurement.goods": "57.43",
      "procurement.works": "3780.72",
      "procurement.services": "983.05",
      "procurement.smes": "1928.48",
      "procurement.small": "1349.94",
      "performance.count": "49.00",
      "performance.amount": "8825.98",
    });
    // No 执行数 stated in the 2025 list.
    expect(wanli2025.byCode).toEqual({ "previous.byCode": {} });
  });

  test("texts: 概况, 国有资产 (其他相关情况说明 五) and every 项目经费情况说明 block with its title", () => {
    const commerceProjects = commerce.texts.projects.split("\n").filter((l) => /经费情况说明$/.test(l));
    expect(commerceProjects).toEqual([
      "科技创新专项经费情况说明",
      "生命健康专项（政策资金）经费情况说明",
      "商业创新专项（政策资金）经费情况说明",
      "贸易高质量发展专项（政策资金）经费情况说明",
    ]);
    expect(commerce.texts.projects).toMatch(/^科技创新专项经费情况说明\n一、项目概述\n/);
    expect(wanli2024.texts.projects).toMatch(/^项目经费情况说明\n一、项目概况\n/);
    expect(commerce.texts.assets).toMatch(/^截至2024年8月31日，上海市普陀区商务委员会共有车辆0辆/);
    expect(wanli2024.texts.assets).toMatch(/^截至2023年8月31日.*共有车辆7辆/);
    expect(wanli2024.texts.assets.split("\n")).toHaveLength(2);
    expect(commerce.texts["overview.duties"]).toMatch(/^上海市普陀区商务委员会/);
    expect(commerce.texts["overview.organization"].length).toBeGreaterThan(20);
  });

  test("narrative: the 编制说明, then 其他相关情况说明 一 … 五, titles and paragraphs as printed", () => {
    for (const inputs of [commerce, unit, wanli2024, wanli2025]) {
      const n = inputs.narrative!;
      expect(n.map((s) => `${s.id} ${s.number}`)).toEqual([
        "budget ",
        "threePublic 一",
        "operating 二",
        "procurement 三",
        "performance 四",
        "assets 五",
      ]);
      expect(n.slice(2).map((s) => s.title)).toEqual(["机关运行经费预算", "政府采购预算情况", "绩效目标设置情况", "国有资产占有使用情况"]);
    }
    expect(wanli2024.narrative!.slice(0, 2).map((s) => s.title)).toEqual(["2024年部门预算编制说明", "2024年“三公”经费预算情况说明"]);
    const threePublic = wanli2024.narrative![1].text.split("\n");
    expect(threePublic).toEqual([
      "2024年“三公”经费预算数为47.91万元，比2023年预算增加25万元。其中：",
      "（一）因公出国（境）费0万元，比2023年预算持平。主要原因是因公出国（境）费保持不变。",
      "（二）公务用车购置及运行费46.56万元，比2023年预算增加25万元，主要原因是购置公务用车。其中：公务用车购置费25万元，比2023年预算增加25万元，主要原因是购置公务用车；公务用车运行费21.56万元，比2023年预算持平，主要原因是公务车用车运行费保持不变。",
      "（三）公务接待费1.35万元。比2023年预算持平，主要原因是公务接待费保持不变。",
    ]);
    // The 编制说明: two paragraphs of totals, the reason, the list's lead and one paragraph per 项.
    expect(wanli2024.narrative![0].text.split("\n")).toHaveLength(4 + 33);
    expect(commerce.narrative![0].text.split("\n")).toHaveLength(4 + 16);
  });
});
