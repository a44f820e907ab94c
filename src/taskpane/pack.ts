/** Which pack the panes work with. */
import type { SheetGrid } from "../domain/grid";
import { builtinPack, type Pack } from "../domain/packs";
import type { PackStamp } from "../domain/port";
import { workbookPack } from "../domain/read/detect";

/** The pack the workbook was inserted with (its stamp), else the built-in one whose tables it holds, else the default. */
export const packOf = (stamp: PackStamp | null, grids: SheetGrid[]): Pack => workbookPack(stamp, grids) ?? builtinPack();

/**
 * The pack to check and export with: the one the workbook carries (a bureau's, loading the validator only then),
 * else packOf.
 */
export async function workbookPackOf(stamp: PackStamp | null, grids: SheetGrid[]): Promise<Pack> {
  const carried = stamp?.data ? (await import(/* webpackChunkName: "pack-file" */ "../domain/packs/stored")).packInStamp(stamp) : undefined;
  return carried ?? packOf(stamp, grids);
}
