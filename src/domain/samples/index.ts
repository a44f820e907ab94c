/**
 * The built-in sample disclosures, every table as published: 晋城市商务局 2023 and 大同市商务局 2023 (OCR repaired)
 * in the Shanxi format; 上海市普陀区商务委员会 2025 (部门 and 单位) and 万里街道办事处 2024 and 2025 in the Shanghai one;
 * 上海市普陀区财政局 2024 in the national 部门决算 format.
 */
import jincheng from "./jincheng-2023.json";
import datong from "./datong-2023.json";
import shanghaiCommerce from "./shanghai-commerce-2025-department.json";
import shanghaiCommerceUnit from "./shanghai-commerce-2025-unit.json";
import shanghaiWanli2024 from "./shanghai-wanli-2024.json";
import shanghaiWanli2025 from "./shanghai-wanli-2025.json";
import shanghaiFinance2024Final from "./shanghai-finance-2024-final.json";
import jinchengStored from "./jincheng-2023-inputs.json";
import datongStored from "./datong-2023-inputs.json";
import type { DisclosureInputs } from "../inputs";
import type { Pack } from "../packs/schema";
import { Decimal } from "../money";
import type { CellValue } from "../grid";
import type { TableRows } from "../render/render";
import jinchengFormsData from "./jincheng-2023-forms.json";
import { formFromJson, type FormContent, type FormJson } from "../inputs/forms";

export interface Sample {
  /** How a URL or a command names it: jincheng-2023, shanghai-commerce-2025 … */
  id: string;
  department: string;
  year: number;
  pack: string;
  source: string;
  rows: TableRows;
}

const sample = (id: string, s: Omit<Sample, "id" | "rows"> & { rows: unknown }): Sample => ({
  id,
  department: s.department,
  year: s.year,
  pack: s.pack,
  source: s.source,
  rows: s.rows as Record<string, CellValue[][]>,
});

export const jinchengSample = sample("jincheng-2023", jincheng);
export const datongSample = sample("datong-2023", datong);
export const shanghaiCommerceSample = sample("shanghai-commerce-2025", shanghaiCommerce);
export const shanghaiCommerceUnitSample = sample("shanghai-commerce-2025-unit", shanghaiCommerceUnit);
export const shanghaiWanli2024Sample = sample("shanghai-wanli-2024", shanghaiWanli2024);
export const shanghaiWanli2025Sample = sample("shanghai-wanli-2025", shanghaiWanli2025);
/** 上海市普陀区财政局 2024 部门决算: the national 9-table format, 万元. */
export const shanghaiFinance2024FinalSample = sample("shanghai-finance-2024-final", shanghaiFinance2024Final);

/** Every built-in sample, the first of each pack being the one a new workbook of that pack is shown with. */
export const SAMPLES: readonly Sample[] = [
  jinchengSample,
  datongSample,
  shanghaiCommerceSample,
  shanghaiCommerceUnitSample,
  shanghaiWanli2024Sample,
  shanghaiWanli2025Sample,
  shanghaiFinance2024FinalSample,
];

/** The first built-in sample filled in with the pack: the one a new workbook of the pack is shown with, and --sample fills. */
export const sampleOf = (pack: Pack): Sample | undefined => SAMPLES.find((s) => s.pack === pack.id);

/** Inputs as JSON keeps them: amounts as strings ("6249.10"), null where not entered. */
interface StoredInputs extends Omit<DisclosureInputs, "amounts" | "byCode"> {
  amounts: Record<string, string | null>;
  byCode: Record<string, Record<string, string>>;
}

const decimal = (v: string | null) => (v === null ? null : new Decimal(v));

function inputsOf(stored: StoredInputs): DisclosureInputs {
  return {
    ...stored,
    amounts: Object.fromEntries(Object.entries(stored.amounts).map(([k, v]) => [k, decimal(v)])),
    byCode: Object.fromEntries(
      Object.entries(stored.byCode).map(([f, codes]) => [f, Object.fromEntries(Object.entries(codes).map(([c, v]) => [c, new Decimal(v)]))]),
    ),
  };
}

/** What the two disclosures say besides the tables (第一部分, last year's figures from 第三部分, 政府采购, 十一/十二); no forms. */
export const jinchengInputs: DisclosureInputs = inputsOf(jinchengStored.inputs);
export const datongInputs: DisclosureInputs = inputsOf(datongStored.inputs);

/**
 * What the four Shanghai documents say besides the tables, derived from the published text by
 * scripts/shanghai-samples.ts: 概况, 国有资产 and 项目经费情况说明 texts; last year's figures (this year's minus the change
 * the 编制说明 and 其他相关情况说明 state), 政府采购 and 绩效; last year's 执行数 by 项 code (万里 2024 only); the
 * published 编制说明 and 其他相关情况说明 as `narrative`, and the published 名词解释. No forms.
 */
const SHANGHAI_INPUTS = new Map<Sample, StoredInputs>([
  [shanghaiCommerceSample, shanghaiCommerce.inputs],
  [shanghaiCommerceUnitSample, shanghaiCommerceUnit.inputs],
  [shanghaiWanli2024Sample, shanghaiWanli2024.inputs],
  [shanghaiWanli2025Sample, shanghaiWanli2025.inputs],
  // The 决算 sample: its 概况, 十、十一 texts, 年初预算, and the published 情况说明.
  [shanghaiFinance2024FinalSample, shanghaiFinance2024Final.inputs as unknown as StoredInputs],
]);

/** The inputs of a Shanghai sample (a fresh copy of its amounts); throws for any other sample. */
export function shanghaiInputs(sample: Sample): DisclosureInputs {
  const stored = SHANGHAI_INPUTS.get(sample);
  if (!stored) throw new Error(`${sample.department} ${sample.year}：不是上海示例`);
  return inputsOf(stored);
}

/** The 24 项目支出绩效目标表 of 晋城 (第三部分 十), amounts in 元, as read from the seed text (its notes say what is guessed). */
export const jinchengForms: FormContent[] = (jinchengFormsData.forms as FormJson[]).map(formFromJson);
