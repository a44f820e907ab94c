/**
 * A pack file naming what it does not declare is refused when it is read, with each problem naming the field and
 * the reason — in readPackData / parsePackJson, and through the CLI (`validate --pack`, `template --pack`, exit 2).
 *
 * Each built-in pack source (shanxi-2023, shanghai-putuo-2025, and shanghai-putuo-2025-unit, which extends the
 * 部门 pack and gives its own check rows as `addChecks`) is edited in a copy: a check naming a missing column, a
 * misspelt row caption, a table removed that a check needs. The check rows edited are found by searching the
 * file's rows, never by a fixed index.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { PackError } from "../../src/domain/packs/schema";
import { parsePackJson, readPackData } from "../../src/domain/packs/validate";
import shanxi from "../../src/domain/packs/shanxi-2023.json";
import shanghai from "../../src/domain/packs/shanghai-putuo-2025.json";
import shanghaiUnit from "../../src/domain/packs/shanghai-putuo-2025-unit.json";
import { runCli, useTempDir } from "../support/cli";

type Json = any;

const tempDir = useTempDir("pack-refusal-");

interface Source {
  id: string;
  data: Json;
  /** Where the file keeps its check rows: its own `checks`, or `addChecks` when it extends another pack. */
  rows: "checks" | "addChecks";
  /** Check rows of the pack it extends (their count comes before the file's in the resolved pack). */
  baseRows: number;
}

const SOURCES: Source[] = [
  { id: "shanxi-2023", data: shanxi, rows: "checks", baseRows: 0 },
  { id: "shanghai-putuo-2025", data: shanghai, rows: "checks", baseRows: 0 },
  { id: "shanghai-putuo-2025-unit", data: shanghaiUnit, rows: "addChecks", baseRows: shanghai.checks.length },
];

const copy = (s: Source): Json => JSON.parse(JSON.stringify(s.data));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The index of the first check row of the file that `test` accepts. */
function findRow(s: Source, test: (c: Json) => boolean): number {
  const j = (s.data[s.rows] as Json[]).findIndex(test);
  expect(j).toBeGreaterThanOrEqual(0);
  return j;
}

/** The row as the file names it: checks[j], or addChecks[j] in a pack that extends another. */
const filePath = (s: Source, j: number) => `${s.rows}[${j}]`;

/**
 * A pattern for the row in a problem. The file's own name for it (addChecks[j]) or, in a pack that extends
 * another, the resolved pack's (checks[base + j]): which of the two a problem should say is pinned down by
 * "names the field as the extending file spells it" below.
 */
const rowPattern = (s: Source, j: number) =>
  s.rows === "checks" ? escape(`checks[${j}]`) : `(?:${escape(`addChecks[${j}]`)}|${escape(`checks[${s.baseRows + j}]`)})`;

/** The problems of a refused pack; the same through readPackData and parsePackJson. */
function problemsOf(data: Json): string[] {
  let error: unknown;
  try {
    readPackData(data);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(PackError);
  const problems = (error as PackError).problems;
  expect((error as PackError).message).toBe(`模板包格式错误：${problems.join("；")}`);
  let fromText: unknown;
  try {
    parsePackJson(JSON.stringify(data));
  } catch (e) {
    fromText = e;
  }
  expect(fromText).toBeInstanceOf(PackError);
  expect((fromText as PackError).problems).toEqual(problems);
  return problems;
}

interface Edit {
  /** The edited copy. */
  data: Json;
  /** The check row named, and the field under it (".parts[1]"). */
  row: number;
  field: string;
  reason: string;
}

/** (a) A columnSum naming a column its table lacks: parts[1] → basic2. */
function missingColumn(s: Source): Edit {
  const row = findRow(s, (c) => c.kind === "columnSum" && c.parts.length >= 2);
  const data = copy(s);
  data[s.rows][row].parts[1] = "basic2";
  return { data, row, field: ".parts[1]", reason: `表 ${data[s.rows][row].table} 没有列 basic2` };
}

/** (b) A balance's total row misspelt: income.total 收入总记 (expense.total 支出总记 where the balance sums only expenses). */
function misspeltRow(s: Source): Edit {
  const row = findRow(s, (c) => c.kind === "balance");
  const data = copy(s);
  const check = data[s.rows][row];
  if (check.income) {
    check.income.total = "收入总记";
    return { data, row, field: ".income.total", reason: `表 ${check.table} 没有行“收入总记”` };
  }
  check.expense.total = "支出总记";
  return { data, row, field: ".expense.total", reason: `表 ${check.table} 没有行“支出总记”` };
}

/**
 * (c) A table removed that a check needs. In a pack of its own: T10 (shanxi: 三公 table) or T09 (shanghai: 三公
 * table), named by the check's table field. The unit pack can only drop its own declaration of T01, falling back
 * to the 部门 pack's T01, which lacks the 人员经费/公用经费/项目支出 columns its check rows need.
 */
function removedTable(s: Source): Edit {
  const data = copy(s);
  if (s.rows === "addChecks") {
    data.tables = data.tables.filter((t: Json) => t.id !== "T01");
    const row = findRow(s, (c) => c.table === "T01" && c.kind === "columnSum");
    const column = s.data[s.rows][row].parts[0];
    // The 部门 pack's T01 has no such column: that is what makes the edit a removal the check notices.
    expect(shanghai.tables[0].columns.map((c) => c.key)).not.toContain(column);
    return { data, row, field: ".parts[0]", reason: `表 T01 没有列 ${column}` };
  }
  const removed = s.id === "shanxi-2023" ? "T10" : "T09";
  expect(data.tables.some((t: Json) => t.id === removed)).toBe(true);
  data.tables = data.tables.filter((t: Json) => t.id !== removed);
  const row = findRow(s, (c) => c.table === removed);
  return { data, row, field: ".table", reason: `模板包中没有表 ${removed}` };
}

const EDITS = [
  ["(a) a check naming a missing column", missingColumn],
  ["(b) a misspelt row caption", misspeltRow],
  ["(c) a table removed that a check needs", removedTable],
] as const;

/** A workbook for `validate` to be given (the pack is refused before any workbook is read). */
async function someWorkbook(): Promise<string> {
  const file = path.join(tempDir(), "某部门.xlsx");
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Sheet1").getCell("A1").value = "会议纪要";
  await workbook.xlsx.writeFile(file);
  return file;
}

function writePack(data: Json): string {
  const file = path.join(tempDir(), "模板包.json");
  fs.writeFileSync(file, JSON.stringify(data, null, 2));
  return file;
}

describe.each(SOURCES.map((s) => [s.id, s] as const))("%s", (_id, s) => {
  it("the unedited source is accepted", () => {
    expect(readPackData(copy(s)).id).toBe(s.id);
  });

  describe.each(EDITS)("%s", (_what, edit) => {
    it("is refused: a PackError whose problems name the field and the reason", () => {
      const e = edit(s);
      const problems = problemsOf(e.data);
      expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^${rowPattern(s, e.row)}${escape(e.field)}：${escape(e.reason)}$`)));
    });

    it("validate --pack and template --pack exit 2, naming the field on stderr, writing nothing", async () => {
      const e = edit(s);
      const pack = writePack(e.data);
      const problem = new RegExp(`\\n  - ${rowPattern(s, e.row)}${escape(e.field)}：${escape(e.reason)}\\n`);

      const validate = await runCli("validate", await someWorkbook(), "--pack", pack);
      expect(validate.code).toBe(2);
      expect(validate.out).toBe("");
      expect(validate.err).toMatch(new RegExp(`^错误：模板包 ${escape(pack)} 有误：\\n`));
      expect(validate.err).toMatch(problem);

      const output = path.join(tempDir(), "表样.xlsx");
      const template = await runCli("template", "--pack", pack, "--year", "2025", "--department", "某部门", "-o", output);
      expect(template.code).toBe(2);
      expect(template.out).toBe("");
      expect(template.err).toMatch(new RegExp(`^错误：模板包 ${escape(pack)} 有误：\\n`));
      expect(template.err).toMatch(problem);
      expect(fs.existsSync(output)).toBe(false);
    });
  });

  it("an unknown check kind is refused in Chinese, naming the field and which kind was given", () => {
    const data = copy(s);
    data[s.rows][0].kind = "columnSumm";
    const [problem] = problemsOf(data).filter((p) => new RegExp(`^${rowPattern(s, 0)}\\.kind：`).test(p));
    expect(problem).toBeDefined();
    // As for any other field with a list of allowed values (应为 … 之一，实际为 …): a template owner reads Chinese.
    expect(problem).not.toMatch(/Invalid|Expected/);
    expect(problem).toContain("实际为 columnSumm");
  });

  it("an unknown rule ID is refused, naming the field", () => {
    const data = copy(s);
    data[s.rows][0].rule = "S99";
    expect(problemsOf(data)).toContainEqual(expect.stringMatching(new RegExp(`^${rowPattern(s, 0)}\\.rule：RULES\\.md 和模板包的 rules 中都没有规则 S99$`)));
  });

  it("a check row with an unknown field is refused, naming the row and the field", () => {
    const data = copy(s);
    const row = findRow(s, (c) => typeof c.table === "string");
    data[s.rows][row].tabel = data[s.rows][row].table;
    expect(problemsOf(data)).toContainEqual(expect.stringMatching(new RegExp(`^${rowPattern(s, row)}：未知字段 tabel$`)));
  });

  it("an extends naming no built-in pack is refused, naming the field", () => {
    const data = copy(s);
    data.extends = "shanghai-putuo-2024";
    expect(problemsOf(data)).toEqual(["extends：没有名为 shanghai-putuo-2024 的内置模板包"]);
  });
});

describe.each(SOURCES.filter((s) => s.rows === "checks").map((s) => [s.id, s] as const))(
  "%s: the text checks name items of its 情况说明",
  (_id, s) => {
    it("N08 naming an item its section lacks is refused, naming the field", () => {
      const row = findRow(s, (c) => c.kind === "narrativeProcurement");
      const data = copy(s);
      data.checks[row].parts[2] = "servises";
      expect(problemsOf(data)).toEqual([`checks[${row}].parts[2]：章节 ${data.checks[row].section} 中没有项目 servises`]);
    });

    it("N06 naming an item no section has is refused, naming the field", () => {
      const row = findRow(s, (c) => c.kind === "narrativeEmptyTables");
      const data = copy(s);
      data.checks[row].funds[0].items[0] = "fundd";
      expect(problemsOf(data)).toEqual([`checks[${row}].funds[0].items[0]：情况说明中没有项目 fundd`]);
    });

    it("N06 with an unknown field is refused, as every other kind is", () => {
      const row = findRow(s, (c) => c.kind === "narrativeEmptyTables");
      const data = copy(s);
      data.checks[row].fundz = data.checks[row].funds;
      expect(problemsOf(data)).toEqual([`checks[${row}]：未知字段 fundz`]);
    });
  },
);

describe("a pack that extends another", () => {
  // The resolved pack's checks are the base pack's and addChecks: rows under `checks` would be dropped without a word.
  it("is refused when it writes checks instead of addChecks, naming the field", () => {
    const data = copy(SOURCES[2]);
    data.checks = data.addChecks;
    delete data.addChecks;
    expect(problemsOf(data)).toEqual(["checks：继承其他模板包（extends）时请用 addChecks 增加校验"]);
  });

  it("is refused for checks even when empty (an empty list would read as 'no checks', yet the base's apply)", () => {
    const data = copy(SOURCES[2]);
    data.checks = [];
    expect(problemsOf(data)).toEqual(["checks：继承其他模板包（extends）时请用 addChecks 增加校验"]);
  });
});

describe("shanghai-putuo-2025-unit: problems name the field as the extending file spells it", () => {
  const unit = SOURCES[2];

  // The file has no `checks`: its rows are addChecks[0], addChecks[1]. A problem saying checks[95] points at
  // nothing the template owner can find in the file.
  it.each(EDITS)("%s", (_what, edit) => {
    const e = edit(unit);
    expect(problemsOf(e.data)).toContain(`${filePath(unit, e.row)}${e.field}：${e.reason}`);
  });

  it("through validate --pack", async () => {
    const e = missingColumn(unit);
    const r = await runCli("validate", await someWorkbook(), "--pack", writePack(e.data));
    expect(r.code).toBe(2);
    expect(r.err).toContain(`\n  - ${filePath(unit, e.row)}${e.field}：${e.reason}\n`);
  });
});

describe("a removed table is blamed on the field that names it", () => {
  it.each([
    ["shanxi-2023", "T10"],
    ["shanghai-putuo-2025", "T09"],
  ])("%s without %s: each figure of it is named by its table field, no other field is blamed", (id, removed) => {
    const s = SOURCES.find((x) => x.id === id)!;
    const data = copy(s);
    data.tables = data.tables.filter((t: Json) => t.id !== removed);
    const problems = problemsOf(data);
    // A figure (left/right/figures of equal, atLeast, atMost, agree) in the removed table.
    const row = findRow(s, (c) => ["left", "right", "figures"].some((k) => Array.isArray(c[k]) && c[k].some((f: Json) => f.table === removed)));
    const check = s.data.checks[row];
    const side = ["left", "right", "figures"].find((k) => Array.isArray(check[k]) && check[k].some((f: Json) => f.table === removed))!;
    const at = check[side].findIndex((f: Json) => f.table === removed);
    expect(problems).toContain(`checks[${row}].${side}[${at}].table：模板包中没有表 ${removed}`);
    // The column, row or only of a figure of a missing table are not themselves wrong.
    const blamed = problems.filter((p) => p.endsWith(`：模板包中没有表 ${removed}`)).map((p) => p.slice(0, p.indexOf("：")));
    expect(blamed.filter((f) => !/(\.table|\.tables\[\d+\])$/.test(f))).toEqual([]);
  });
});

describe("a pack file read safely", () => {
  it("is refused when it is not UTF-8 (a GB18030 file), saying so, before any JSON is read", async () => {
    const file = path.join(tempDir(), "gbk.json");
    // "模板包" as GB18030 bytes inside otherwise plain JSON.
    fs.writeFileSync(file, Buffer.concat([Buffer.from('{"id": "gbk", "name": "'), Buffer.from([0xc4, 0xa3, 0xb0, 0xe5, 0xb0, 0xfc]), Buffer.from('"}')]));
    const r = await runCli("template", "--pack", file, "-o", path.join(tempDir(), "x.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toBe(`错误：模板包 ${file} 有误：\n  - 文件不是 UTF-8 编码（可能是 GB18030/GBK）：请在编辑器中另存为“UTF-8”后再载入\n`);
    expect(fs.existsSync(path.join(tempDir(), "x.xlsx"))).toBe(false);
  });

  it("lists the first 50 problems of a pack with thousands, and how many more", async () => {
    const data = copy(SOURCES[0]) as { tables: Json[] };
    const bad = data.tables[0] as Record<string, unknown>;
    data.tables = Array.from({ length: 2000 }, (_, i) => ({ ...bad, id: `X${i}` }));
    const file = path.join(tempDir(), "many.json");
    fs.writeFileSync(file, JSON.stringify(data));
    const r = await runCli("validate", "--pack", file, path.join(tempDir(), "none.xlsx"));
    expect(r.code).toBe(2);
    const lines = r.err.trim().split("\n");
    expect(lines).toHaveLength(1 + 50 + 1);
    expect(lines[lines.length - 1]).toMatch(/^ {2}- ……另有 \d+ 处问题$/);
  });
});
