/**
 * Generates src/domain/catalog/data.ts, the built-in subject catalogue, from the TSV files in scripts/catalog/ (a
 * copy of the project's shared catalogue; what they hold and how complete it is: their README.md).
 * Run: npx tsx scripts/import-catalog.ts [dir]   (dir defaults to scripts/catalog)
 * Writes nothing when a file's columns, codes or levels are not as expected.
 */
import { readFileSync, writeFileSync } from "fs";
import { join, relative, resolve } from "path";

const ROOT = resolve(__dirname, "..");
const OUT = join(ROOT, "src", "domain", "catalog", "data.ts");
const COMMAND = "npx tsx scripts/import-catalog.ts";
const dir = process.argv[2] ? resolve(process.argv[2]) : resolve(ROOT, "scripts", "catalog");

const LEVELS: Record<number, string> = { 3: "类", 5: "款", 7: "项" };

// README.md gives 行政事业单位离退休 (the earlier name of 20805) as a recorded variant, but functional.tsv has
// no `variant:` mark for it yet; drop this entry once the TSV records it.
const UNMARKED_VARIANTS: Record<string, readonly string[]> = { "20805": ["行政事业单位离退休"] };

// Names the shared former-names.tsv does not record yet (catalogues before the 2014 revision); each with its source.
const EARLIER_FORMER_NAMES: readonly (readonly [code: string, formerName: string, lastYear: string, evidence: string])[] = [
  ["210", "医疗卫生支出", "2013", "2014 catalogue renamed 210 医疗卫生 to 医疗卫生与计划生育支出"],
  ["212", "城乡社区事务", "2013", "2014 catalogue renamed 212 城乡社区事务 to 城乡社区支出"],
  ["213", "农林水事务", "2013", "2014 catalogue renamed 213 农林水事务 to 农林水支出"],
];

// Codes the seed documents print that the shared TSV files do not record yet, each with the seed that prints it (as
// the TSVs give evidence): a partial catalogue judges nothing about them (C02/C09 count them as not checked), and the
// text checks need their names; drop an entry once its TSV records it.
const SEEN_IN_SEEDS: readonly (readonly [file: "functional.tsv" | "income.tsv", code: string, name: string, evidence: string])[] = [
  ["functional.tsv", "20605", "科技条件与服务", "shanghai-putuo-commerce-2025-department-budget.txt 表2、表3、表5"],
  ["functional.tsv", "2060503", "科技条件专项", "shanghai-putuo-commerce-2025-department-budget.txt 表2、表3、表5"],
  ["functional.tsv", "21699", "其他商业服务业等支出", "shanghai-putuo-commerce-2025-department-budget.txt 表2、表3、表5"],
  ["functional.tsv", "2169999", "其他商业服务业等支出", "shanghai-putuo-commerce-2025-department-budget.txt 表2、表3、表5"],
  ["income.tsv", "103", "非税收入", "datong-commerce-2023-budget.txt 表7"],
  ["income.tsv", "10301", "政府性基金收入", "datong-commerce-2023-budget.txt 表7"],
];

type Cell = string | null | readonly string[];

function fail(message: string): never {
  throw new Error(message);
}

/** The data rows of a TSV file with the expected header, each with its 1-based line number. */
function readTable(file: string, columns: readonly string[]): { line: number; cells: Record<string, string> }[] {
  const lines = readFileSync(join(dir, file), "utf8").replace(/^\uFEFF/, "").split(/\r?\n/);
  const header = lines[0].split("\t");
  if (header.join("\t") !== columns.join("\t")) {
    fail(`${file}：表头应为 ${columns.join(" | ")}，实为 ${header.join(" | ")}`);
  }
  const rows: { line: number; cells: Record<string, string> }[] = [];
  lines.slice(1).forEach((text, i) => {
    if (text.trim() === "") return;
    const values = text.split("\t");
    const line = i + 2;
    if (values.length !== columns.length) fail(`${file} 第 ${line} 行：应有 ${columns.length} 列，实有 ${values.length} 列`);
    rows.push({ line, cells: Object.fromEntries(columns.map((c, j) => [c, values[j].trim()])) });
  });
  return rows;
}

/** Names after `variant:` marks; evidence items are separated by ";". */
function variantsIn(evidence: string): string[] {
  return evidence
    .split(";")
    .map((item) => item.trim())
    .filter((item) => item.startsWith("variant:"))
    .map((item) => item.slice("variant:".length).trim());
}

function checkCode(where: string, code: string, firstDigit: string, lengths: readonly number[]): void {
  if (!/^\d+$/.test(code) || !code.startsWith(firstDigit) || !lengths.includes(code.length)) {
    fail(`${where}：科目编码“${code}”应为以 ${firstDigit} 开头的 ${lengths.join("、")} 位数字`);
  }
}

/** [code, name] or [code, name, variants] rows of a code,name,level,evidence file. */
function subjectRows(file: string, firstDigit: string, extraVariants: Record<string, readonly string[]> = {}): Cell[][] {
  const seen = new Set<string>();
  const rows = readTable(file, ["code", "name", "level", "evidence"]).map(({ line, cells: { code, name, level, evidence } }) => {
    const where = `${file} 第 ${line} 行`;
    checkCode(where, code, firstDigit, [3, 5, 7]);
    if (LEVELS[code.length] !== level) fail(`${where}：编码 ${code} 的级次应为“${LEVELS[code.length]}”，实为“${level}”`);
    if (!name) fail(`${where}：编码 ${code} 缺少名称`);
    if (seen.has(code)) fail(`${where}：编码 ${code} 重复`);
    seen.add(code);
    const recorded = [...variantsIn(evidence), ...(extraVariants[code] ?? [])];
    if (recorded.includes("")) fail(`${where}：variant: 后缺少名称`);
    const variants = [...new Set(recorded)].filter((v) => v !== name);
    return variants.length > 0 ? [code, name, variants] : [code, name];
  });
  // Each after the last code of its 类 before it (a parent before its children, as the file orders them).
  for (const [f, code, name] of SEEN_IN_SEEDS) {
    if (f !== file) continue;
    checkCode(`SEEN_IN_SEEDS ${code}`, code, firstDigit, [3, 5, 7]);
    if (seen.has(code)) fail(`${file} 已收录 ${code}：请从 SEEN_IN_SEEDS 中删去`);
    const codes = rows.map((r) => r[0] as string);
    const last = (fits: (c: string) => boolean) => codes.reduce((found, c, i) => (fits(c) ? i : found), -1);
    let at = last((c) => c.startsWith(code.slice(0, 3)) && c < code);
    if (at < 0) at = last((c) => c < code);
    rows.splice(at + 1, 0, [code, name]);
  }
  return rows;
}

/** The unit type a correspondence applies to, and the rest of the column as a note. */
function unitTypeAndNote(text: string): [string | null, string | null] {
  const m = /^(机关|事业单位)(?:\s*\((.*)\))?$/.exec(text);
  return m ? [m[1], m[2] ?? null] : [null, text || null];
}

function econMapRows(): Cell[][] {
  const columns = ["dept_code", "dept_name", "gov_code", "gov_name", "unit_type_or_note", "evidence"];
  return readTable("econ-map.tsv", columns).map(({ line, cells }) => {
    const where = `econ-map.tsv 第 ${line} 行`;
    checkCode(where, cells.dept_code, "3", [5]);
    checkCode(where, cells.gov_code, "5", [5]);
    if (!cells.dept_name || !cells.gov_name) fail(`${where}：缺少科目名称`);
    return [cells.dept_code, cells.dept_name, cells.gov_code, cells.gov_name, ...unitTypeAndNote(cells.unit_type_or_note)];
  });
}

function pairsSeenRows(): Cell[][] {
  return readTable("econ-pairs-seen.tsv", ["dept_name", "gov_name", "evidence"]).map(({ line, cells }) => {
    if (!cells.dept_name || !cells.gov_name) fail(`econ-pairs-seen.tsv 第 ${line} 行：缺少科目名称`);
    return [cells.dept_name, cells.gov_name];
  });
}

/** [code, former name, last budget year it was official] of former-names.tsv and the earlier names above. */
function formerNameRows(functional: Cell[][]): Cell[][] {
  const columns = ["code", "name", "former_name", "last_year_of_former", "evidence"];
  const names = new Map(functional.map((r) => [r[0] as string, r[1] as string]));
  const recorded = readTable("former-names.tsv", columns).map(({ line, cells }) => {
    const where = `former-names.tsv 第 ${line} 行`;
    checkCode(where, cells.code, "2", [3, 5, 7]);
    if (names.get(cells.code) !== cells.name) fail(`${where}：编码 ${cells.code} 的名称应为“${names.get(cells.code)}”`);
    if (!cells.former_name || !/^\d{4}$/.test(cells.last_year_of_former)) fail(`${where}：缺少曾用名或其最后年度`);
    return [cells.code, cells.former_name, cells.last_year_of_former];
  });
  return [...recorded, ...EARLIER_FORMER_NAMES.map(([code, name, last]) => [code, name, last])];
}

function literal(value: Cell): string {
  return Array.isArray(value) ? `[${value.map(literal).join(", ")}]` : JSON.stringify(value);
}

function constant(name: string, type: string, doc: string, rows: Cell[][]): string {
  const body = rows.map((row) => `  [${row.map(literal).join(", ")}],`).join("\n");
  return `/** ${doc} */\nexport const ${name}: readonly ${type}[] = [\n${body}\n];\n`;
}

const tables = {
  FUNCTIONAL: subjectRows("functional.tsv", "2", UNMARKED_VARIANTS),
  ECON_DEPT: subjectRows("econ-dept.tsv", "3"),
  ECON_GOV: subjectRows("econ-gov.tsv", "5"),
  INCOME: subjectRows("income.tsv", "1"),
  ECON_MAP: econMapRows(),
  ECON_PAIRS_SEEN: pairsSeenRows(),
};
const formerNames = formerNameRows(tables.FUNCTIONAL);

const source = [
  `// Generated by \`${COMMAND}\` from the shared catalogue's TSV files (coverage: its README.md).`,
  "// Do not edit: change the TSV files and run the command again.",
  "",
  'export type UnitType = "机关" | "事业单位";',
  "/** [code, name, other names seen for the code]; the level follows from the code's length (3/5/7). */",
  "export type SubjectRow = readonly [code: string, name: string, variants?: readonly string[]];",
  "/** 部门经济科目 → 政府经济科目 with codes; unitType null where the source names none. */",
  "export type EconMapRow = readonly [",
  "  deptCode: string,",
  "  deptName: string,",
  "  govCode: string,",
  "  govName: string,",
  "  unitType: UnitType | null,",
  "  note: string | null,",
  "];",
  "/** 部门经济科目名称 → 政府经济科目名称 as printed in published 基本支出分经济科目表 (names only). */",
  "export type EconPairSeenRow = readonly [deptName: string, govName: string];",
  "/** A name a 支出功能分类 code had, and the last budget year it was official. */",
  "export type FormerNameRow = readonly [code: string, formerName: string, lastYear: string];",
  "",
  constant("FUNCTIONAL", "SubjectRow", "支出功能分类: the 30 类 in official order, and the 款 and 项 seen (functional.tsv).", tables.FUNCTIONAL),
  constant("ECON_DEPT", "SubjectRow", "部门预算支出经济分类 (econ-dept.tsv).", tables.ECON_DEPT),
  constant("ECON_GOV", "SubjectRow", "政府预算支出经济分类 (econ-gov.tsv).", tables.ECON_GOV),
  constant("INCOME", "SubjectRow", "收入分类 (income.tsv).", tables.INCOME),
  constant("ECON_MAP", "EconMapRow", "部门 → 政府经济分类 correspondence with codes (econ-map.tsv).", tables.ECON_MAP),
  constant("ECON_PAIRS_SEEN", "EconPairSeenRow", "部门 → 政府经济科目名称 pairs printed in the seeds (econ-pairs-seen.tsv).", tables.ECON_PAIRS_SEEN),
  constant("FORMER_NAMES", "FormerNameRow", "Former names of 支出功能分类 codes (former-names.tsv, and earlier ones).", formerNames),
].join("\n");

writeFileSync(OUT, source);
console.log(
  `已生成 ${relative(ROOT, OUT)}（来源 ${dir}）：` +
    Object.entries(tables)
      .map(([name, rows]) => `${name} ${rows.length}`)
      .join("，"),
);
