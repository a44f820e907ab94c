/**
 * The only way the task pane reaches a workbook. Excel (src/excel) and the in-memory preview host
 * (src/preview) implement it; each method costs one round-trip (one context.sync()) unless it says so.
 */
import type { Explanation } from "./explanations";
import type { CellRef, Finding } from "./finding";
import type { SheetGrid } from "./grid";
import type { SheetPlan } from "./render/plan";

/** What the workbook remembers about the tables inserted into it (stamp.ts keeps it in the workbook). */
export interface PackStamp {
  pack: string;
  version: string;
  department: string;
  /** The budget year. */
  year: number;
  /** The pack's own year, publisher and content hash (packs/versions.ts); absent in stamps of before they had them. */
  packYear?: number;
  publisher?: string;
  hash?: string;
  /**
   * The pack itself, as JSON, where it is no built-in one (a bureau's file loaded in the pane): the workbook is then
   * checked and exported with it wherever it is opened (domain/packs/stored.ts).
   */
  data?: string;
}

/** A chart to insert, on a new sheet of its own beside its data (万元). */
export interface ChartSpec {
  /** The sheet to create; a free variant ("… (2)") when the name is taken. */
  sheet: string;
  title: string;
  type: "pie" | "bar";
  categories: string[];
  /** One per category. */
  values: number[];
}

/** A value to put into one cell. */
export interface CellWrite extends CellRef {
  value: string | number;
}

export interface WorkbookPort {
  /** Names of the existing sheets — one sync. */
  sheetNames(): Promise<string[]>;
  /** The used range of the named sheets — one sync; of every sheet — two (the sheets must be listed first). */
  readGrids(sheets?: string[]): Promise<SheetGrid[]>;
  /**
   * Create the planned sheets, write and format them, and stamp the workbook — two syncs at most:
   * one to learn the existing sheet names, one to write everything. Never overwrites: a planned name
   * that is taken makes the call fail with SheetExistsError before anything is written.
   */
  apply(plans: SheetPlan[], stamp?: PackStamp): Promise<void>;
  /**
   * Activate the sheet and select the cell — one sync. `related` (a finding's other places) are shown too
   * where the host can: in Excel as a multi-area selection when they are on the same sheet.
   */
  select(ref: CellRef, related?: CellRef[]): Promise<void>;
  /**
   * Show the findings on their cells: a fill by severity (render/marks.ts) and a note naming them, where
   * the host has notes. Remembers each cell's fill as it was before the first mark, in the workbook, so a
   * second call adds to the marks without losing the originals — two syncs (three when marks of a closed pane
   * must be merged): read the fills, then write.
   */
  mark(findings: Finding[]): Promise<void>;
  /** Put back exactly what mark() changed — the fills, and only the notes it added — two syncs (four at most). */
  clearMarks(): Promise<void>;
  /**
   * Each chart on a new sheet holding its data — two syncs: the sheet names, then the writes. Never
   * overwrites: a taken name gets a free variant. Resolves to the names of the sheets created, in order.
   */
  insertCharts(specs: ChartSpec[]): Promise<string[]>;
  /** Write values into cells that are empty (e.g. the catalogue name beside a typed code) — two syncs: read, write. */
  fillEmptyCells(writes: CellWrite[]): Promise<void>;
  /** Call `handler` after the user edits a cell; resolves to a function that stops listening. */
  onEdit(handler: (ref: CellRef) => void): Promise<() => Promise<void>>;
  metadata: {
    get(): Promise<PackStamp | null>;
    set(stamp: PackStamp): Promise<void>;
  };
  /** The explained findings kept in the workbook (explanations.ts) — two syncs each (one to get when there are none). */
  explanations: {
    get(): Promise<Explanation[]>;
    set(list: Explanation[]): Promise<void>;
  };
}

/** Thrown by apply() when a planned sheet name is taken; nothing has been written. */
export class SheetExistsError extends Error {
  constructor(readonly names: string[]) {
    super(`工作表已存在，未做任何修改：${names.join("、")}`);
    this.name = "SheetExistsError";
  }
}
