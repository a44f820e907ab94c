/** One workbook file checked: the work of one validate job, in this thread or a worker. */
import { checkWorkbook } from "../domain/checks/check-workbook";
import type { Pack } from "../domain/packs";
import { catalogsFor, type CatalogImport } from "./catalog-file";
import { readWorkbookFile } from "./grids";
import type { FileReport } from "./report";

/** What every file is checked with; plain data, so it can be sent to worker threads. */
export interface ValidateSetup {
  pack: Pack;
  strict: boolean;
  catalog?: CatalogImport;
}

export function fileValidator({ pack, strict, catalog }: ValidateSetup): (file: string) => Promise<FileReport> {
  const catalogFor = catalogsFor(catalog);
  return async (file) => {
    const read = await readWorkbookFile(file);
    if ("error" in read) return { file, tablesFound: [], findings: [], error: read.error };
    const { tablesFound, findings } = checkWorkbook(pack, read.grids, { strict, catalogFor, fallbackYear: new Date().getFullYear() });
    if (tablesFound.length === 0)
      return { file, tablesFound: [], findings: [], error: `未找到任何预算公开表（按模板包“${pack.name}”的表标题查找）` };
    return { file, tablesFound, findings };
  };
}
