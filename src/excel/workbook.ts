/**
 * WorkbookPort over office.js — the only code in the project that talks to Excel. Each method queues
 * its work and syncs as few times as the API allows; the count is stated on each. Drawing (draw.ts), marks
 * (marks.ts), custom XML parts (parts.ts) and reading sheets (read-grids.ts) live beside it.
 */
import { a1, parseRange } from "../domain/grid";
import type { CellRef } from "../domain/finding";
import { SheetExistsError, type WorkbookPort } from "../domain/port";
import { freeSheetName, isNameTaken } from "../domain/render/sheet-names";
import { queueChart, queueSheet } from "./draw";
import { marksOf } from "./marks";
import { loadStampParts, partsOf, queueStamp } from "./parts";
import { readSheets } from "./read-grids";
import { defaultApiCheck, defaultRun, runBatch, type ExcelApiCheck, type ExcelRun } from "./run";

/** A paste bigger than this is bulk data, not typing; edit handlers are not called cell by cell for it. */
const MAX_EDITED_CELLS = 100;

function editedCells(sheet: string, address: string): CellRef[] {
  // Whole rows or columns ("A:A", "3:5") are bulk changes too.
  if (!/^[A-Z]+\d+(:[A-Z]+\d+)?$/.test(address)) return [];
  const box = parseRange(address);
  if ((box.bottom - box.top + 1) * (box.right - box.left + 1) > MAX_EDITED_CELLS) return [];
  const cells: CellRef[] = [];
  for (let row = box.top; row <= box.bottom; row++)
    for (let col = box.left; col <= box.right; col++) cells.push({ sheet, cell: a1(row, col) });
  return cells;
}

export function createExcelPort(
  run: ExcelRun = defaultRun,
  hasExcelApi: ExcelApiCheck = defaultApiCheck,
): WorkbookPort {
  return {
    /** One sync. */
    sheetNames: () =>
      runBatch(run, async (context) => {
        const sheets = context.workbook.worksheets.load("items/name");
        await context.sync();
        return sheets.items.map((s) => s.name);
      }),

    /**
     * Named sheets: one sync (more for a sheet beyond 20,000 rows or 52 columns, read-grids.ts). All sheets: one
     * more, as a used range can only be asked for once the sheets are known.
     */
    readGrids: (names) =>
      runBatch(run, async (context) => {
        let sheetNames = names;
        if (!sheetNames) {
          const sheets = context.workbook.worksheets.load("items/name");
          await context.sync();
          sheetNames = sheets.items.map((sheet) => sheet.name);
        }
        return readSheets(context, sheetNames);
      }),

    /**
     * Two syncs: the first learns the sheet names (and, with a stamp, the old stamp parts); the
     * second writes everything. A batch is not a transaction — Excel stops at the first failing
     * operation and keeps what ran before it — so the stamp is queued last, after the sheets it describes.
     */
    apply: (plans, stamp) => {
      const clash = plans.find((p, i) => isNameTaken(p.name, plans.slice(0, i).map((q) => q.name)));
      if (clash) return Promise.reject(new Error(`要插入的表中有重名的工作表：${clash.name}`));
      return runBatch(run, async (context) => {
        const sheets = context.workbook.worksheets.load("items/name");
        const oldStamps = stamp ? loadStampParts(context) : null;
        await context.sync();
        const existing = sheets.items.map((s) => s.name);
        const taken = plans.filter((p) => isNameTaken(p.name, existing)).map((p) => p.name);
        if (taken.length > 0) throw new SheetExistsError(taken);

        const pageLayout = hasExcelApi("1.9");
        for (const plan of plans) queueSheet(sheets, plan, pageLayout);
        if (stamp && oldStamps) queueStamp(context, oldStamps, stamp);
        await context.sync();
      });
    },

    /** Two syncs: the sheet names (a taken name gets a free variant), then every sheet and chart. */
    insertCharts: (specs) => {
      if (specs.length === 0) return Promise.resolve([]);
      return runBatch(run, async (context) => {
        const sheets = context.workbook.worksheets.load("items/name");
        await context.sync();
        const taken = sheets.items.map((s) => s.name);
        const names = specs.map((spec) => {
          const name = freeSheetName(spec.sheet, taken);
          taken.push(name);
          return name;
        });
        const pageLayout = hasExcelApi("1.9");
        const added = specs.map((spec, i) => queueChart(sheets, spec, names[i], pageLayout));
        added[0].activate();
        await context.sync();
        return names;
      });
    },

    /** One sync. Related cells on the same sheet join the selection as further areas (RangeAreas, ExcelApi 1.9). */
    select: ({ sheet, cell }, related = []) =>
      runBatch(
        run,
        async (context) => {
          const ws = context.workbook.worksheets.getItem(sheet);
          ws.activate();
          const others = new Set(related.filter((r) => r.sheet === sheet && r.cell !== cell).map((r) => r.cell));
          // The finding's own cell is the first area.
          if (others.size > 0 && hasExcelApi("1.9")) ws.getRanges([cell, ...others].join(", ")).select();
          else ws.getRange(cell).select();
          await context.sync();
        },
        { notFound: `找不到工作表“${sheet}”，它可能已被删除或改名。` },
      ),

    /**
     * Two syncs, not one: Excel cannot write "only if empty", so the cells are read first. The
     * caller's grid may be stale by then — the user can have typed into a cell meanwhile.
     */
    fillEmptyCells: (writes) =>
      runBatch(run, async (context) => {
        const targets = writes.map((w) => ({
          write: w,
          range: context.workbook.worksheets.getItem(w.sheet).getRange(w.cell).load("formulas"),
        }));
        await context.sync();
        // An empty formula means no value and no formula; a formula showing "" is left alone.
        for (const { write, range } of targets) {
          if (range.formulas[0][0] === "") range.values = [[write.value]];
        }
        await context.sync();
      }),

    /**
     * Listens to edits on every sheet (one sync to register, one to remove). Each event costs one
     * sync to turn the sheet id into its name. Remote (co-author) changes and this add-in's own
     * writes are not edits by this user, and are skipped. WorksheetCollection.onChanged is ExcelApi
     * 1.9: older hosts get no edit events, and say so.
     */
    onEdit: (handler) =>
      runBatch(run, async (context) => {
        if (!hasExcelApi("1.9")) throw new Error("此版本的 Excel 不支持监听单元格编辑（需要 ExcelApi 1.9），科目名称不会自动填写。");
        const registration = context.workbook.worksheets.onChanged.add(async (event) => {
          if (event.changeType !== "RangeEdited" || event.source !== "Local") return;
          if (event.triggerSource === "ThisLocalAddin") return;
          const sheet = await run(async (ctx) => {
            const ws = ctx.workbook.worksheets.getItemOrNullObject(event.worksheetId).load("name");
            await ctx.sync();
            return ws.isNullObject ? null : ws.name;
          });
          // A sheet deleted since the edit has nothing left to act on.
          if (sheet !== null) editedCells(sheet, event.address).forEach(handler);
        });
        await context.sync();
        return () =>
          runBatch(
            run,
            async (ctx) => {
              registration.remove();
              await ctx.sync();
            },
            { context: registration.context },
          );
      }),

    ...marksOf(run, hasExcelApi),
    ...partsOf(run),
  };
}
