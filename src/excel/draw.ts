/** Drawing SheetPlans and charts into Excel: queued only, never synced — the caller syncs once for all of them. */
import { a1, columnLetters, parseRange, type RangePos } from "../domain/grid";
import type { ChartSpec } from "../domain/port";
import { chartSheet } from "../domain/render/chart-sheet";
import { footerCode, PLAN_FONT, PRINT_MARGINS, STYLE_SPECS, type SheetPlan, type StyleSpec } from "../domain/render/plan";
import { charsToPoints } from "../domain/render/print";

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
export function queueSheet(sheets: Excel.WorksheetCollection, plan: SheetPlan, pageLayout: boolean): Excel.Worksheet {
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
export function queueChart(sheets: Excel.WorksheetCollection, spec: ChartSpec, name: string, pageLayout: boolean): Excel.Worksheet {
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
