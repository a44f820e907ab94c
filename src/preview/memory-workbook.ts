/**
 * A workbook in memory that behaves like the Excel adapter behind the same WorkbookPort, so the task
 * pane runs in a plain browser. The grid view subscribes to it; its edits raise the same edit events.
 */
import { a1, parseA1, parseRange, type CellValue, type RangePos, type SheetGrid } from "../domain/grid";
import type { Finding } from "../domain/finding";
import type { CellRef } from "../domain/finding";
import type { Explanation } from "../domain/explanations";
import { SheetExistsError, type CellWrite, type ChartSpec, type PackStamp, type WorkbookPort } from "../domain/port";
import { chartSheet } from "../domain/render/chart-sheet";
import { MARK_FILLS, markTargets } from "../domain/render/marks";
import { cellSpecs, type SheetPlan, type StyleSpec } from "../domain/render/plan";
import { freeSheetName, isNameTaken } from "../domain/render/sheet-names";

export interface MemorySheet {
  name: string;
  cells: CellValue[][];
  merges: RangePos[];
  /** Resolved format per cell, keyed "row,col". */
  formats: Map<string, StyleSpec>;
  /** Fill colour per cell ("#RRGGBB"), keyed "row,col"; absent = no fill. */
  fills: Map<string, string>;
  /** Note text per cell, keyed "row,col". */
  notes: Map<string, string>;
  columnWidths: number[];
  freezeRows: number;
}

export interface Selection {
  sheet: string;
  row: number;
  col: number;
}

/** What mark() changed on one cell, to be put back by clearMarks(). */
interface Marked {
  sheet: MemorySheet;
  key: string;
  /** The fill before the first mark; undefined = none. */
  fill: string | undefined;
  /** Whether the note is the one mark() added (a note the user wrote is left alone). */
  addedNote: boolean;
}

type Listener = () => void;
type EditHandler = (ref: CellRef) => void;

export class MemoryWorkbook implements WorkbookPort {
  sheets: MemorySheet[] = [];
  activeSheet: string | null = null;
  selection: Selection | null = null;
  /** Cells shown beside the selection: the related places of the finding last selected. */
  related: CellRef[] = [];
  /** Charts inserted, with the sheet holding each; the preview lists them rather than drawing them. */
  charts: (ChartSpec & { on: string })[] = [];
  /** Round-trips the task pane would have cost in Excel: each port call counts the syncs the Excel adapter makes. */
  syncs = 0;
  private stamp: PackStamp | null = null;
  private listeners = new Set<Listener>();
  private editHandlers = new Set<EditHandler>();
  /** Marked cells by "sheet!cell": the originals live here, as the Excel adapter keeps them in the workbook. */
  private marks = new Map<string, Marked>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.listeners.forEach((l) => l());
  }

  sheet(name: string): MemorySheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  async sheetNames(): Promise<string[]> {
    this.syncs++;
    return this.sheets.map((s) => s.name);
  }

  async readGrids(names?: string[]): Promise<SheetGrid[]> {
    this.syncs += names ? 1 : 2;
    return this.sheets.filter((s) => !names || names.some((n) => n.toLowerCase() === s.name.toLowerCase())).map((s) => ({ name: s.name, top: 0, left: 0, values: s.cells.map((r) => [...r]) }));
  }

  async apply(plans: SheetPlan[], stamp?: PackStamp): Promise<void> {
    const twice = plans.find((p, i) => isNameTaken(p.name, plans.slice(0, i).map((q) => q.name)));
    if (twice) throw new Error(`要插入的表中有重名的工作表：${twice.name}`);
    this.syncs++;
    const existing = this.sheets.map((s) => s.name);
    const taken = plans.map((p) => p.name).filter((n) => isNameTaken(n, existing));
    if (taken.length) throw new SheetExistsError(taken);
    this.syncs++;
    for (const plan of plans) this.sheets.push(sheetFromPlan(plan));
    if (plans.length) this.activeSheet = plans[0].name;
    if (stamp) this.stamp = { ...stamp };
    this.changed();
  }

  /** Two syncs, as in Excel: the sheet names, then the writes. */
  async insertCharts(specs: ChartSpec[]): Promise<string[]> {
    if (specs.length === 0) return [];
    this.syncs += 2;
    const names: string[] = [];
    for (const spec of specs) {
      const name = freeSheetName(spec.sheet, this.sheets.map((s) => s.name));
      this.sheets.push(sheetFromPlan(chartSheet(spec, name).plan));
      this.charts.push({ ...spec, on: name });
      names.push(name);
    }
    this.activeSheet = names[0];
    this.changed();
    return names;
  }

  async fillEmptyCells(writes: CellWrite[]): Promise<void> {
    this.syncs += 2;
    for (const w of writes) {
      const sheet = this.sheet(w.sheet);
      if (!sheet) continue;
      const { row, col } = parseA1(w.cell);
      const current = sheet.cells[row]?.[col];
      if (current === null || current === undefined || current === "") setCell(sheet, row, col, w.value);
    }
    this.changed();
  }

  async onEdit(handler: EditHandler): Promise<() => Promise<void>> {
    this.editHandlers.add(handler);
    return async () => {
      this.editHandlers.delete(handler);
    };
  }

  async select(ref: CellRef, related: CellRef[] = []): Promise<void> {
    this.syncs++;
    const sheet = this.sheet(ref.sheet);
    if (!sheet) throw new Error(`找不到工作表“${ref.sheet}”`);
    const { row, col } = parseA1(ref.cell);
    this.activeSheet = sheet.name;
    this.selection = { sheet: sheet.name, row, col };
    this.related = related.map((r) => ({ sheet: this.sheet(r.sheet)?.name ?? r.sheet, cell: r.cell }));
    this.changed();
  }

  /** Two syncs, as in Excel: read the cells, then write. */
  async mark(findings: Finding[]): Promise<void> {
    const targets = markTargets(findings);
    if (targets.length === 0) return;
    this.syncs += 2;
    const cells = targets.map((t) => {
      const sheet = this.sheet(t.sheet);
      if (!sheet) throw new Error(`找不到工作表“${t.sheet}”，它可能已被删除或改名。请重新校验后再标记。`);
      const { row, col } = parseA1(t.cell);
      return { target: t, sheet, key: `${row},${col}` };
    });
    for (const { target, sheet, key } of cells) {
      const id = `${sheet.name}!${target.cell}`;
      const earlier = this.marks.get(id);
      const addedNote = earlier?.addedNote ?? !sheet.notes.has(key);
      this.marks.set(id, earlier ?? { sheet, key, fill: sheet.fills.get(key), addedNote });
      sheet.fills.set(key, MARK_FILLS[target.severity]);
      if (addedNote) sheet.notes.set(key, target.note);
    }
    this.changed();
  }

  /** Two syncs, as in Excel (one when nothing is marked). */
  async clearMarks(): Promise<void> {
    this.syncs += this.marks.size > 0 ? 2 : 1;
    for (const { sheet, key, fill, addedNote } of this.marks.values()) {
      if (fill === undefined) sheet.fills.delete(key);
      else sheet.fills.set(key, fill);
      if (addedNote) sheet.notes.delete(key);
    }
    this.marks.clear();
    this.changed();
  }

  metadata = {
    get: async (): Promise<PackStamp | null> => {
      this.syncs += this.stamp ? 2 : 1;
      return this.stamp ? { ...this.stamp } : null;
    },
    set: async (stamp: PackStamp): Promise<void> => {
      this.syncs += 2;
      this.stamp = { ...stamp };
    },
  };

  private explained: Explanation[] = [];
  explanations = {
    get: async (): Promise<Explanation[]> => {
      this.syncs += this.explained.length ? 2 : 1;
      return this.explained.map((e) => ({ ...e }));
    },
    set: async (list: Explanation[]): Promise<void> => {
      this.syncs += 2;
      this.explained = list.map((e) => ({ ...e }));
    },
  };

  /** The user typing into a cell in the grid view. */
  edit(sheetName: string, row: number, col: number, value: CellValue): void {
    const sheet = this.sheet(sheetName);
    if (!sheet) return;
    setCell(sheet, row, col, value);
    this.changed();
    const ref = { sheet: sheet.name, cell: a1(row, col) };
    this.editHandlers.forEach((h) => h(ref));
  }

  /** The user clicking a cell or a sheet tab. */
  focus(sheetName: string, row?: number, col?: number): void {
    this.activeSheet = sheetName;
    this.selection = row === undefined || col === undefined ? null : { sheet: sheetName, row, col };
    this.related = [];
    this.changed();
  }

  /** Start over with an empty workbook (the preview's 新建 button). */
  clear(): void {
    this.sheets = [];
    this.activeSheet = null;
    this.selection = null;
    this.related = [];
    this.stamp = null;
    this.charts = [];
    this.marks.clear();
    this.changed();
  }
}

function setCell(sheet: MemorySheet, row: number, col: number, value: CellValue): void {
  while (sheet.cells.length <= row) sheet.cells.push([]);
  const r = sheet.cells[row];
  while (r.length <= col) r.push(null);
  r[col] = value;
}

function sheetFromPlan(plan: SheetPlan): MemorySheet {
  return {
    name: plan.name,
    cells: plan.values.map((r) => [...r]),
    merges: plan.merges.map(parseRange),
    formats: cellSpecs(plan),
    fills: new Map(),
    notes: new Map(),
    columnWidths: [...plan.columnWidths],
    freezeRows: plan.freezeRows,
  };
}
