/** A sheet's cells as the readers compare them: normalised (normalizeName), worked out once per grid. */
import { normalizeName } from "../catalog/catalog";
import type { CellValue, SheetGrid } from "../grid";

/** A cell's value as texts are compared (normalizeName): "" for a blank. */
export const comparedText = (v: CellValue | undefined): string => (v === null || v === undefined ? "" : normalizeName(String(v)));

/** A text matched literally inside a pattern (pack texts are words, never patterns). */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const normalized = new WeakMap<SheetGrid, string[][]>();

/**
 * A grid's cells as compared, row by row and column by column as in `values`; worked out once per grid: each pack
 * tried on a workbook, its input sheets and the texts' titles all look at the same cells.
 */
export function gridTexts(grid: SheetGrid): readonly (readonly string[])[] {
  let texts = normalized.get(grid);
  if (!texts) normalized.set(grid, (texts = grid.values.map((row) => row.map(comparedText))));
  return texts;
}
