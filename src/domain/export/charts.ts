/**
 * The two charts of 第三部分: their data from the tables (ChartSpec, as the workbook's chart sheets take it) and
 * their drawing as SVG by ECharts' server-side renderer, which needs no DOM and so runs the same in Node and the browser.
 */
import * as echarts from "echarts";
import { codeRows, rowByLabel, shown } from "../read/model";
import { Decimal, formatAmount, parseAmount } from "../money";
import type { ChartSpec } from "../port";
import { cellOf, type Disclosure, type ReadRow, type ReadTable } from "../read/read";

export const ALLOCATION_CHART = "一般公共预算当年拨款结构图";
export const THREE_PUBLIC_CHART = "三公经费分布图";

/** The 三公 items themselves, without the 购置及运行费 subtotal and the 合计 (rows of T10). */
const THREE_PUBLIC_ITEMS = ["因公出国（境）费", "公务接待费", "公务用车购置费", "公务用车运行维护费"];

/**
 * A Chinese face on every platform the SVG is drawn on: Windows, macOS, Linux (the CLI's resvg loads
 * WenQuanYi). The SVG names the list; the rasterizer takes the first it has.
 */
export const CHART_FONT = "Microsoft YaHei, PingFang SC, WenQuanYi Micro Hei, Noto Sans CJK SC, SimHei, sans-serif";

function amountIn(table: ReadTable, row: ReadRow | undefined, key: string): Decimal {
  const parsed = row ? parseAmount(cellOf(table, row, key)?.value) : null;
  return parsed?.kind === "amount" ? parsed.value : new Decimal(0);
}

/**
 * 一般公共预算当年拨款 by 类: the 类 rows (three-digit codes) of T05, which excludes 上年结转 by its title;
 * 类 without an amount are left out. 三公经费 by item from T10, zeros kept: "0.00" is itself a figure published.
 */
export function chartSpecs(disclosure: Disclosure): ChartSpec[] {
  const t05 = disclosure.tables.get("T05");
  const classes = t05
    ? codeRows(t05, "code")
        .filter((r) => r.code.length === 3)
        .map((r) => ({ name: shown(t05, r.row, "name") || r.code, value: amountIn(t05, r.row, "total") }))
        .filter((c) => !c.value.isZero())
    : [];
  const t10 = disclosure.tables.get("T10");
  const items = THREE_PUBLIC_ITEMS.map((label) => ({
    name: label,
    value: t10 ? amountIn(t10, rowByLabel(t10, "item", label), "total") : new Decimal(0),
  }));
  return [
    { sheet: ALLOCATION_CHART, title: ALLOCATION_CHART, type: "pie", categories: classes.map((c) => c.name), values: classes.map((c) => c.value.toNumber()) },
    { sheet: THREE_PUBLIC_CHART, title: THREE_PUBLIC_CHART, type: "bar", categories: items.map((i) => i.name), values: items.map((i) => i.value.toNumber()) },
  ];
}

/** Whether a chart has anything to draw: a pie of nothing, or bars all at zero, says nothing. */
export const chartHasData = (spec: ChartSpec): boolean => spec.values.some((v) => v > 0);

const amount = (v: number) => formatAmount(new Decimal(String(v)));

function option(spec: ChartSpec): echarts.EChartsOption {
  const textStyle = { fontFamily: CHART_FONT, fontSize: 13, color: "#222" };
  const backgroundColor = "#ffffff";
  if (spec.type === "pie")
    return {
      animation: false,
      backgroundColor,
      textStyle,
      series: [
        {
          type: "pie",
          // No legend: every slice's label names it.
          radius: "50%",
          center: ["50%", "50%"],
          // ECharts shares out the percentages by the largest remainder, so the labels sum to 100.00%.
          percentPrecision: 2,
          // Labels against the edges, wrapped rather than cut short: every figure must show whole.
          label: {
            ...textStyle,
            alignTo: "edge",
            edgeDistance: 8,
            overflow: "break",
            lineHeight: 17,
            formatter: (p) => `${p.name}\n${amount(spec.values[p.dataIndex])}万元\n占${(p.percent ?? 0).toFixed(2)}%`,
          },
          data: spec.categories.map((name, i) => ({ name, value: spec.values[i] })),
        },
      ],
    };
  return {
    animation: false,
    backgroundColor,
    textStyle,
    grid: { left: 70, right: 30, top: 40, bottom: 50 },
    xAxis: { type: "category", data: spec.categories, axisLabel: { ...textStyle, interval: 0 } },
    yAxis: { type: "value", name: "万元", nameTextStyle: textStyle, axisLabel: textStyle },
    series: [
      {
        type: "bar",
        barMaxWidth: 60,
        label: { show: true, position: "top", ...textStyle, formatter: (p) => amount(spec.values[p.dataIndex]) },
        data: spec.values,
      },
    ],
  };
}

/** The chart as an SVG document of width × height. */
export function chartSvg(spec: ChartSpec, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption(option(spec));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
