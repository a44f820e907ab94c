/**
 * insertCharts: each chart on a new sheet with its data, in two syncs in Excel (office-addin-mock) and in the
 * preview; a taken name gets a free variant. Figures: 晋城市商务局 2023, 一般公共预算当年拨款 by 类 and 三公经费.
 */
import { chartSpecs } from "../../src/domain/export/charts";
import { jinchengSample } from "../../src/domain/samples";
import { createExcelPort } from "../../src/excel/workbook";
import { MemoryWorkbook } from "../../src/preview/memory-workbook";
import { catalog, disclosureOf, pack } from "../support/disclosure";
import { MockWorkbook } from "../support/excel-mock";

// The charts of the document, as the 导出 pane inserts them: 5 类 of 表5, the 4 三公 items of 表10.
const [structure, threePublic] = chartSpecs(pack, disclosureOf(jinchengSample.rows, jinchengSample.department), catalog);

describe("Excel", () => {
  it("adds a data sheet and a chart over its data per spec, in two syncs", async () => {
    const book = new MockWorkbook([{ name: "表1 预算收支总表" }]);
    const names = await createExcelPort(book.run, () => true).insertCharts([structure, threePublic]);

    expect(names).toEqual(["一般公共预算当年拨款结构图", "三公经费分布图"]);
    expect(book.syncs).toBe(2);
    expect(book.added).toEqual(names);
    expect(book.charts.map(({ sheet, type, source, seriesBy, position }) => ({ sheet, type, source, seriesBy, position }))).toEqual([
      { sheet: "一般公共预算当年拨款结构图", type: "Pie", source: "A3:B8", seriesBy: "Columns", position: "D3" },
      { sheet: "三公经费分布图", type: "ColumnClustered", source: "A3:B7", seriesBy: "Columns", position: "D3" },
    ]);
    const [pie, bars] = book.charts.map((c) => c.chart);
    expect(pie.title.text).toBe("一般公共预算当年拨款结构图");
    expect(pie.legend.visible).toBe(true);
    expect(pie.dataLabels.showPercentage).toBe(true);
    expect(bars.legend.visible).toBe(false);
    expect(bars.dataLabels.showValue).toBe(true);
    // The data the chart is drawn from: header, then one row per category.
    const data = book.range("一般公共预算当年拨款结构图", "A1:B8").range.values as unknown[][];
    expect(data[2]).toEqual(["项目", "金额"]);
    expect(data.slice(3)).toEqual([
      ["一般公共服务支出", 2636.14],
      ["社会保障和就业支出", 262.87],
      ["卫生健康支出", 51.02],
      ["住房保障支出", 73.26],
      ["转移性支出", 2284.41],
    ]);
    expect(book.activated).toEqual(["一般公共预算当年拨款结构图"]);
  });

  it("never overwrites: a taken sheet name gets a free variant", async () => {
    const book = new MockWorkbook([{ name: "三公经费分布图" }]);
    const names = await createExcelPort(book.run, () => true).insertCharts([threePublic]);
    expect(names).toEqual(["三公经费分布图 (2)"]);
    expect(book.added).toEqual(["三公经费分布图 (2)"]);
    expect(book.charts[0].sheet).toBe("三公经费分布图 (2)");
  });

  it("costs nothing when there is no chart to insert", async () => {
    const book = new MockWorkbook();
    await expect(createExcelPort(book.run, () => true).insertCharts([])).resolves.toEqual([]);
    expect(book.syncs).toBe(0);
  });
});

describe("preview", () => {
  it("adds the data sheets, lists the charts and counts two syncs", async () => {
    const workbook = new MemoryWorkbook();
    await workbook.insertCharts([threePublic]);
    const names = await workbook.insertCharts([structure, threePublic]);

    expect(names).toEqual(["一般公共预算当年拨款结构图", "三公经费分布图 (2)"]);
    expect(workbook.syncs).toBe(4);
    expect(workbook.charts.map((c) => [c.on, c.type])).toEqual([
      ["三公经费分布图", "bar"],
      ["一般公共预算当年拨款结构图", "pie"],
      ["三公经费分布图 (2)", "bar"],
    ]);
    const sheet = workbook.sheet("一般公共预算当年拨款结构图")!;
    expect(sheet.cells[7]).toEqual(["转移性支出", 2284.41]);
    expect(workbook.activeSheet).toBe("一般公共预算当年拨款结构图");
  });
});
