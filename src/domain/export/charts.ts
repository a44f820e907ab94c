/**
 * The charts of the document, as the pack declares them: their data from the tables (ChartSpec, as the workbook's
 * chart sheets take it; in 万元). Their drawing is chart-svg.ts, apart: ECharts is a third of the task pane's code,
 * loaded only to export.
 */
import type { Catalog } from "../catalog/catalog";
import { Decimal } from "../money";
import { unitOf } from "../packs/decls";
import { type Pack } from "../packs/schema";
import type { ChartSpec } from "../port";
import { select } from "../read/figures";
import { fromRows } from "../narrative/facts";
import { byCode, nameColumnOf, shown } from "../read/model";
import type { Disclosure, ReadRow, ReadTable } from "../read/read";

/**
 * A Chinese face on every platform the SVG is drawn on: Windows, macOS, Linux (the CLI's resvg loads
 * WenQuanYi). The SVG names the list; the rasterizer takes the first it has.
 */
export const CHART_FONT = "Microsoft YaHei, PingFang SC, WenQuanYi Micro Hei, Noto Sans CJK SC, SimHei, sans-serif";

/** The sum of a column over rows in 万元, as the text beside the chart states it. */
const inWan = (pack: Pack, table: ReadTable, rows: ReadRow[], key: string): Decimal => fromRows(table, unitOf(pack, table.decl), rows, key).amount!;

/**
 * Each chart of the pack: a pie of the 类 rows (three-digit codes) of a table, 类 without an amount left out; or bars of
 * figures side by side, zeros kept ("0.00" is itself a figure published). A chart whose table is absent has no data.
 */
export function chartSpecs(pack: Pack, disclosure: Disclosure, catalog: Catalog): ChartSpec[] {
  return pack.document.charts.map((chart): ChartSpec => {
    if ("classes" in chart) {
      const { table: id, code, column } = chart.classes;
      const table = disclosure.tables.get(id);
      const name = table && nameColumnOf(table, code);
      // Each 类 once (the first row of a code printed twice), as the text and the cross checks take it.
      const classes = table
        ? [...byCode(table, code)]
            .filter(([c]) => c.length === 3)
            .map(([c, row]) => ({
              name: (name && shown(table, row, name)) || catalog.get("functional", c)?.name || c,
              value: inWan(pack, table, [row], column),
            }))
            .filter((c) => !c.value.isZero())
        : [];
      return {
        sheet: chart.title,
        title: chart.title,
        type: "pie",
        categories: classes.map((c) => c.name),
        values: classes.map((c) => c.value.toNumber()),
      };
    }
    const bars = chart.bars.map((b) => {
      const found = select(disclosure, catalog, b.figure);
      return { name: b.name, value: found ? inWan(pack, found.table, found.selection.rows, b.figure.column) : new Decimal(0) };
    });
    return { sheet: chart.title, title: chart.title, type: "bar", categories: bars.map((b) => b.name), values: bars.map((b) => b.value.toNumber()) };
  });
}

/** Whether a chart has anything to draw: a pie of nothing, or bars all at zero, says nothing. */
export const chartHasData = (spec: ChartSpec): boolean => spec.values.some((v) => v > 0);
