/**
 * An export request for the 晋城 sample: the tables read from the sample's rendered sheets, the sample's inputs
 * with its 24 performance forms, and 第三部分, 名词解释 and 目录 as the published document prints them (from the
 * seed), standing in for what the narrative module generates.
 */
import type { ExportRequest } from "../../src/domain/export";
import { FORMS_SHEET } from "../../src/domain/inputs/forms";
import { jinchengForms, jinchengInputs, jinchengSample } from "../../src/domain/samples";
import { catalog, disclosureOf, pack } from "./disclosure";
import { seedContents, seedGlossary, seedNarrative } from "./seed-narrative";

export function jinchengRequest(overrides: Partial<ExportRequest> = {}): ExportRequest {
  return {
    pack,
    department: jinchengSample.department,
    year: jinchengSample.year,
    disclosure: disclosureOf(jinchengSample.rows, jinchengSample.department),
    catalog,
    // Where a form stands in the workbook matters to the checks, not to the document.
    inputs: { ...jinchengInputs, forms: jinchengForms.map((f) => ({ ...f, ref: { sheet: FORMS_SHEET, cell: "A1" }, annualTotalRef: null })) },
    narrative: seedNarrative("jincheng"),
    glossary: seedGlossary("jincheng"),
    contents: seedContents("jincheng"),
    findings: [],
    draft: false,
    generatedAt: new Date(2023, 1, 10, 9, 30),
    ...overrides,
  };
}
