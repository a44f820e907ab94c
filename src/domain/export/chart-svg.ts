/**
 * A chart's drawing as SVG, by ECharts' server-side renderer, which needs no DOM and so runs the same in Node and the
 * browser.
 */
import * as echarts from "echarts";
import { Decimal, formatAmount } from "../money";
import type { ChartSpec } from "../port";
import { CHART_FONT } from "./charts";

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
