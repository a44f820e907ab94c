/**
 * The pack a workbook carries in its stamp (a bureau's pack, loaded from a file when the tables were inserted): read
 * and validated as any pack file, and used only when it is the pack the stamp names — its hash the stamp's. Loads
 * zod: the task pane imports this only when a stamp carries a pack.
 */
import type { PackStamp } from "../port";
import type { Pack } from "./schema";
import { parsePackJson } from "./validate";
import { packHash } from "./versions";

export function packInStamp(stamp: PackStamp | null | undefined): Pack | undefined {
  if (!stamp?.data) return undefined;
  try {
    const pack = parsePackJson(stamp.data);
    return pack.id === stamp.pack && (!stamp.hash || packHash(pack) === stamp.hash) ? pack : undefined;
  } catch {
    // A pack the add-in cannot read any more (a field since refused): the built-in packs and the titles decide.
    return undefined;
  }
}
