/**
 * The 导出 flows: one read of the workbook, then the package built in the pane (charts drawn on a canvas, the
 * .xlsx by exceljs's browser build); the 情况说明 sheet; the chart sheets. Nothing leaves the machine. What builds the
 * package (docx, ECharts, exceljs: two thirds of the pane's code) is loaded when the first export starts.
 */
import type { Catalog } from "../domain/catalog/catalog";
import { budgetYearOf } from "../domain/read/basis";
import type { Finding } from "../domain/finding";
import { chartHasData, chartSpecs } from "../domain/export/charts";
import { exportRequest, prepare, type Prepared } from "../domain/export/prepare";
import { FORMS_SHEET, formsForProjects, renderForms } from "../domain/inputs/forms";
import { CONTENTS_SHEET, GLOSSARY_SHEET, renderNarrative } from "../domain/inputs/narrative";
import { renderInputSheets } from "../domain/inputs/sheets";
import type { Pack } from "../domain/packs";
import type { PackStamp, WorkbookPort } from "../domain/port";
import { readDisclosure } from "../domain/read/read";
import { freeSheetName, isNameTaken } from "../domain/render/sheet-names";
import { renderContents, renderGlossary } from "../domain/inputs/narrative";
import { contentsOf } from "../domain/narrative/contents";
import { workbookPackOf } from "./pack";

export interface ExportSetup {
  /** The workbook's stamp, if the tables were inserted by the add-in. */
  stamp: PackStamp | null;
  strict: boolean;
  draft: boolean;
  catalogFor: (year: number) => Catalog;
  /** The budget year the clerk gave, where the workbook states none; otherwise the workbook tells (read/basis.ts). */
  year?: number | null;
}

/** Reading, checking and loading the builder are the pane's steps; the package's own stages come named from buildPackage. */
export type ExportProgress = { step: "read" | "check" | "load" } | { step: "build"; stage: string; fraction: number };

export type ExportOutcome =
  | { status: "done"; fileName: string; zip: Uint8Array; files: string[]; draft: boolean; paged: boolean }
  | { status: "refused"; errors: Finding[] }
  | { status: "noTables" };

/** One read of the workbook, checked and with its narrative: what the flows below start from. */
async function readWorkbook(port: WorkbookPort, setup: Omit<ExportSetup, "draft">): Promise<{ pack: Pack; prepared: Prepared; sheets: string[] }> {
  const grids = await port.readGrids();
  const explanations = await port.explanations.get();
  const pack = await workbookPackOf(setup.stamp, grids);
  const prepared = prepare(pack, grids, { strict: setup.strict, catalogFor: setup.catalogFor, stamp: setup.stamp, year: setup.year, explanations });
  return { pack, prepared, sheets: grids.map((g) => g.name) };
}

export async function runExport(port: WorkbookPort, setup: ExportSetup, onProgress: (p: ExportProgress) => void): Promise<ExportOutcome> {
  onProgress({ step: "read" });
  const { pack, prepared } = await readWorkbook(port, setup);
  onProgress({ step: "check" });
  if (prepared.check.tablesFound.length === 0) return { status: "noTables" };
  const request = exportRequest(pack, prepared, { strict: setup.strict, draft: setup.draft, now: new Date() });
  onProgress({ step: "load" });
  const [{ buildPackage, ExportRefused }, { plansToXlsx }] = await Promise.all([import(/* webpackChunkName: "export" */ "../domain/export"), import(/* webpackChunkName: "xlsx" */ "../xlsx/write-plans")]);
  try {
    const built = await buildPackage(
      request,
      { rasterize, writeXlsx: plansToXlsx, progress: (stage, fraction) => onProgress({ step: "build", stage, fraction }) },
    );
    return { status: "done", ...built, draft: setup.draft };
  } catch (e) {
    if (e instanceof ExportRefused) return { status: "refused", errors: e.errors };
    throw e;
  }
}

export type NarrativeOutcome = { status: "written" | "exists"; sheets: string[] } | { status: "noTables" };

/**
 * Writes the generated 情况说明 on new sheets (as the pack lays it out) — a free name when the usual one is taken by
 * a sheet that is not one — or, when the workbook already has it, leaves it as the clerk edited it.
 */
export async function writeNarrative(port: WorkbookPort, setup: Omit<ExportSetup, "draft" | "strict">): Promise<NarrativeOutcome> {
  const { pack, prepared, sheets } = await readWorkbook(port, { ...setup, strict: false });
  const edited = prepared.inputs.narrative;
  if (edited) return { status: "exists", sheets: [...new Set(edited.flatMap((s) => (s.ref ? [s.ref.sheet] : [])))] };
  if (prepared.check.tablesFound.length === 0) return { status: "noTables" };
  const taken = [...sheets];
  const plans = renderNarrative(pack, prepared.narrative, prepared.check.year).map((plan) => {
    const name = freeSheetName(plan.name, taken);
    taken.push(name);
    return { ...plan, name };
  });
  await port.apply(plans);
  return { status: "written", sheets: plans.map((p) => p.name) };
}

/** The sheets insertInputSheets may write for a pack, as the 模板 pane names them. */
export interface InputSheetNames {
  /** The pack's input sheets. */
  inputs: string[];
  /** The number of the table whose projects get a 绩效目标表 each, when the pack's document has forms. */
  formsTable: number | null;
  /** Every sheet in the order written: the input sheets, the 绩效目标表 (when the pack has forms), 名词解释, 目录. */
  all: string[];
}

export function inputSheetNames(pack: Pack): InputSheetNames {
  const inputs = pack.inputs.map((i) => i.sheetName);
  const formsTable = pack.tables.find((t) => t.id === pack.document.forms?.table)?.number ?? null;
  return { inputs, formsTable, all: [...inputs, ...(formsTable === null ? [] : [FORMS_SHEET]), GLOSSARY_SHEET, CONTENTS_SHEET] };
}

/**
 * The pack's input sheets, the default 名词解释 and 目录 to edit and, when the table of the pack's document.forms
 * lists projects, one blank 绩效目标表 per project (the sheets of inputSheetNames). A sheet of that name already there
 * holds what the clerk entered: it is kept, and said so.
 */
export async function insertInputSheets(
  port: WorkbookPort,
  request: { pack: Pack; department: string; year: number },
): Promise<{ inserted: string[]; kept: string[] }> {
  const { pack, department, year } = request;
  const grids = await port.readGrids();
  const forms = formsForProjects(pack, readDisclosure(pack, grids));
  const plans = [
    ...renderInputSheets(pack, { department, year }),
    ...(forms.length ? [renderForms(forms, year)] : []),
    renderGlossary(pack.glossary),
    renderContents(contentsOf(pack, year, department)),
  ];
  const existing = grids.map((g) => g.name);
  const fresh = plans.filter((p) => !isNameTaken(p.name, existing));
  if (fresh.length) await port.apply(fresh);
  return { inserted: fresh.map((p) => p.name), kept: plans.filter((p) => !fresh.includes(p)).map((p) => p.name) };
}

/** The charts of the pack's document, each on a new sheet; a chart without data is left out. */
export async function insertChartSheets(
  port: WorkbookPort,
  stamp: PackStamp | null,
  catalogFor: (year: number) => Catalog,
  year?: number | null,
): Promise<{ inserted: string[]; empty: string[] }> {
  const grids = await port.readGrids();
  const pack = await workbookPackOf(stamp, grids);
  const disclosure = readDisclosure(pack, grids);
  const specs = chartSpecs(pack, disclosure, catalogFor(budgetYearOf(disclosure, grids, { asked: year, stamp, packYear: pack.year }).year));
  const inserted = await port.insertCharts(specs.filter(chartHasData));
  return { inserted, empty: specs.filter((s) => !chartHasData(s)).map((s) => s.title) };
}

/** SVG → PNG through an image and a canvas that is never shown; white behind it, as the page it goes on. */
async function rasterize(svg: string, width: number, height: number): Promise<Uint8Array> {
  const image = new Image(width, height);
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext("2d");
  if (!context) throw new Error("无法绘制图表：浏览器不支持画布");
  context.fillStyle = "#fff";
  context.fillRect(0, 0, width, height);
  context.drawImage(image, 0, 0, width, height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
  if (!blob) throw new Error("无法绘制图表：图片生成失败");
  return new Uint8Array(await blob.arrayBuffer());
}

/** 1.2 MB, 356 KB */
export function fileSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
