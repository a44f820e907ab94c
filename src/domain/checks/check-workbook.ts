/** Read a workbook's sheets and run every check: the one entry the task pane, the CLI and the tests share. */
import { amendCatalog, type Catalog } from "../catalog/catalog";
import type { SheetGrid } from "../grid";
import type { DisclosureInputs } from "../inputs";
import { readInputs } from "../inputs/read-inputs";
import type { Pack } from "../packs/schema";
import { readDisclosure, type Disclosure } from "../read/read";
import type { Finding } from "../finding";
import { budgetYearOf, departmentIn, type YearSource } from "../read/basis";
import { runChecks } from "./registry";
import { applyExplanations, type Explanation } from "../explanations";
import type { PackStamp } from "../port";

export interface CheckWorkbookOptions {
  strict: boolean;
  /** The subject catalogue of a budget year (built-in, or the official one a reviewer imported). */
  catalogFor: (year: number) => Catalog;
  /** The budget year asked for (CLI --year, the pane's prompt); otherwise the workbook tells (read/basis.ts). */
  year?: number | null;
  /** For an export: what the document needs and lacks is reported even without input sheets (S11). */
  document?: boolean;
  /** Explained findings kept in the workbook: a finding they explain carries the explanation. */
  explanations?: readonly Explanation[];
  /** The workbook's stamp: S15 compares the pack it names with this one. */
  stamp?: PackStamp | null;
}

export interface CheckResult {
  disclosure: Disclosure;
  /** What the workbook says besides the tables (texts, forms, the edited 情况说明). */
  inputs: DisclosureInputs;
  /** The budget year checked against, where it was found, and its catalogue. */
  year: number;
  yearFrom: YearSource;
  /** The department, wherever the workbook names it (read/basis.ts). */
  department: string;
  catalog: Catalog;
  /** Ids of the pack's tables found, in pack order. */
  tablesFound: string[];
  findings: Finding[];
}

export function checkWorkbook(pack: Pack, grids: SheetGrid[], options: CheckWorkbookOptions): CheckResult {
  const disclosure = readDisclosure(pack, grids);
  const inputs = readInputs(pack, grids);
  const { year, from } = budgetYearOf(disclosure, grids, { asked: options.year, stamp: options.stamp, packYear: pack.year });
  // The catalogue of the budget year, with the amendments the pack carries for that year.
  const amendments = pack.catalog?.year === year ? pack.catalog.amendments : [];
  const catalog = amendments.length ? amendCatalog(options.catalogFor(year), amendments) : options.catalogFor(year);
  return {
    disclosure,
    inputs,
    year,
    yearFrom: from,
    department: departmentIn(disclosure, grids, options.stamp),
    catalog,
    tablesFound: pack.tables.filter((t) => disclosure.tables.has(t.id)).map((t) => t.id),
    findings: applyExplanations(runChecks(disclosure, pack, { strict: options.strict, catalog, inputs, document: options.document, stamp: options.stamp }), options.explanations ?? []),
  };
}
