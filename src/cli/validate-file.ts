/** One workbook file checked: the work of one validate job, in this thread or a worker. */
import { checkWorkbook } from "../domain/checks/check-workbook";
import { builtinPacks, type Pack } from "../domain/packs";
import { choosePack } from "../domain/read/detect";
import { catalogsFor, type CatalogImport } from "./catalog-file";
import { readWorkbookFile } from "./grids";
import type { FileReport } from "./report";

/** What every file is checked with; plain data, so it can be sent to worker threads. */
export interface ValidateSetup {
  /** The pack every file is checked with (--pack); otherwise each file's own, among the built-in packs. */
  pack?: Pack;
  strict: boolean;
  catalog?: CatalogImport;
}

export function fileValidator({ pack, strict, catalog }: ValidateSetup): (file: string) => Promise<FileReport> {
  const catalogFor = catalogsFor(catalog);
  return async (file) => {
    const read = await readWorkbookFile(file);
    if ("error" in read) return { file, tablesFound: [], findings: [], error: read.error };
    const chosen = pack ?? choosePack(builtinPacks(), read.grids);
    const where = pack ? `模板包“${pack.name}”` : `内置模板包（${builtinPacks().map((p) => p.name).join("、")}）`;
    const none = { file, tablesFound: [], findings: [], error: `未找到任何预算公开表（按${where}的表标题查找）` };
    if (!chosen) return none;
    const { tablesFound, findings } = checkWorkbook(chosen, read.grids, { strict, catalogFor, fallbackYear: new Date().getFullYear() });
    if (tablesFound.length === 0) return none;
    return { file, pack: { id: chosen.id, version: chosen.version, name: chosen.name, tables: chosen.tables.length }, tablesFound, findings };
  };
}
