/**
 * What a disclosure says besides its tables: texts (概况, 国有资产 …) and figures (last year's, 政府采购 …) under the
 * field names the pack's input sheets declare, last year's figures by code, the project performance target forms,
 * and the 情况说明 text as the clerk edited it. The add-in inserts sheets for them and reads them back like the tables.
 */
import type { Decimal } from "./money";
import type { CellRef } from "./finding";

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

/** One section of the 情况说明 (一、部门预算收支数据变动情况及原因 …), as generated or as edited. */
export interface NarrativeSection {
  /** The pack's section it is, when known (an edited text's heading may name none). */
  id?: string;
  /** 一 … 十二; empty for a section printed without a heading. */
  number: string;
  title: string;
  text: string;
  /** Where the text stands when read from the workbook's 情况说明 sheet. */
  ref?: CellRef;
  /** Read from a sheet: each line of `text` with its cell (a cell holding several lines gives several). */
  cells?: CellRef[];
}

export interface GlossaryEntry {
  term: string;
  text: string;
}

export interface DisclosureInputs {
  /** Texts by field (overview.duties …): "" where not entered. */
  texts: Record<string, string>;
  /** Figures by field (previous.incomeTotal …, in 万元): null where not entered. */
  amounts: Record<string, Decimal | null>;
  /** Figures by code (last year's figure of each 项), by field. */
  byCode: Record<string, Record<string, Decimal>>;
  forms: PerformanceForm[];
  /** The 情况说明 as edited in the workbook; null when the workbook has none yet (then it is generated). */
  narrative: NarrativeSection[] | null;
  /** The 名词解释 as edited; null for the default glossary. */
  glossary: GlossaryEntry[] | null;
  /** The 目录 lines as edited; null for the default contents. */
  contents: string[] | null;
  /** Ids of the pack's input sheets the workbook holds (none: the clerk has not begun the document's inputs). */
  sheets?: string[];
  /** Where each fixed input field's value is entered, for findings about it. */
  places?: Record<string, CellRef>;
}
