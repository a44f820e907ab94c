/** A small hand-made SheetPlan (number line, title, header, one code row, 合计) for the drawing targets' tests. */
import type { SheetPlan } from "../../src/domain/render/plan";

export function smallPlan(name: string, code: string, amount: number): SheetPlan {
  return {
    name,
    tableId: name,
    values: [
      ["预算公开表1", null, null],
      [`${name} 标题`, null, null],
      ["科目编码", "科目名称", "金额"],
      [code, "一般公共服务支出", amount],
      ["合计", null, amount],
    ],
    merges: ["A2:C2", "A5:B5"],
    styles: [
      { range: "A2:C2", style: "title" },
      { range: "A3:C3", style: "header" },
      { range: "A4", style: "code" },
      { range: "B4", style: "label" },
      { range: "C4:C5", style: "amount" },
      { range: "A5:C5", style: "total" },
    ],
    columnWidths: [12, 30, 16],
    freezeRows: 3,
    print: { orientation: "landscape", paper: "A4", fitToWidth: true },
  };
}
