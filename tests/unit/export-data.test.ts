/**
 * The data files of the package: each table's CSV re-read into the published 晋城 figures, formula-like text
 * made inert, datapackage.json describing them; and rowsOf, which hands the read figures to the drawings.
 */
import { unzipSync } from "fflate";
import { nodeExportHooks } from "../../src/cli/export-hooks";
import type { CellValue } from "../../src/domain/grid";
import { buildPackage } from "../../src/domain/export";
import { parseCsv } from "../../src/domain/export/csv";
import { csvHeader, dataFiles } from "../../src/domain/export/data";
import { rowsOf } from "../../src/domain/export/rows";
import { Decimal } from "../../src/domain/money";
import { builtinPack } from "../../src/domain/packs";
import { readDisclosure } from "../../src/domain/read/read";
import { jinchengSample } from "../../src/domain/samples";
import { copyRows, disclosureOf, gridsOf, pack, rowIndex, setCell } from "../support/disclosure";
import { jinchengRequest } from "../support/export-request";

const DEPT = jinchengSample.department;
const csvPath = (id: string) => `数据/${id}-${pack.tables.find((t) => t.id === id)!.sheetName.replace(/^表\d+\s*/, "")}.csv`;

/** The package's data files, as text, for a disclosure of these rows. */
async function dataOf(rows = jinchengSample.rows): Promise<Record<string, string>> {
  const { zip } = await buildPackage(jinchengRequest({ disclosure: disclosureOf(rows, DEPT) }), nodeExportHooks(undefined, { pages: false }));
  const files = unzipSync(zip);
  // Keep the byte-order mark, which a default TextDecoder would drop.
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  return Object.fromEntries(Object.keys(files).filter((p) => p.startsWith("数据/")).map((p) => [p, decoder.decode(files[p])]));
}

/** A sample cell and a CSV field say the same: equal amounts, or equal text, blank for nothing. */
function same(kind: string, sample: CellValue | undefined, field: string): boolean {
  if (sample === null || sample === undefined) return field === "";
  return kind === "amount" ? field !== "" && new Decimal(field).equals(new Decimal(String(sample))) : field === String(sample);
}

describe("table CSVs", () => {
  let data: Record<string, string>;
  beforeAll(async () => {
    data = await dataOf();
  });

  it("re-read into the published figures, every cell of every table", () => {
    let amounts = 0;
    for (const table of pack.tables) {
      const text = data[csvPath(table.id)];
      expect(text.startsWith("\uFEFF")).toBe(true);
      expect(text.endsWith("\r\n")).toBe(true);
      const [withKind, ...listed] = parseCsv(text.slice(1));
      // A listing table's CSV starts with the 行类别 column: the table's own columns follow.
      const k = withKind[0] === "行类别" ? 1 : 0;
      const header = withKind.slice(k);
      const rows = listed.map((r) => r.slice(k));
      expect(header).toEqual(csvHeader(table, 2023).map((h) => h.label));
      const sample = jinchengSample.rows[table.id] ?? [];
      expect(rows).toHaveLength(sample.length);
      rows.forEach((row, r) =>
        table.columns.forEach((column, c) => {
          if (!same(column.kind, sample[r][c], row[c])) throw new Error(`${table.id} 第${r + 1}行 ${column.key}：CSV 为“${row[c]}”，表中为 ${sample[r][c]}`);
          if (column.kind === "amount" && row[c] !== "") amounts++;
        }),
      );
    }
    expect(amounts).toBeGreaterThan(300);
  });

  it("write amounts as plain decimals, under the Chinese header leaves", () => {
    const t01 = parseCsv(data[csvPath("T01")].slice(1));
    expect(t01[0]).toEqual(["收入·项目", "2023年", "支出·项目", "2023年合计", "当年预算安排", "上年结转安排"]);
    expect(t01[1]).toEqual(["一、一般公共预算", "5307.69", "一、一般公共服务支出", "2636.14", "2636.14", ""]);
    const t04 = parseCsv(data[csvPath("T04")].slice(1))[0];
    expect(t04).toEqual(["收入·项目", "金额", "支出·项目", "小计", "一般公共预算", "政府性基金预算", "国有资本经营预算"]);
    // T12's column numbers (1 … 7) are no names.
    expect(parseCsv(data[csvPath("T12")].slice(1))[0]).toEqual(["行类别", "项目名称", "合计", "一般公共预算", "政府性基金预算", "国有资本经营预算", "财政专户管理资金", "单位资金"]);
  });

  it("say what each row of a listing table is: 合计, 类/款/项; 部门合计, 单位, 项目", () => {
    const kinds = (id: string) => parseCsv(data[csvPath(id)].slice(1)).slice(1).map((r) => `${r[0]} ${r[1]}`);
    expect(kinds("T03").slice(0, 4)).toEqual(["合计 合计", "类 201", "款 20113", "项 2011301"]);
    // T12 prints the department, then each unit over its projects.
    const t12 = parseCsv(data[csvPath("T12")].slice(1)).slice(1);
    expect(t12.slice(0, 3).map((r) => `${r[0]} ${r[1]}`)).toEqual(["部门合计 晋城市商务局", "单位 晋城市商务局", "项目 开发区考核奖励和基础设施建设"]);
    expect(new Set(t12.map((r) => r[0]))).toEqual(new Set(["部门合计", "单位", "项目"]));
    expect(kinds("T11").map((k) => k.split(" ")[0])).toEqual(expect.arrayContaining(["部门合计", "单位"]));
    // A fixed table has no such column.
    expect(parseCsv(data[csvPath("T01")].slice(1))[0][0]).toBe("收入·项目");
  });

  it("give an empty table its header row only", () => {
    expect(data[csvPath("T13")]).toBe("\uFEFF行类别,项目名称,合计,一般公共预算,政府性基金预算,国有资本经营预算\r\n");
  });
});

describe("CSV escaping", () => {
  it("makes formula-like text inert and leaves negative amounts numbers", async () => {
    const rows = copyRows(jinchengSample);
    const at = rowIndex(rows, "T12", "project", "开发区考核奖励和基础设施建设");
    setCell(rows, "T12", at, "project", '=HYPERLINK("http://x","点击")');
    setCell(rows, "T12", at + 1, "project", "-abc");
    setCell(rows, "T12", at + 2, "project", "@SUM(A1)");
    setCell(rows, "T12", at + 3, "project", "+86 电话");
    setCell(rows, "T12", at + 3, "unitFunds", -12.5);
    const data = await dataOf(rows);
    // Without the 行类别 column.
    const t12 = parseCsv(data[csvPath("T12")].slice(1)).map((r) => r.slice(1));
    const row = t12[at + 1];
    expect(row[0]).toBe(`'=HYPERLINK("http://x","点击")`);
    expect(t12[at + 2][0]).toBe("'-abc");
    expect(t12[at + 3][0]).toBe("'@SUM(A1)");
    expect(t12[at + 4][0]).toBe("'+86 电话");
    expect(t12[at + 4][6]).toBe("-12.5");
    // The raw line quotes the field that holds commas and quotes, RFC 4180 style.
    expect(data[csvPath("T12")]).toContain(`"'=HYPERLINK(""http://x"",""点击"")"`);

    // No field of any CSV begins like a formula, unless it is an amount.
    for (const table of pack.tables) {
      const [header, ...rows] = parseCsv(data[csvPath(table.id)].slice(1));
      for (const r of rows.map((x) => x.slice(header[0] === "行类别" ? 1 : 0)))
        r.forEach((field, c) => {
          if (/^[=+\-@\t\r]/.test(field)) {
            expect(table.columns[c].kind).toBe("amount");
            expect(field).toMatch(/^-\d+(\.\d+)?$/);
          }
        });
    }
  });
});

describe("datapackage.json", () => {
  it("describes the 13 CSVs as a Tabular Data Package, field names matching the header rows", async () => {
    const data = await dataOf();
    const descriptor = JSON.parse(data["数据/datapackage.json"]);
    expect(descriptor).toMatchObject({ profile: "tabular-data-package", name: "budget-disclosure-2023", title: "晋城市商务局2023年度部门预算公开表" });
    expect(descriptor.resources).toHaveLength(13);
    descriptor.resources.forEach((resource: { path: string; encoding: string; schema: { fields: { name: string; type: string; key: string }[] } }, i: number) => {
      const table = pack.tables[i];
      expect(`数据/${resource.path}`).toBe(csvPath(table.id));
      expect(resource.encoding).toBe("utf-8");
      const header = parseCsv(data[csvPath(table.id)].slice(1))[0];
      expect(resource.schema.fields.map((f) => f.name)).toEqual(header);
      // The 行类别 field, where the CSV has it, then one field per column of the pack.
      const own = resource.schema.fields.filter((f) => f.name !== "行类别");
      expect(resource.schema.fields.length - own.length).toBe(header[0] === "行类别" ? 1 : 0);
      expect(own.map((f) => f.key)).toEqual(table.columns.map((c) => c.key));
      expect(own.map((f) => f.type)).toEqual(table.columns.map((c) => (c.kind === "amount" ? "number" : "string")));
    });
    // Names are unique within each resource, as Table Schema requires.
    for (const r of descriptor.resources) expect(new Set(r.schema.fields.map((f: { name: string }) => f.name)).size).toBe(r.schema.fields.length);
  });

  it("is written for any rows, the created date from the request", () => {
    const files = dataFiles(pack, DEPT, 2024, {}, new Date("2024-01-02T03:04:05Z"));
    expect(JSON.parse(files[files.length - 1].text).created).toBe("2024-01-02T03:04:05.000Z");
    expect(files[0].text).toBe("\uFEFF收入·项目,2024年,支出·项目,2024年合计,当年预算安排,上年结转安排\r\n");
  });
});

describe("datapackage.json of a pack with tables in two units (Shanghai: 元, 表9 in 万元)", () => {
  const resources = (packId: string) => {
    const files = dataFiles(builtinPack(packId), "上海市普陀区商务委员会", 2025, {}, new Date("2025-01-02T00:00:00Z"));
    return JSON.parse(files[files.length - 1].text) as {
      title: string;
      resources: { title: string; schema: { fields: { key: string; description?: string }[] } }[];
    };
  };
  const unitOfField = (r: { schema: { fields: { key: string; description?: string }[] } }, key: string) =>
    r.schema.fields.find((f) => f.key === key)?.description;

  it("gives each amount the unit of its own table, and names the package and tables as the pack prints them", () => {
    const d = resources("shanghai-putuo-2025");
    expect(d.title).toBe("上海市普陀区商务委员会2025年度部门预算公开表");
    expect(d.resources[0].title).toBe("2025年部门财务收支预算总表");
    expect(unitOfField(d.resources[0], "incomeAmount")).toBe("金额，单位：元");
    expect(unitOfField(d.resources[8], "total")).toBe("金额，单位：万元");
  });

  it("says 单位 for a 单位预算", () => {
    expect(resources("shanghai-putuo-2025-unit").title).toBe("上海市普陀区商务委员会2025年度单位预算公开表");
  });
});

describe("rowsOf", () => {
  it("gives the read rows in pack column order, amounts typed as text as numbers, dashes as blanks", () => {
    const rows = copyRows(jinchengSample);
    setCell(rows, "T03", 1, "total", "2,636.14");
    setCell(rows, "T03", 1, "basic", "—");
    setCell(rows, "T03", 1, "project", "#REF!");
    const read = rowsOf(pack, disclosureOf(rows, DEPT));
    expect(read.T03![1]).toEqual(["201", "一般公共服务支出", 2636.14, null, "#REF!"]);
    expect(read.T05).toEqual(jinchengSample.rows.T05);
    expect(read.T01).toEqual(jinchengSample.rows.T01);
  });

  it("gives a table missing from the workbook no rows, so that it is drawn as empty", () => {
    const grids = gridsOf(jinchengSample.rows, DEPT).filter((g) => g.name !== "表10 三公经费支出表");
    const read = rowsOf(pack, readDisclosure(pack, grids));
    expect(read.T10).toEqual([]);
    expect(Object.keys(read)).toEqual(pack.tables.map((t) => t.id));
  });
});
