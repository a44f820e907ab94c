/**
 * A chart's own sheet: its title, the unit, and the data the chart is drawn from. Excel draws the chart
 * over the data range; the preview shows the data. Drawn with the named styles of plan.ts, like the tables.
 */
import { a1Range, type CellValue } from "../grid";
import type { ChartSpec } from "../port";
import type { SheetPlan } from "./plan";

export interface ChartSheet {
  plan: SheetPlan;
  /** The header and the data rows: what the chart is drawn from. */
  source: string;
  /** Where the chart's top-left corner goes, right of the data. */
  anchor: string;
}

const HEADER_ROW = 2;

export function chartSheet(spec: ChartSpec, name: string): ChartSheet {
  const values: CellValue[][] = [
    [spec.title, null],
    [null, "单位：万元"],
    ["项目", "金额"],
    ...spec.categories.map((category, i): CellValue[] => [category, spec.values[i]]),
  ];
  const last = values.length - 1;
  return {
    plan: {
      name,
      tableId: "chart",
      values,
      merges: ["A1:B1"],
      styles: [
        { range: "A1:B1", style: "title" },
        { range: "B2", style: "unit" },
        { range: "A3:B3", style: "header" },
        ...(last > HEADER_ROW
          ? [
              { range: a1Range(HEADER_ROW + 1, 0, last, 0), style: "label" as const },
              { range: a1Range(HEADER_ROW + 1, 1, last, 1), style: "amount" as const },
            ]
          : []),
      ],
      columnWidths: [30, 14],
      freezeRows: 0,
      print: { orientation: "landscape", paper: "A4", fitToWidth: true },
    },
    source: a1Range(HEADER_ROW, 0, last, 1),
    anchor: "D3",
  };
}
