/** One workbook file checked: the work of one validate job, in this thread or a worker. */
import { checkWorkbook } from "../domain/checks/check-workbook";
import { textReadings } from "../domain/checks/registry";
import type { Pack } from "../domain/packs";
import { workbookPack } from "../domain/read/detect";
import { packInStamp } from "../domain/packs/stored";
import { catalogsFor, type CatalogImport } from "./catalog-file";
import { readWorkbookFile } from "./grids";
import { noTablesFound } from "./pack-file";
import type { WorkbookReport } from "../domain/report/model";
import { applyPolicy, type RulePolicy } from "./rules-file";

/** What every file is checked with; plain data, so it can be sent to worker threads. */
export interface ValidateSetup {
  /** The pack every file is checked with (--pack); otherwise each file's own, among the built-in packs. */
  pack?: Pack;
  strict: boolean;
  catalog?: CatalogImport;
  /** A bureau's own rule policy for this run (--rules): rules off, or graded otherwise. */
  rules?: RulePolicy;
  /** List what was read from each amount of the 情况说明 (--explain-text). */
  explainText?: boolean;
  /** The budget year (--year) of workbooks that state none. */
  year?: number;
}

export function fileValidator({ pack, strict, catalog, rules, explainText, year }: ValidateSetup): (file: string) => Promise<WorkbookReport> {
  const catalogFor = catalogsFor(catalog);
  const validate = async (file: string): Promise<WorkbookReport> => {
    const read = await readWorkbookFile(file);
    if ("error" in read) return { file, tablesFound: [], findings: [], error: read.error };
    // Without --pack: the pack the workbook carries, the built-in one its stamp names, else the one whose tables it holds.
    const chosen = pack ?? packInStamp(read.stamp) ?? workbookPack(read.stamp, read.grids);
    const none = { file, tablesFound: [], findings: [], error: noTablesFound(pack) };
    if (!chosen) return none;
    const result = checkWorkbook(chosen, read.grids, {
      strict,
      catalogFor,
      year,
      explanations: read.explanations,
      stamp: read.stamp,
    });
    if (result.tablesFound.length === 0) return none;
    return {
      file,
      department: result.department,
      year: result.year,
      yearFrom: result.yearFrom,
      pack: { id: chosen.id, version: chosen.version, name: chosen.name },
      tablesFound: result.tablesFound,
      findings: applyPolicy(result.findings, rules),
      ...(explainText ? { readings: textReadings(result.disclosure, chosen, { strict, catalog: result.catalog, inputs: result.inputs }) } : {}),
    };
  };
  // A bug met on one file is that file's error: the other files of a folder are still checked and reported.
  return (file) =>
    validate(file).catch((e: unknown) => ({ file, tablesFound: [], findings: [], error: `校验时出现程序错误（${(e as Error)?.message ?? e}），请把此文件发给开发者` }));
}
