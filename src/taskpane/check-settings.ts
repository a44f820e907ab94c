/** How the workbook is checked: the 校验 pane sets it, the 导出 pane checks the same way. */
import { builtinCatalog, type Catalog, type CatalogKind } from "../domain/catalog/catalog";

/** An official catalogue the user imported, for its budget year. */
export interface Imported {
  year: number;
  catalog: Catalog;
  /** Entries imported per kind. */
  counts: Partial<Record<CatalogKind, number>>;
}

export interface CheckSettings {
  strict: boolean;
  imported: Imported | null;
  /** The budget year the clerk gave for a workbook whose tables state none (决算 tables); null: the workbook tells. */
  year: number | null;
}

export const DEFAULT_CHECK_SETTINGS: CheckSettings = { strict: false, imported: null, year: null };

/** The catalogue of a year: the imported one for its year, else the built-in one. */
export const catalogFor = (imported: Imported | null) => (year: number) =>
  imported?.year === year ? imported.catalog : builtinCatalog(year);
