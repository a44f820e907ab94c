/**
 * The one report object: what was checked in each workbook and what was found. The task pane's list, the 校验报告
 * sheet, the CLI's text, JSON, CSV and HTML and the export's 校验报告 are renderings of it.
 */
import type { Finding } from "../finding";
import type { Reading } from "../checks/narrative";
import type { YearSource } from "../read/basis";

export interface PackRef {
  id: string;
  version: string;
  name: string;
}

/** One workbook's check; `error` when it could not be checked at all (then nothing else is filled in). */
export interface WorkbookReport {
  /** The file as given (the CLI), or the workbook's department (the add-in, the export). */
  file: string;
  department?: string;
  year?: number;
  /** Where the year was found (read/basis.ts): a year no table states is said to be taken from elsewhere. */
  yearFrom?: YearSource;
  pack?: PackRef;
  /** Ids of the pack's tables found, in pack order. */
  tablesFound: string[];
  /** Errors first; an explained finding carries its explanation. */
  findings: Finding[];
  error?: string;
  /** What was read from each amount of the 情况说明, when asked for (validate --explain-text). */
  readings?: Reading[];
}

export interface Report {
  checkedAt: Date;
  strict: boolean;
  /** Set by an export: whether the package is a draft. */
  draft?: boolean;
  files: WorkbookReport[];
  /** Departments of the expected list (--expect) that no workbook is of; undefined without a list. */
  missing?: string[];
}

export interface Summary {
  error: number;
  warning: number;
  info: number;
  /** Findings explained (已说明): counted here, not under their severity. */
  explained: number;
}

/** Counts by severity of the findings not explained, and the explained ones apart. */
export function summaryOf(findings: readonly Finding[]): Summary {
  const out: Summary = { error: 0, warning: 0, info: 0, explained: 0 };
  for (const f of findings) {
    if (f.explanation !== undefined) out.explained++;
    else out[f.severity]++;
  }
  return out;
}

/** The errors nobody has explained: they block a final export and make validate exit 1. */
export const openErrors = (findings: readonly Finding[]): Finding[] => findings.filter((f) => f.severity === "error" && f.explanation === undefined);

export const hasOpenErrors = (findings: readonly Finding[]): boolean => openErrors(findings).length > 0;
