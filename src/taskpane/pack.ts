/** Which pack the panes work with, and the sample it is shown with. */
import type { SheetGrid } from "../domain/grid";
import { builtinPack, builtinPacks, type Pack } from "../domain/packs";
import type { PackStamp } from "../domain/port";
import { choosePack } from "../domain/read/detect";
import { SAMPLES, type Sample } from "../domain/samples";

/** The pack the workbook was inserted with (its stamp), else the built-in one whose tables it holds, else the default. */
export const packOf = (stamp: PackStamp | null, grids: SheetGrid[]): Pack =>
  builtinPacks().find((p) => p.id === stamp?.pack) ?? choosePack(builtinPacks(), grids) ?? builtinPack();

/** The first built-in sample filled in with the pack (the one a new workbook of the pack is shown with). */
export const sampleOf = (pack: Pack): Sample | undefined => SAMPLES.find((s) => s.pack === pack.id);
