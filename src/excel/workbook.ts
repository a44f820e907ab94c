/**
 * WorkbookPort over office.js — the only code in the project that talks to Excel. Each method queues
 * its work and syncs as few times as the API allows; the count is stated on each.
 */
import { a1, columnLetters, parseRange, type RangePos } from "../domain/grid";
import type { CellRef } from "../domain/finding";
import { SheetExistsError, type ChartSpec, type PackStamp, type WorkbookPort } from "../domain/port";
import { chartSheet } from "../domain/render/chart-sheet";
import { MARK_FILLS, MARK_NOTE_HEAD, markTargets } from "../domain/render/marks";
import { footerCode, PLAN_FONT, PRINT_MARGINS, STYLE_SPECS, type SheetPlan, type StyleSpec } from "../domain/render/plan";
import { charsToPoints } from "../domain/render/print";
import { freeSheetName, isNameTaken } from "../domain/render/sheet-names";
import { elements, escapeAttribute } from "../domain/xml";
import { readSheets } from "./read-grids";
import { STAMP_NAMESPACE, stampFromXml, stampToXml } from "../domain/stamp";
import { EXPLANATIONS_NAMESPACE, explanationsFromXml, explanationsToXml } from "../domain/explanations";

/**
 * Excel.run. `context` resumes an earlier batch's context, which removing an event handler needs.
 * Tests pass a function that hands the batch a mock context.
 */
export type ExcelRun = <T>(
  batch: (context: Excel.RequestContext) => Promise<T>,
  context?: OfficeExtension.ClientRequestContext,
) => Promise<T>;
/** Whether the host implements ExcelApi `version` (e.g. "1.9"). */
export type ExcelApiCheck = (version: string) => boolean;

/** The part that remembers the fills of marked cells, so clearMarks() works after the task pane was closed. */
export const MARKS_NAMESPACE = "urn:budget-disclosure:marks";

/**
 * Excel column widths are in characters of the default font's widest digit (≈ 7 px for 11 pt
 * Calibri/等线) plus 5 px of cell padding; office.js wants points (1 px = 0.75 pt at 96 dpi).
 * So 1 char ≈ 5.25 pt, plus 3.75 pt per column.
 */

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", center: "Center" } as const;

type BorderEdge = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical";

function filled<T>(box: RangePos, value: T): T[][] {
  const cols = box.right - box.left + 1;
  return Array.from({ length: box.bottom - box.top + 1 }, () => new Array<T>(cols).fill(value));
}

function drawGrid(range: Excel.Range, box: RangePos): void {
  const edges: BorderEdge[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
  // Inside borders on a single row or column are rejected by some hosts, and would fail the batch.
  if (box.bottom > box.top) edges.push("InsideHorizontal");
  if (box.right > box.left) edges.push("InsideVertical");
  for (const edge of edges) {
    const border = range.format.borders.getItem(edge);
    border.style = "Continuous";
    border.weight = "Thin";
  }
}

/** Everything in a StyleSpec but the number format, which has to go in before the values. */
function applyLook(range: Excel.Range, box: RangePos, spec: StyleSpec): void {
  const format = range.format;
  if (spec.bold !== undefined) format.font.bold = spec.bold;
  if (spec.fontSize !== undefined) format.font.size = spec.fontSize;
  if (spec.hAlign) format.horizontalAlignment = H_ALIGN[spec.hAlign];
  if (spec.vAlign) format.verticalAlignment = V_ALIGN[spec.vAlign];
  if (spec.wrap !== undefined) format.wrapText = spec.wrap;
  if (spec.border) drawGrid(range, box);
}

/** Queues one sheet: number formats, values, merges, formats, widths, frozen rows, print setup. */
function queueSheet(sheets: Excel.WorksheetCollection, plan: SheetPlan, pageLayout: boolean): Excel.Worksheet {
  const sheet = sheets.add(plan.name);
  const styled = plan.styles.map((s) => ({ range: s.range, box: parseRange(s.range), spec: STYLE_SPECS[s.style] }));

  // "@" must be in place before codes such as 2010101 are written, or Excel turns them into numbers.
  for (const s of styled) {
    if (s.spec.numberFormat) sheet.getRange(s.range).numberFormat = filled(s.box, s.spec.numberFormat);
  }
  const width = Math.max(0, ...plan.values.map((row) => row.length));
  if (plan.values.length > 0 && width > 0) {
    const all = sheet.getRange(`A1:${a1(plan.values.length - 1, width - 1)}`);
    all.values = plan.values.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ""));
    all.format.font.name = PLAN_FONT.name;
    all.format.font.size = PLAN_FONT.size;
  }
  // Merged after the values, so each merge only ever covers one non-empty cell.
  for (const merge of plan.merges) sheet.getRange(merge).merge(false);
  for (const s of styled) applyLook(sheet.getRange(s.range), s.box, s.spec);

  plan.columnWidths.forEach((chars, col) => {
    const letter = columnLetters(col);
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = charsToPoints(chars);
  });
  if (plan.freezeRows > 0) sheet.freezePanes.freezeRows(plan.freezeRows);
  plan.rowHeights?.forEach((height, r) => {
    if (height !== null) sheet.getRange(`${r + 1}:${r + 1}`).format.rowHeight = height;
  });
  if (pageLayout) {
    // plan.print only admits A4 landscape, one page wide; 0 pages tall means "as many as needed".
    sheet.pageLayout.orientation = "Landscape";
    sheet.pageLayout.paperSize = "A4";
    sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: plan.print.fitToHeight ?? 0 };
    // Margins in points (72 to the inch).
    sheet.pageLayout.leftMargin = PRINT_MARGINS.left * 72;
    sheet.pageLayout.rightMargin = PRINT_MARGINS.right * 72;
    sheet.pageLayout.topMargin = PRINT_MARGINS.top * 72;
    sheet.pageLayout.bottomMargin = PRINT_MARGINS.bottom * 72;
    sheet.pageLayout.headerMargin = PRINT_MARGINS.header * 72;
    sheet.pageLayout.footerMargin = PRINT_MARGINS.footer * 72;
    const { titleRows, footer } = plan.print;
    if (titleRows) sheet.pageLayout.setPrintTitleRows(`$${titleRows[0]}:$${titleRows[1]}`);
    if (footer) {
      const { left, right } = footerCode(footer);
      sheet.pageLayout.headersFooters.defaultForAllPages.leftFooter = left;
      sheet.pageLayout.headersFooters.defaultForAllPages.rightFooter = right;
    }
  }
  return sheet;
}

// The string forms: the Excel enum object exists only inside Office.
const CHART_TYPES: Record<ChartSpec["type"], Parameters<Excel.ChartCollection["add"]>[0]> = { pie: "Pie", bar: "ColumnClustered" };

/** Queues a chart's sheet — its data as a plan, then the chart over the data (ExcelApi 1.1). */
function queueChart(sheets: Excel.WorksheetCollection, spec: ChartSpec, name: string, pageLayout: boolean): Excel.Worksheet {
  const { plan, source, anchor } = chartSheet(spec, name);
  const sheet = queueSheet(sheets, plan, pageLayout);
  const chart = sheet.charts.add(CHART_TYPES[spec.type], sheet.getRange(source), "Columns");
  chart.title.text = spec.title;
  // A pie reads by its legend and shares; bars by their axis and amounts.
  chart.legend.visible = spec.type === "pie";
  if (spec.type === "pie") chart.dataLabels.showPercentage = true;
  else chart.dataLabels.showValue = true;
  chart.setPosition(anchor);
  return sheet;
}

// ---- the stamp, kept in a custom XML part ----

/** Queues loading the ids of a namespace's parts, so they can be read or deleted after the next sync. */
function loadParts(context: Excel.RequestContext, namespace: string): Excel.CustomXmlPartScopedCollection {
  return context.workbook.customXmlParts.getByNamespace(namespace).load("items/id");
}

const loadStampParts = (context: Excel.RequestContext) => loadParts(context, STAMP_NAMESPACE);

/** Queues replacing the (loaded) old stamp parts with one holding `stamp`. */
function queueStamp(context: Excel.RequestContext, old: Excel.CustomXmlPartScopedCollection, stamp: PackStamp): void {
  for (const part of old.items) part.delete();
  context.workbook.customXmlParts.add(stampToXml(stamp));
}

// ---- marks: the original fills of marked cells, kept in a custom XML part ----

/** A cell's fill as getCellProperties reports it; pattern "None" is no fill at all. */
type Fill = Excel.CellPropertiesFill;

export interface MarkedCell {
  sheet: string;
  cell: string;
  /** The fill before the first mark. */
  fill: Fill;
}

const FILL_TEXT = ["color", "pattern", "patternColor"] as const;
const FILL_NUMBERS = ["tintAndShade", "patternTintAndShade"] as const;
const FILL_LOAD = { color: true, pattern: true, patternColor: true, tintAndShade: true, patternTintAndShade: true };

const cellKey = (c: CellRef) => `${c.sheet}!${c.cell}`;

export function marksToXml(cells: MarkedCell[]): string {
  const items = cells.map(({ sheet, cell, fill }) => {
    const attrs = [`sheet="${escapeAttribute(sheet)}"`, `cell="${cell}"`];
    for (const k of [...FILL_TEXT, ...FILL_NUMBERS]) if (fill[k] !== undefined) attrs.push(`${k}="${escapeAttribute(String(fill[k]))}"`);
    return `<cell ${attrs.join(" ")}/>`;
  });
  return `<marks xmlns="${MARKS_NAMESPACE}">${items.join("")}</marks>`;
}

/** The marked cells in `xml`; an entry without a sheet, a cell or a pattern is skipped. */
export function marksFromXml(xml: string): MarkedCell[] {
  return elements(xml, "cell").flatMap((attrs) => {
    const sheet = attrs.get("sheet");
    const cell = attrs.get("cell");
    if (!sheet || !cell || !/^[A-Z]+\d+$/.test(cell) || !attrs.has("pattern")) return [];
    const fill: Fill = {};
    for (const k of FILL_TEXT) if (attrs.has(k)) Object.assign(fill, { [k]: attrs.get(k) });
    for (const k of FILL_NUMBERS) {
      const v = attrs.get(k);
      if (v && Number.isFinite(Number(v))) fill[k] = Number(v);
    }
    return [{ sheet, cell, fill }];
  });
}

/**
 * The marked cells recorded in `parts` (loaded), by cell — one more sync unless there is nothing to read or
 * `known` is what this port itself last wrote there. Several parts (left by a failure) merge, the first wins.
 */
async function readMarks(
  context: Excel.RequestContext,
  parts: Excel.CustomXmlPart[],
  known: { id: string; cells: Map<string, MarkedCell> } | null,
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

// ---- errors ----

const EDIT_MODE = "Excel 正处于单元格编辑状态，请按 Enter 或 Esc 后重试。";

const OFFICE_MESSAGES: Record<string, string> = {
  InvalidOperationInCellEditMode: EDIT_MODE,
  ItemAlreadyExists: "工作簿中已有同名的工作表，请刷新后重试。",
  ItemNotFound: "找不到要操作的工作表或单元格，它可能已被删除或改名。",
  InvalidArgument: "Excel 拒绝了写入的内容（参数无效），未能完成操作。",
  AccessDenied: "工作簿或工作表受保护，无法修改。请撤销保护后重试。",
  GeneralException: "Excel 处理请求时出错，请稍后重试；若反复出现，请保存并重新打开工作簿。",
};

/**
 * Office errors (OfficeExtension.Error: a string `code` plus an English message) become Chinese ones,
 * with the original kept as `cause`; anything else (e.g. SheetExistsError) passes through unchanged.
 * `notFound` names what was missing when the code is ItemNotFound.
 */
export function toUserError(error: unknown, notFound?: string): unknown {
  if (typeof error !== "object" || error === null) return error;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code !== "string") return error;
  // Older hosts report edit mode under a generic code; only the message tells.
  const editMode = code === "InvalidOperationInCellEditMode" || /edit mode/i.test(String(message));
  const text = editMode
    ? EDIT_MODE
    : ((code === "ItemNotFound" ? notFound : undefined) ??
      OFFICE_MESSAGES[code] ??
      `Excel 操作失败（${code}）：${String(message)}`);
  return new Error(text, { cause: error });
}

/**
 * Runs a batch, translating Office errors. No retry: an edit-mode failure only clears once the user
 * leaves the cell, so repeating the batch would just fail again.
 */
async function runBatch<T>(
  run: ExcelRun,
  batch: (context: Excel.RequestContext) => Promise<T>,
  options: { notFound?: string; context?: OfficeExtension.ClientRequestContext } = {},
): Promise<T> {
  try {
    return await run(batch, options.context);
  } catch (error) {
    throw toUserError(error, options.notFound);
  }
}

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

const defaultRun: ExcelRun = (batch, context) => (context ? Excel.run(context, batch) : Excel.run(batch));
const defaultApiCheck: ExcelApiCheck = (version) => Office.context.requirements.isSetSupported("ExcelApi", version);

export function createExcelPort(
  run: ExcelRun = defaultRun,
  hasExcelApi: ExcelApiCheck = defaultApiCheck,
): WorkbookPort {
  /** The marks record this port last wrote, so marking again need not read it back. */
  let known: { id: string; cells: Map<string, MarkedCell> } | null = null;
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

    metadata: {
      /** Two syncs (one when there is no stamp): the parts' ids, then their XML — getXml needs a loaded part. */
      get: () =>
        runBatch(run, async (context) => {
          const parts = loadStampParts(context);
          await context.sync();
          if (parts.items.length === 0) return null;
          const xmls = parts.items.map((part) => part.getXml());
          await context.sync();
          // Normally there is one part; if several survived, the last readable one wins.
          for (const xml of xmls.reverse()) {
            const found = stampFromXml(xml.value);
            if (found) return found;
          }
          return null;
        }),

      /** Two syncs: the old parts' ids, then delete them and add the new one. */
      set: (stamp) =>
        runBatch(run, async (context) => {
          const old = loadStampParts(context);
          await context.sync();
          queueStamp(context, old, stamp);
          await context.sync();
        }),
    },

    explanations: {
      /** Two syncs (one when there are none): the parts' ids, then their XML. */
      get: () =>
        runBatch(run, async (context) => {
          const parts = loadParts(context, EXPLANATIONS_NAMESPACE);
          await context.sync();
          if (parts.items.length === 0) return [];
          const xmls = parts.items.map((part) => part.getXml());
          await context.sync();
          return xmls.flatMap((xml) => explanationsFromXml(xml.value));
        }),

      /** Two syncs: the old parts' ids, then delete them and add one with the list (none for an empty list). */
      set: (list) =>
        runBatch(run, async (context) => {
          const old = loadParts(context, EXPLANATIONS_NAMESPACE);
          await context.sync();
          for (const part of old.items) part.delete();
          if (list.length) context.workbook.customXmlParts.add(explanationsToXml(list));
          await context.sync();
        }),
    },
  };
}
