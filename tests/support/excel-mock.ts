/**
 * Excel for tests and the benchmark: a workbook built from office-addin-mock objects that counts
 * context.sync() calls and records what the adapter did to every range.
 */
import { OfficeMockObject } from "office-addin-mock";
import { a1, a1Range, parseRange, type CellValue, type RangePos } from "../../src/domain/grid";
import type { ExcelRun } from "../../src/excel/run";

interface UsedRange {
  top: number;
  left: number;
  values: CellValue[][];
  /** Values far from the others (0-based), which make the used range reach them; its values are then never given. */
  far?: { row: number; col: number; value: CellValue }[];
}

/** A sheet's non-empty cells, 0-based. */
function cellsOf(used: UsedRange): { row: number; col: number; value: CellValue }[] {
  const dense = used.values.flatMap((row, r) =>
    row.flatMap((value, c) => (value === null || value === "" ? [] : [{ row: used.top + r, col: used.left + c, value }])),
  );
  return [...dense, ...(used.far ?? [])];
}

/** The values of `box` on a sheet: "" where empty, as Excel gives them. */
function valuesIn(used: UsedRange | undefined, box: RangePos): CellValue[][] {
  const values = Array.from({ length: box.bottom - box.top + 1 }, () => new Array<CellValue>(box.right - box.left + 1).fill(""));
  for (const { row, col, value } of used ? cellsOf(used) : [])
    if (row >= box.top && row <= box.bottom && col >= box.left && col <= box.right) values[row - box.top][col - box.left] = value;
  return values;
}

/** The smallest rectangle holding the cells, or null. */
function boundsOf(cells: { row: number; col: number }[]): RangePos | null {
  if (cells.length === 0) return null;
  const rows = cells.map((c) => c.row);
  const cols = cells.map((c) => c.col);
  return { top: Math.min(...rows), left: Math.min(...cols), bottom: Math.max(...rows), right: Math.max(...cols) };
}

/** One getRange() call and everything the adapter did to that range. */
export interface Touched {
  sheet: string;
  address: string;
  range: OfficeMockObject;
  borders: Map<string, { style?: string; weight?: string }>;
  merged?: boolean;
  selected?: boolean;
}

/** A cell's fill as getCellProperties reports it. */
export type Fill = Excel.CellPropertiesFill;

/** What Excel reports for a cell without any fill. */
export const NO_FILL: Fill = { color: "#FFFFFF", pattern: "None", patternColor: "#000000", tintAndShade: 0, patternTintAndShade: 0 };

interface Part {
  id: string;
  namespace: string;
  xml: string;
  deleted: boolean;
}

/** One worksheet.charts.add() call and what the adapter set on the chart. */
export interface AddedChart {
  sheet: string;
  type: string;
  /** The address of the source range. */
  source: string;
  seriesBy: string;
  chart: OfficeMockObject;
  position?: string;
}

type Data = Record<string, unknown>;

/**
 * A workbook built from OfficeMockObjects: unloaded properties read as the mock's error string until
 * load() + context.sync(), and every method the adapter calls records what it did.
 */
export class MockWorkbook {
  syncs = 0;
  added: string[] = [];
  touched: Touched[] = [];
  worksheetLoads: unknown[] = [];
  usedRangeArgs: unknown[] = [];
  activated: string[] = [];
  frozen: Record<string, number> = {};
  pageLayouts: Record<string, OfficeMockObject> = {};
  /** The rows printed on every page, by sheet (ExcelApi 1.9 setPrintTitleRows). */
  printTitles: Record<string, string> = {};
  parts: Part[] = [];
  usedRanges: OfficeMockObject[] = [];
  /** Cell contents as Excel's `formulas` reports them, keyed "Sheet!A1"; absent = empty. */
  formulas: Record<string, string | number> = {};
  /** Cell fills, keyed "Sheet!A1"; absent = no fill (NO_FILL). */
  fills: Record<string, Fill> = {};
  /** Cell notes (ExcelApi 1.18), keyed "Sheet!A1". */
  notes: Record<string, string> = {};
  /** Multi-area selections (worksheet.getRanges(...).select()), as "Sheet!A1, C5". */
  areasSelected: string[] = [];
  changeHandlers: ((event: Partial<Excel.WorksheetChangedEventArgs>) => Promise<void>)[] = [];
  removedHandlers = 0;
  charts: AddedChart[] = [];
  /** The context each run() was asked to resume, if any. */
  resumed: unknown[] = [];
  /** Thrown by the next sync, as Excel reports a failed batch. */
  failNextSync: object | null = null;
  readonly context: OfficeMockObject;
  private readonly live: OfficeMockObject[] = [];
  /** Property writes the adapter queued, applied at the next sync. */
  private readonly onSync: (() => void)[] = [];
  private readonly sheets: OfficeMockObject[] = [];
  private nextPartId = 1;

  constructor(existing: { name: string; used?: UsedRange; visibility?: "Visible" | "Hidden" | "VeryHidden" }[] = []) {
    existing.forEach((s, i) => this.sheets.push(this.sheet(s.name, s.used, `id-${i + 1}`, s.visibility)));
    const book = this;
    this.context = this.mock({
      workbook: {
        worksheets: {
          items: this.sheets,
          // "items/name" is a collection path the mock cannot navigate; load the array and each name instead.
          load(this: OfficeMockObject, what: unknown) {
            book.worksheetLoads.push(what);
            OfficeMockObject.prototype.load.call(this, "items");
            for (const s of book.sheets) s.load("name");
            return this;
          },
          add: (name: string) => {
            book.added.push(name);
            const sheet = book.sheet(name);
            book.sheets.push(sheet);
            return sheet;
          },
          getItem: (key: string) => {
            const sheet = book.find(key);
            if (sheet) return sheet;
            book.failNextSync = { code: "ItemNotFound", message: "The requested resource doesn't exist." };
            return book.sheet(key);
          },
          getItemOrNullObject: (key: string) => {
            const sheet = book.find(key);
            if (sheet) return sheet;
            const nothing = () => ({ isNullObject: true, load: () => ({ isNullObject: true }) });
            const none = book.mock({ name: "", visibility: "Visible", getUsedRangeOrNullObject: nothing, getRange: () => ({ getUsedRangeOrNullObject: nothing }) });
            none.isNullObject = true;
            return none;
          },
          onChanged: {
            add: (handler: (event: Partial<Excel.WorksheetChangedEventArgs>) => Promise<void>) => {
              book.changeHandlers.push(handler);
              return { context: book.context, remove: () => book.removedHandlers++ };
            },
          },
        },
        customXmlParts: {
          add: (xml: string) => {
            const namespace = /xmlns="([^"]*)"/.exec(xml)?.[1] ?? "";
            const part = { id: `{${book.nextPartId++}}`, namespace, xml, deleted: false };
            book.parts.push(part);
            return book.partMock(part);
          },
          getByNamespace: (namespace: string) => book.partCollection(namespace),
        },
        notes: {
          // The adapter reads the collection load() returns: the notes as they are at that moment.
          load: (what: unknown) => {
            if (what !== "items/content") throw new Error(`unexpected load of notes: ${String(what)}`);
            const notes = Object.keys(book.notes).map((key) =>
              book.mock({ content: book.notes[key], delete: () => delete book.notes[key] }).load("content"),
            );
            return book.mock({ items: notes }).load("items");
          },
        },
      },
      sync: async () => {
        book.syncs++;
        const failure = book.failNextSync;
        book.failNextSync = null;
        if (failure) throw failure;
        book.onSync.forEach((write) => write());
        for (const m of book.live) await OfficeMockObject.prototype.sync.call(m);
        // The mock finishes some property updates in later microtasks.
        await new Promise((resolve) => setImmediate(resolve));
      },
    });
  }

  readonly run: ExcelRun = (batch, context) => {
    this.resumed.push(context);
    return batch(this.context as unknown as Excel.RequestContext);
  };

  /** Excel raising worksheets.onChanged. */
  async change(event: Partial<Excel.WorksheetChangedEventArgs>): Promise<void> {
    for (const handler of this.changeHandlers) await handler({ changeType: "RangeEdited", source: "Local", ...event });
  }

  liveParts(): Part[] {
    return this.parts.filter((p) => !p.deleted);
  }

  /** Ranges of `sheet` in the order the adapter asked for them. */
  ranges(sheet: string): Touched[] {
    return this.touched.filter((t) => t.sheet === sheet);
  }

  range(sheet: string, address: string, has: (t: Touched) => boolean = () => true): Touched {
    const found = this.ranges(sheet).find((t) => t.address === address && has(t));
    if (!found) throw new Error(`no range ${sheet}!${address}`);
    return found;
  }

  private find(nameOrId: string): OfficeMockObject | undefined {
    return this.sheets.find((s) => s.__name === nameOrId || s.__id === nameOrId);
  }

  private mock(data: Data): OfficeMockObject {
    const m = new OfficeMockObject(data);
    this.live.push(m);
    return m;
  }

  private sheet(name: string, used?: UsedRange, id = `id-${name}`, visibility = "Visible"): OfficeMockObject {
    const pageLayout = this.mock({
      setPrintTitleRows: (rows: string) => (this.printTitles[name] = rows),
      headersFooters: { defaultForAllPages: {} },
    });
    this.pageLayouts[name] = pageLayout;
    const sheet = this.mock({
      name,
      visibility,
      activate: () => this.activated.push(name),
      getRange: (address: string) => this.rangeMock(name, address, used),
      getUsedRangeOrNullObject: (valuesOnly?: boolean) => {
        this.usedRangeArgs.push(valuesOnly);
        const box = used && boundsOf(cellsOf(used));
        const far = used?.far ?? [];
        const range = this.mock({
          // Never asked for when far cells make it huge: reading it would then fail the test.
          values: far.length ? undefined : (used?.values ?? []),
          rowIndex: used?.top ?? 0,
          columnIndex: used?.left ?? 0,
          rowCount: box ? box.bottom - (used?.top ?? 0) + 1 : 0,
          columnCount: box ? box.right - (used?.left ?? 0) + 1 : 0,
          address: "",
          formulas: [],
          // The areas holding constants: the dense values' rectangle and each far cell (no formulas here).
          getSpecialCellsOrNullObject: (type: string) => {
            const dense = used && boundsOf(cellsOf({ ...used, far: [] }));
            const areas = [...(dense ? [a1Range(dense.top, dense.left, dense.bottom, dense.right)] : []), ...far.map((c) => a1(c.row, c.col))];
            const found = this.mock({ address: areas.map((a) => `'${name}'!${a}`).join(",") });
            found.isNullObject = type !== "Constants" || areas.length === 0;
            return found;
          },
        });
        // Real null objects answer isNullObject after a sync without a load.
        range.isNullObject = box === null || box === undefined;
        this.usedRanges.push(range);
        return range;
      },
      getRanges: (address: string) => this.mock({ select: () => this.areasSelected.push(`${name}!${address}`) }),
      freezePanes: { freezeRows: (n: number) => (this.frozen[name] = n) },
      charts: {
        add: (type: string, source: OfficeMockObject, seriesBy: string) => {
          const added: AddedChart = {
            sheet: name,
            type,
            source: this.touched.find((t) => t.range === source)?.address ?? "?",
            seriesBy,
            chart: this.mock({ title: {}, legend: {}, dataLabels: {}, setPosition: (start: string) => (added.position = start) }),
          };
          this.charts.push(added);
          return added.chart;
        },
      },
      notes: {
        add: (address: string, content: string) => (this.notes[`${name}!${address}`] = content),
        getItemOrNullObject: (address: string) => {
          const key = `${name}!${address}`;
          let written = this.notes[key] ?? "";
          const note = this.mock({ content: written });
          // Real null objects answer isNullObject after a sync without a load.
          note.isNullObject = !(key in this.notes);
          // Setting content is a write: it reaches the workbook at the next sync.
          this.onSync.push(() => {
            const now: unknown = note.content;
            if (note.isNullObject || typeof now !== "string" || now === written || now.startsWith("Error,")) return;
            this.notes[key] = written = now;
          });
          return note;
        },
      },
    });
    sheet.pageLayout = pageLayout;
    // The test's own handles, readable without a load.
    sheet.__name = name;
    sheet.__id = id;
    return sheet;
  }

  private rangeMock(sheet: string, address: string, used?: UsedRange): OfficeMockObject {
    const touched: Touched = { sheet, address, range: undefined as unknown as OfficeMockObject, borders: new Map() };
    const key = `${sheet}!${address}`;
    touched.range = this.mock({
      format: {
        font: {},
        fill: { clear: () => delete this.fills[key] },
        borders: {
          getItem: (edge: string) => {
            const border = {};
            touched.borders.set(edge, border);
            return border;
          },
        },
      },
      formulas: [[this.formulas[`${sheet}!${address}`] ?? ""]],
      merge: (across: boolean) => (touched.merged = across),
      // On a sheet with content: its values, and its used part (valuesOnly), as the adapter reads them.
      ...(used && /^[A-Z]+\d+(:[A-Z]+\d+)?$/.test(address) ? { values: valuesIn(used, parseRange(address)) } : {}),
      getUsedRangeOrNullObject: () => {
        const box = parseRange(address);
        const inside = used ? cellsOf(used).filter((c) => c.row <= box.bottom && c.col <= box.right && c.row >= box.top && c.col >= box.left) : [];
        const found = boundsOf(inside);
        const window = this.mock({ values: found ? valuesIn(used, found) : [], rowIndex: found?.top ?? 0, columnIndex: found?.left ?? 0 });
        window.isNullObject = found === null;
        return window;
      },
      select: () => (touched.selected = true),
      // Single cells only, which is all the adapter asks for; a ClientResult, read after the next sync.
      getCellProperties: () => this.mock({ value: [[{ format: { fill: { ...(this.fills[key] ?? NO_FILL) } } }]] }).load("value"),
      setCellProperties: (cells: Excel.SettableCellProperties[][]) => {
        this.fills[key] = { ...(this.fills[key] ?? NO_FILL), ...cells[0][0].format?.fill };
      },
    });
    this.touched.push(touched);
    return touched.range;
  }

  private partMock(p: Part): OfficeMockObject {
    return this.mock({
      id: p.id,
      delete: () => (p.deleted = true),
      // A ClientResult: its value is there only after the next sync.
      getXml: () => this.mock({ value: p.xml }).load("value"),
    });
  }

  private partCollection(namespace: string): OfficeMockObject {
    const live = this.liveParts().filter((p) => p.namespace === namespace);
    const parts = live.map((p) => this.partMock(p));
    return this.mock({
      getOnlyItem: () => {
        if (live.length === 1) return this.partMock(live[0]);
        this.failNextSync = { code: "ItemNotFound", message: "The requested resource doesn't exist." };
        return this.partMock({ id: "", namespace, xml: "", deleted: false });
      },
      items: parts,
      load(this: OfficeMockObject, what: unknown) {
        if (what !== "items/id") throw new Error(`unexpected load of stamp parts: ${String(what)}`);
        OfficeMockObject.prototype.load.call(this, "items");
        for (const p of parts) p.load("id");
        return this;
      },
    });
  }
}
