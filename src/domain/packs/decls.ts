/** What the code that draws, reads and checks asks of a validated pack's declarations, apart from their schema (zod). */
import type { Unit } from "../money";
import type { EachDecl, ItemDecl } from "./document";
import type { Pack, TableDecl } from "./schema";

/** The unit of a table's amounts: its own, or the pack's. */
export const unitOf = (pack: Pack, table: TableDecl): Unit => table.unit ?? pack.unit;

export const isEach = (i: ItemDecl | EachDecl): i is EachDecl => "each" in i;
