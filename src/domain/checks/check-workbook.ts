/** Read a workbook's sheets and run every check: the one entry the task pane, the CLI and the tests share. */
import { amendCatalog, type Catalog } from "../catalog/catalog";
import type { SheetGrid } from "../grid";
import type { DisclosureInputs } from "../inputs";
import { readInputs } from "../inputs/read-inputs";
import type { Pack } from "../packs/schema";
import { readDisclosure, type Disclosure } from "../read/read";
import type { Finding } from "../finding";
import { yearOfTitles } from "../read/model";
import { runChecks } from "./registry";
import { applyExplanations, type Explanation } from "../explanations";
import type { StampedPack } from "../packs/versions";

export interface CheckWorkbookOptions {
  strict: boolean;
  /** The subject catalogue of a budget year (built-in, or the official one a reviewer imported). */
  catalogFor: (year: number) => Catalog;
  /** The budget year when the workbook says so (its stamp); otherwise the tables' titles tell. */
  year?: number | null;
  /** The year to assume when neither the stamp nor any title states one. */
  fallbackYear: number;
  /** For an export: what the document needs and lacks is reported even without input sheets (S11). */
  document?: boolean;
  /** Explained findings kept in the workbook: a finding they explain carries the explanation. */
  explanations?: readonly Explanation[];
  /** The workbook's stamp: S15 compares the pack it names with this one. */
  stamp?: StampedPack | null;
}

export interface CheckResult {
  disclosure: Disclosure;
  /** What the workbook says besides the tables (texts, forms, the edited 情况说明). */
  inputs: DisclosureInputs;
  /** The budget year checked against, and its catalogue. */
  year: number;
  catalog: Catalog;
  /** Ids of the pack's tables found, in pack order. */
  tablesFound: string[];
  findings: Finding[];
}

export function checkWorkbook(pack: Pack, grids: SheetGrid[], options: CheckWorkbookOptions): CheckResult {
  const disclosure = readDisclosure(pack, grids);
  const inputs = readInputs(pack, grids);
  const year = options.year ?? yearOfTitles(disclosure) ?? options.fallbackYear;
  // The catalogue of the budget year, with the amendments the pack carries for that year.
  const amendments = pack.catalog?.year === year ? pack.catalog.amendments : [];
  const catalog = amendments.length ? amendCatalog(options.catalogFor(year), amendments) : options.catalogFor(year);
  return {
    disclosure,
    inputs,
    year,
    catalog,
    tablesFound: pack.tables.filter((t) => disclosure.tables.has(t.id)).map((t) => t.id),
    findings: applyExplanations(runChecks(disclosure, pack, { strict: options.strict, catalog, inputs, document: options.document, stamp: options.stamp }), options.explanations ?? []),
  };
}
