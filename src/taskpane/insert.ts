/** The insert flow: pack → plans → port.apply, asking the user what to do about sheet names already taken. */
import { isBuiltinPack } from "../domain/packs";
import type { Pack } from "../domain/packs/schema";
import { SheetExistsError, type WorkbookPort } from "../domain/port";
import { renderTables, type TableRows } from "../domain/render/render";
import { freeSheetName, isNameTaken } from "../domain/render/sheet-names";
import { stampOf } from "../domain/stamp";

export interface InsertRequest {
  pack: Pack;
  department: string;
  year: number;
  tables: string[];
  rows?: TableRows;
}

export interface Conflict {
  tableId: string;
  name: string;
  /** A free name to propose. */
  suggested: string;
}

/** Per conflicting table: a new sheet name, or null to skip the table. */
export type Resolution = Record<string, string | null>;

/** Asks the user; resolves to null when the user cancels. */
export type ResolveConflicts = (conflicts: Conflict[]) => Promise<Resolution | null>;

export type InsertResult = { status: "inserted"; inserted: string[]; skipped: string[] } | { status: "cancelled" };

export type InsertStage = "render" | "write";

/** A new name keeps asking until it is free, so a retry is bounded only by the user's patience; this guards a loop. */
const MAX_ROUNDS = 10;

export async function insertTables(
  port: WorkbookPort,
  request: InsertRequest,
  resolve: ResolveConflicts,
  onStage: (stage: InsertStage) => void = () => {},
): Promise<InsertResult> {
  onStage("render");
  const { pack, department, year, tables, rows } = request;
  const sheetNames: Record<string, string> = {};
  let wanted = [...tables];
  const skipped: string[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const plans = renderTables(pack, { department, year, tables: wanted, rows, sheetNames });
    if (plans.length === 0) return { status: "inserted", inserted: [], skipped };
    onStage("write");
    try {
      // A pack of the bureau's own goes with the workbook: 校验 and 导出, here or anywhere, use it.
      await port.apply(plans, stampOf(pack, department, year, !isBuiltinPack(pack)));
      return { status: "inserted", inserted: plans.map((p) => p.name), skipped };
    } catch (e) {
      if (!(e instanceof SheetExistsError)) throw e;
      const planned = plans.map((p) => p.name);
      const conflicts = plans
        .filter((p) => isNameTaken(p.name, e.names))
        .map((p) => ({ tableId: p.tableId, name: p.name, suggested: freeSheetName(p.name, [...e.names, ...planned]) }));
      const answer = await resolve(conflicts);
      if (!answer) return { status: "cancelled" };
      for (const c of conflicts) {
        const choice = answer[c.tableId];
        if (choice === null || choice === undefined) {
          wanted = wanted.filter((id) => id !== c.tableId);
          skipped.push(c.name);
        } else sheetNames[c.tableId] = choice;
      }
    }
  }
  throw new Error("多次重命名后仍有重名的工作表，请检查工作表名称后重试。");
}
