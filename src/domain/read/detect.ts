/** Which pack a workbook was filled in: the one whose tables it holds. */
import type { SheetGrid } from "../grid";
import { builtinPacks, findBuiltinPack } from "../packs";
import type { Pack } from "../packs/schema";
import { yearOfTitles } from "./model";
import { readDisclosure } from "./read";

/**
 * The pack most of whose tables the workbook holds — a title (of any year) with the pack's header under it; none when
 * the workbook holds no table of any of them. Packs of one format issued for several years hold the same tables: of
 * those, the one in force for the year the titles state (the latest issued for it or before), else the earliest;
 * then the first listed.
 */
export function choosePack(packs: readonly Pack[], grids: SheetGrid[]): Pack | undefined {
  let best: Pack[] = [];
  let most = 0;
  let year: number | null = null;
  for (const pack of packs) {
    const disclosure = readDisclosure(pack, grids, pack.tables, { rows: false });
    const found = [...disclosure.tables.values()].filter((t) => t.headerTop >= 0).length;
    if (found === 0 || found < most) continue;
    if (found > most) best = [];
    best.push(pack);
    most = found;
    year ??= yearOfTitles(disclosure);
  }
  if (best.length < 2 || year === null) return best[0];
  const inForce = best.filter((p) => p.year <= year!).sort((a, b) => b.year - a.year);
  return inForce[0] ?? [...best].sort((a, b) => a.year - b.year)[0];
}

/** The built-in pack a workbook's stamp names, else the built-in one whose tables it holds (task pane, upgrade, rollover). */
export const workbookPack = (stamp: { pack: string } | null, grids: SheetGrid[]): Pack | undefined =>
  (stamp ? findBuiltinPack(stamp.pack) : undefined) ?? choosePack(builtinPacks(), grids);
