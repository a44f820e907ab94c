/**
 * Builds src/domain/samples/jincheng-2023-forms.json: the 24 项目支出绩效目标表 of the 晋城 seed (第三部分 section 十),
 * read by the workbook reader (readForms) from the seed text taken as a sheet — one line a row, cells split on tabs.
 * Run: npx tsx scripts/forms-from-seed.ts
 *
 * The text is the PDF's: it drops the empty cells of merged ranges, so what follows them shifts left. What is
 * reliable, and kept: project, 主管部门及代码, 实施单位, 项目属性, 项目期, both fund columns by source, the five texts,
 * 总体目标, 经办人/电话/日期. What is not, and is kept as read: see NOTES, written into the file.
 */
import { writeFileSync } from "fs";
import { join } from "path";
import { formToJson, readForms } from "../src/domain/inputs/forms";
import { readSeed } from "../tests/support/seed-text";

const NOTES = [
  "绩效指标：种子文本丢失合并单元格的空格，部分行的实施期/年度两侧与二级指标按顺序推断（如“2023年遗属补助”第2–4行、“进博会专项资金”年度侧错行一行）；“晋城市乡村e镇工作项目”只有一侧指标可读，年度侧仅余错位的一行。",
  "种子中本已截断的单元格文字按原样保留（如“完成采购商报名组”）。",
  "“晋城市乡村e镇工作项目”的联系电话与填报日期印在同一单元格，联系电话一项为“2052112 填报日期： 20230118124139”，填报日期为空。",
  "各表均未填负责人。",
];

/** Section 十 of the seed, up to section 十一: the forms and the text above them. */
export function seedFormsGrid() {
  const lines = readSeed("jincheng").split(/\r?\n/);
  const from = lines.findIndex((l) => l.trim() === "十、绩效管理情况");
  const to = lines.findIndex((l, i) => i > from && l.trim() === "十一、国有资产占有使用情况");
  if (from < 0 || to < 0) throw new Error("seed lacks section 十");
  const values = lines.slice(from, to).map((l) => l.split("\t").map((c) => (c.trim() === "" ? null : c)));
  return { name: "十、绩效管理情况", top: from, left: 0, values };
}

if (require.main === module) {
  const forms = readForms(seedFormsGrid()).map(({ ref: _ref, annualTotalRef: _at, ...form }) => formToJson(form));
  const data = { department: "晋城市商务局", year: 2023, source: "晋城市商务局2023年度部门预算公开 第三部分 十、绩效管理情况", notes: NOTES, forms };
  const text = JSON.stringify(data, null, 1)
    // An indicator, a fund column, the contacts: one object of plain values per line keeps the file readable.
    .replace(/\{\n\s+([^{}[\]\n]+(?:\n\s+[^{}[\]\n]+)*)\n\s+\}/g, (_m, inner: string) => `{${inner.split(/\n\s+/).join(" ")}}`);
  writeFileSync(join(__dirname, "..", "src", "domain", "samples", "jincheng-2023-forms.json"), text + "\n");
  console.log(`${forms.length} forms`);
}
