/**
 * From a workbook's sheets to an ExportRequest: the check, the inputs, the narrative as edited (or generated
 * when the workbook has none), the glossary and the 目录. The task pane and the CLI both export through it.
 */
import type { PackStamp } from "../port";
import type { Catalog } from "../catalog/catalog";
import { checkWorkbook, type CheckResult } from "../checks/check-workbook";
import type { SheetGrid } from "../grid";
import type { DisclosureInputs, NarrativeSection } from "../inputs";
import { generateNarrative } from "../narrative/narrative";
import { contentsOf } from "../narrative/contents";
import type { Pack } from "../packs/schema";
import type { ExportRequest } from "./index";
import type { Explanation } from "../explanations";

export interface PrepareOptions {
  strict: boolean;
  catalogFor: (year: number) => Catalog;
  /** What the workbook's stamp says, when the add-in inserted the tables; otherwise the tables tell. */
  stamp?: PackStamp | null;
  /** The budget year asked for (CLI --year, the pane's prompt); otherwise the workbook tells (read/basis.ts). */
  year?: number | null;
  /** Explained findings kept in the workbook. */
  explanations?: readonly Explanation[];
}

/** The workbook read and checked: what the narrative and the export are made from. */
export interface Prepared {
  check: CheckResult;
  /** The subject catalogue of the budget year. */
  catalog: Catalog;
  department: string;
  inputs: DisclosureInputs;
  /** The 情况说明 as the workbook holds it, or generated from the tables and inputs when it holds none. */
  narrative: NarrativeSection[];
}

export function prepare(pack: Pack, grids: SheetGrid[], options: PrepareOptions): Prepared {
  const check = checkWorkbook(pack, grids, {
    strict: options.strict,
    catalogFor: options.catalogFor,
    year: options.year,
    explanations: options.explanations,
    document: true,
    stamp: options.stamp,
  });
  const { disclosure, year, catalog, inputs, department } = check;
  const narrative = inputs.narrative ?? generateNarrative({ pack, disclosure, catalog, department, year, inputs });
  return { check, catalog, department, inputs, narrative };
}

/** The request buildPackage takes, for a prepared workbook. */
export function exportRequest(pack: Pack, prepared: Prepared, options: { strict: boolean; draft: boolean; now: Date }): ExportRequest {
  const { check, catalog, department, inputs, narrative } = prepared;
  return {
    pack,
    department,
    year: check.year,
    disclosure: check.disclosure,
    catalog,
    inputs,
    narrative,
    glossary: inputs.glossary ?? [...pack.glossary],
    contents: inputs.contents ?? contentsOf(pack, check.year, department),
    findings: check.findings,
    strict: options.strict,
    draft: options.draft,
    generatedAt: options.now,
  };
}
