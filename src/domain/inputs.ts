/**
 * What a disclosure says besides the 13 tables: 概况 texts, last year's figures, 政府采购, 国有资产 and other
 * texts, the project performance target forms, and the 情况说明 text as the clerk edited it. The add-in inserts
 * sheets for them (declared in the pack) and reads them back like the tables.
 */
import type { Decimal } from "./money";
import type { CellRef } from "./finding";

/** Last year's figures the 情况说明 compares with (万元); null where not entered. */
export interface PreviousYear {
  incomeTotal: Decimal | null;
  expenseTotal: Decimal | null;
  /** 一般公共预算当年拨款 */
  gpbAppropriation: Decimal | null;
  threePublicTotal: Decimal | null;
  abroad: Decimal | null;
  reception: Decimal | null;
  vehicleTotal: Decimal | null;
  vehiclePurchase: Decimal | null;
  vehicleOperation: Decimal | null;
  /** 机关运行经费 */
  operatingCost: Decimal | null;
}

/** 政府采购预算 (万元). */
export interface Procurement {
  goods: Decimal | null;
  works: Decimal | null;
  services: Decimal | null;
}

/** Funds of a project by source (元). */
export interface FundSplit {
  total: Decimal | null;
  central: Decimal | null;
  provincial: Decimal | null;
  local: Decimal | null;
  self: Decimal | null;
  other: Decimal | null;
}

export interface Indicator {
  level1: string;
  level2: string;
  level3: string;
  value: string;
}

/** 项目支出绩效目标表: one per project of T12, amounts in 元. */
export interface PerformanceForm {
  /** Where the form's 项目名称 value stands. */
  ref: CellRef;
  project: string;
  /** 主管部门及代码 */
  department: string;
  /** 实施单位 */
  unit: string;
  /** 项目属性 */
  attribute: string;
  /** 项目期 */
  period: string;
  funds: { implementation: FundSplit; annual: FundSplit };
  /** Where 年度资金总额 stands (X15 points there). */
  annualTotalRef: CellRef | null;
  overview: string;
  basis: string;
  necessity: string;
  measures: string;
  plan: string;
  goals: { implementation: string; annual: string };
  indicators: { implementation: Indicator[]; annual: Indicator[] };
  contacts: { head: string; handler: string; phone: string; date: string };
}

/** One section of 第三部分 情况说明: 一、部门预算收支数据变动情况及原因 … 十二、其他说明. */
export interface NarrativeSection {
  /** 一 … 十二 */
  number: string;
  title: string;
  text: string;
  /** Where the text stands when read from the workbook's 情况说明 sheet. */
  ref?: CellRef;
}

export interface GlossaryEntry {
  term: string;
  text: string;
}

export interface DisclosureInputs {
  overview: { duties: string; organization: string };
  previous: PreviousYear;
  procurement: Procurement;
  assets: string;
  other: string;
  forms: PerformanceForm[];
  /** The 情况说明 as edited in the workbook; null when the workbook has none yet (then it is generated). */
  narrative: NarrativeSection[] | null;
  /** The 名词解释 as edited; null for the default glossary. */
  glossary: GlossaryEntry[] | null;
  /** The 目录 lines as edited; null for the default contents. */
  contents: string[] | null;
}
