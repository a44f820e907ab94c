/** mark() and clearMarks(): findings shown on their cells, and the cells' original fills kept to put them back. */
import type { WorkbookPort } from "../domain/port";
import { MARK_FILLS, MARK_NOTE_HEAD, markTargets } from "../domain/render/marks";
import { cellKey, MARKS_NAMESPACE, marksFromXml, marksToXml, type MarkedCell } from "./marks-xml";
import { loadParts } from "./parts";
import { runBatch, type ExcelApiCheck, type ExcelRun } from "./run";

const FILL_LOAD = { color: true, pattern: true, patternColor: true, tintAndShade: true, patternTintAndShade: true };

/** The marks record a port last wrote: the part's id and what it holds. */
type Known = { id: string; cells: Map<string, MarkedCell> } | null;

/**
 * The marked cells recorded in `parts` (loaded), by cell — one more sync unless there is nothing to read or
 * `known` is what this port itself last wrote there. Several parts (left by a failure) merge, the first wins.
 */
async function readMarks(
  context: Excel.RequestContext,
  parts: Excel.CustomXmlPart[],
  known: Known,
): Promise<Map<string, MarkedCell>> {
  if (parts.length === 0) return new Map();
  if (parts.length === 1 && known && parts[0].id === known.id) return new Map(known.cells);
  const xmls = parts.map((part) => part.getXml());
  await context.sync();
  const cells = new Map<string, MarkedCell>();
  for (const xml of xmls) for (const c of marksFromXml(xml.value)) if (!cells.has(cellKey(c))) cells.set(cellKey(c), c);
  return cells;
}

const NO_MARKS = "此版本的 Excel 不支持标记单元格（需要 ExcelApi 1.9），请在窗格的问题列表中查看。";

/** The port's mark() and clearMarks(), sharing the record this port last wrote. */
export function marksOf(run: ExcelRun, hasExcelApi: ExcelApiCheck): Pick<WorkbookPort, "mark" | "clearMarks"> {
  /** The marks record this port last wrote, so marking again need not read it back. */
  let known: Known = null;
  return {
    /**
     * Two syncs: the cells' fills and notes (and the marks part's id), then the writes. A third sits
     * between them only when the workbook holds marks this port did not write (the pane was reopened):
     * their record must be read before it can be merged. Notes are ExcelApi 1.18; without them, fills only.
     */
    mark: (findings) => {
      const targets = markTargets(findings);
      if (targets.length === 0) return Promise.resolve();
      if (!hasExcelApi("1.9")) return Promise.reject(new Error(NO_MARKS));
      const withNotes = hasExcelApi("1.18");
      return runBatch(
        run,
        async (context) => {
          const sheets = new Map<string, Excel.Worksheet>();
          const cells = targets.map((target) => {
            const ws = sheets.get(target.sheet) ?? context.workbook.worksheets.getItem(target.sheet);
            sheets.set(target.sheet, ws);
            const range = ws.getRange(target.cell);
            return {
              target,
              ws,
              range,
              before: range.getCellProperties({ format: { fill: FILL_LOAD } }),
              note: withNotes ? ws.notes.getItemOrNullObject(target.cell).load("content") : null,
            };
          });
          const parts = loadParts(context, MARKS_NAMESPACE);
          await context.sync();

          const marked = await readMarks(context, parts.items, known);
          // A cell marked before keeps the fill it had before that first mark.
          for (const { target, before } of cells)
            if (!marked.has(cellKey(target)))
              marked.set(cellKey(target), { sheet: target.sheet, cell: target.cell, fill: before.value[0][0].format?.fill ?? {} });
          // The record goes first: a batch stops at its first failure and keeps what ran before it.
          for (const part of parts.items) part.delete();
          const record = context.workbook.customXmlParts.add(marksToXml([...marked.values()])).load("id");
          for (const { target, ws, range, note } of cells) {
            range.setCellProperties([[{ format: { fill: { color: MARK_FILLS[target.severity], pattern: "Solid", tintAndShade: 0 } } }]]);
            if (!note) continue;
            if (note.isNullObject) ws.notes.add(target.cell, target.note);
            else if (note.content.startsWith(MARK_NOTE_HEAD)) note.content = target.note;
            // Any other note is the user's own, and stays as it is.
          }
          await context.sync();
          known = { id: record.id, cells: marked };
        },
        { notFound: "找不到要标记的工作表，它可能已被删除或改名。请重新校验后再标记。" },
      );
    },

    /**
     * Two syncs: the marks record (with the sheet names and the notes), then the restore. When there is no
     * record — or, after a failure, several — the first sync fails and a listing takes its place.
     */
    clearMarks: () => {
      if (!hasExcelApi("1.9")) return Promise.reject(new Error(NO_MARKS));
      const withNotes = hasExcelApi("1.18");
      return runBatch(run, async (context) => {
        // A failed sync takes its loads with it, so the fallback queues them again.
        const loadSheetsAndNotes = () => ({
          sheets: context.workbook.worksheets.load("items/name"),
          notes: withNotes ? context.workbook.notes.load("items/content") : null,
        });
        let loaded = loadSheetsAndNotes();
        let parts: Excel.CustomXmlPart[];
        let marked: MarkedCell[];
        try {
          const only = context.workbook.customXmlParts.getByNamespace(MARKS_NAMESPACE).getOnlyItem();
          const xml = only.getXml();
          await context.sync();
          parts = [only];
          marked = marksFromXml(xml.value);
        } catch {
          // No record, or several: list them. A real failure (cell edit mode) fails again here, and is reported.
          loaded = loadSheetsAndNotes();
          const listed = loadParts(context, MARKS_NAMESPACE);
          await context.sync();
          parts = listed.items;
          marked = [...(await readMarks(context, parts, known)).values()];
        }
        if (parts.length === 0) {
          known = null;
          return;
        }
        const names = new Set(loaded.sheets.items.map((s) => s.name));
        for (const { sheet, cell, fill } of marked) {
          // A sheet deleted or renamed since took its cells with it.
          if (!names.has(sheet)) continue;
          const range = context.workbook.worksheets.getItem(sheet).getRange(cell);
          if (fill.pattern === "None") range.format.fill.clear();
          else range.setCellProperties([[{ format: { fill } }]]);
        }
        for (const note of loaded.notes?.items ?? []) if (note.content.startsWith(MARK_NOTE_HEAD)) note.delete();
        // The record goes last, so a clear that fails half-way can simply be repeated.
        for (const part of parts) part.delete();
        await context.sync();
        known = null;
      });
    },
  };
}
