/** One workbook file checked: the work of one validate job, in this thread or a worker. */
import { checkWorkbook } from "../domain/checks/check-workbook";
import type { Pack } from "../domain/packs";
import { readDisclosure } from "../domain/read/read";
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
    const tables = [...readDisclosure(pack, read.grids).tables.values()];
    if (tables.length === 0)
      return { file, tablesFound: [], findings: [], error: `未找到任何预算公开表（按模板包“${pack.name}”的表标题查找）` };
    // The catalogue's messages name the budget year: read it from the titles before checking.
    const year = tables.find((t) => t.year !== null)?.year ?? new Date().getFullYear();
    const { tablesFound, findings } = checkWorkbook(pack, read.grids, { strict, catalog: catalogFor(year) });
    return { file, tablesFound, findings };
  };
}
