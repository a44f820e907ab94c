/** Which pack a workbook was filled in: the one whose tables it holds. */
import type { SheetGrid } from "../grid";
import type { Pack } from "../packs/schema";
import { readDisclosure } from "./read";

/**
 * The pack most of whose tables the workbook holds — a title (of any year) with the pack's header under it; the
 * first listed on a tie; none when the workbook holds no table of any of them.
 */
export function choosePack(packs: readonly Pack[], grids: SheetGrid[]): Pack | undefined {
  let best: Pack | undefined;
  let most = 0;
  for (const pack of packs) {
    const found = [...readDisclosure(pack, grids, pack.tables, { rows: false }).tables.values()].filter((t) => t.headerTop >= 0).length;
    if (found > most) {
      best = pack;
      most = found;
    }
  }
  return best;
}
