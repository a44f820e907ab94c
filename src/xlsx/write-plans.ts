/** SheetPlans → exceljs worksheets: the .xlsx drawing target of the CLI and of the export (Node and browser). */
import type ExcelJS from "exceljs";
import { cellSpecs, footerCode, PLAN_FONT, PRINT_MARGINS, type SheetPlan, type StyleSpec } from "../domain/render/plan";

const THIN: Partial<ExcelJS.Border> = { style: "thin" };
const PAPER_SIZES: Record<SheetPlan["print"]["paper"], ExcelJS.PaperSize> = { A4: 9 };

/**
 * exceljs keeps a cell's style by reference: one object per kind of cell, not per cell — 100,000 projects are a
 * million cells — and nothing here edits a cell's style once set, so none leaks into another.
 */
function excelStyle(spec: StyleSpec): Partial<ExcelJS.Style> {
  const font: Partial<ExcelJS.Font> = { name: PLAN_FONT.name, size: spec.fontSize ?? PLAN_FONT.size };
  if (spec.bold) font.bold = true;
  const style: Partial<ExcelJS.Style> = { font };
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (spec.hAlign) alignment.horizontal = spec.hAlign;
  if (spec.vAlign) alignment.vertical = spec.vAlign === "center" ? "middle" : spec.vAlign;
  if (spec.wrap) alignment.wrapText = true;
  if (Object.keys(alignment).length) style.alignment = alignment;
  if (spec.border) style.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (spec.numberFormat) style.numFmt = spec.numberFormat;
  return style;
}

function writePlan(workbook: ExcelJS.Workbook, plan: SheetPlan): void {
  const sheet = workbook.addWorksheet(plan.name, {
    views: plan.freezeRows > 0 ? [{ state: "frozen", ySplit: plan.freezeRows }] : [],
    pageSetup: {
      paperSize: PAPER_SIZES[plan.print.paper],
      orientation: plan.print.orientation,
      // One page wide, as many pages tall as the rows need.
      fitToPage: plan.print.fitToWidth,
      fitToWidth: 1,
      fitToHeight: plan.print.fitToHeight ?? 0,
      margins: PRINT_MARGINS,
      ...(plan.print.titleRows ? { printTitlesRow: `${plan.print.titleRows[0]}:${plan.print.titleRows[1]}` } : {}),
    },
    ...(plan.print.footer ? { headerFooter: { oddFooter: footerText(plan.print.footer) } } : {}),
  });
  const specs = cellSpecs(plan);
  const styles = new Map<StyleSpec | undefined, Partial<ExcelJS.Style>>();
  const styleOf = (spec: StyleSpec | undefined) => {
    let style = styles.get(spec);
    if (!style) styles.set(spec, (style = excelStyle(spec ?? {})));
    return style;
  };
  plan.values.forEach((row, r) =>
    row.forEach((value, c) => {
      const cell = sheet.getCell(r + 1, c + 1);
      // Empty cells get the font too, so what the clerk types later matches.
      cell.style = styleOf(specs.get(`${r},${c}`));
      if (value !== null) cell.value = value;
    }),
  );
  // Every cell already has its own style; merging must not replace it with the top-left cell's.
  for (const range of plan.merges) sheet.mergeCellsWithoutStyle(range);
  plan.columnWidths.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  plan.rowHeights?.forEach((height, r) => {
    if (height !== null) sheet.getRow(r + 1).height = height;
  });
}

/** Excel's footer codes: &L the left part, &R the right one. */
function footerText(name: string): string {
  const { left, right } = footerCode(name);
  return `&L${left}&R${right}`;
}

/** Adds one worksheet per plan, in order. */
export function writePlans(workbook: ExcelJS.Workbook, plans: SheetPlan[]): void {
  for (const plan of plans) writePlan(workbook, plan);
}

/**
 * The plans as the bytes of an .xlsx file. exceljs is loaded here, on first use: in the task pane it is a chunk of its
 * own (its browser build), fetched when the first .xlsx is written; the CLI starts without it.
 */
export async function plansToXlsx(plans: SheetPlan[]): Promise<Uint8Array> {
  const { default: exceljs } = await import(/* webpackChunkName: "exceljs" */ "exceljs");
  const workbook = new exceljs.Workbook();
  writePlans(workbook, plans);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
