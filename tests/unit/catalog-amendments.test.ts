/**
 * A year's catalogue as a notice amends it: withdrawing a code and renaming another changes the 晋城 sample's
 * findings exactly at the rows of those codes, each naming the notice and its date; the amendments of another year
 * change nothing; `validate --catalog amendments.json` applies them.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { amendCatalog, builtinCatalog, type Amendment } from "../../src/domain/catalog/catalog";
import { checkWorkbook } from "../../src/domain/checks/check-workbook";
import type { Finding } from "../../src/domain/finding";
import { jinchengSample as J } from "../../src/domain/samples";
import { readPackData } from "../../src/domain/packs/validate";
import { packDiff } from "../../src/domain/packs/diff";
import shanxi from "../../src/domain/packs/shanxi-2023.json";
import { runCli, useTempDir } from "../support/cli";
import { gridsOf, pack } from "../support/disclosure";

/** Two 项 the 晋城 tables print: the first withdrawn, the second renamed. */
const t03 = J.rows.T03!.map((row) => String(row[0])).filter((code) => code.length === 7);
const [WITHDRAWN, RENAMED] = t03;
const NOTICE: Amendment = { notice: "财预〔2023〕18号", date: "2023-03-15", withdrawn: [WITHDRAWN], renamed: [[RENAMED, "新的科目名称"]] };

const findingsWith = (catalogFor: (year: number) => ReturnType<typeof builtinCatalog>) =>
  checkWorkbook(pack, gridsOf(J.rows, J.department), { strict: false, catalogFor }).findings;
const line = (f: Finding) => `${f.rule} ${f.severity} ${f.sheet}!${f.cell} ${f.message}`;

test("the findings change exactly at the rows of the withdrawn and the renamed code, naming the notice and the date", () => {
  const before = findingsWith(builtinCatalog).map(line);
  const after = findingsWith((year) => amendCatalog(builtinCatalog(year), [NOTICE])).map(line);
  const added = after.filter((l) => !before.includes(l));
  expect(before.filter((l) => !after.includes(l))).toEqual([]);
  expect(added.length).toBeGreaterThanOrEqual(2);
  for (const l of added) expect(l).toMatch(new RegExp(`^(C02 error .* ${WITHDRAWN} “.+”已由财预〔2023〕18号撤销（2023-03-15 起）|C03 error .*科目 ${RENAMED} 的名称为“.+”，目录中为“新的科目名称”（财预〔2023〕18号自 2023-03-15 起改为此名）)$`));
  // Every printed row of each code is one finding: as many as the tables print them, in the tables that check codes.
  expect(added.filter((l) => l.startsWith("C02")).length).toBeGreaterThan(0);
  expect(added.filter((l) => l.startsWith("C03")).length).toBeGreaterThan(0);
});

const tempDir = useTempDir("catalog-amendments-");

test("validate --catalog amendments.json: the year's amendments apply to that year's workbooks only", async () => {
  const workbook = path.join(tempDir(), "晋城.xlsx");
  expect((await runCli("template", "--sample", "-o", workbook)).code).toBe(0);
  const amendments = (year: number) => {
    const file = path.join(tempDir(), `${year}年修订.json`);
    fs.writeFileSync(file, JSON.stringify({ year, effective: `${year}-01-01`, amendments: [NOTICE] }));
    return file;
  };
  const r = await runCli("validate", workbook, "--catalog", amendments(2023), "--format", "json");
  expect(r.code).toBe(1);
  expect(r.err).toBe(`已导入科目目录 ${amendments(2023)}：2023 年，1 项修订：财预〔2023〕18号（2023-03-15）\n`);
  const rules = JSON.parse(r.out).files[0].findings.filter((f: Finding) => f.severity === "error").map((f: Finding) => f.rule);
  expect(new Set(rules)).toEqual(new Set(["C02", "C03"]));
  // A 2024 notice leaves the 2023 workbook as it was: no error.
  expect((await runCli("validate", workbook, "--catalog", amendments(2024))).code).toBe(0);
  // A notice naming a code the year's catalogue lacks is refused, naming it.
  const bad = path.join(tempDir(), "坏.json");
  fs.writeFileSync(bad, JSON.stringify({ year: 2023, amendments: [{ ...NOTICE, withdrawn: ["2999999"] }] }));
  const refused = await runCli("validate", workbook, "--catalog", bad);
  expect(refused.code).toBe(2);
  expect(refused.err).toContain("修订（财预〔2023〕18号）：科目 2999999 不在2023年目录中");
});

test("catalog import writes a year's official list as a catalogue file; catalog diff names each code changed once", async () => {
  const list = path.join(tempDir(), "清单.csv");
  fs.writeFileSync(list, `科目编码,科目名称\r\n${builtinCatalog(2023).entries("functional").map((e) => `${e.code},${e.name}`).join("\r\n")}\r\n`);
  const base = path.join(tempDir(), "2023年科目.json");
  const r = await runCli("catalog", "import", list, "--year", "2023", "--effective", "2023-01-01", "-o", base);
  expect(r.code).toBe(0);
  const written = JSON.parse(fs.readFileSync(base, "utf8"));
  expect(written).toMatchObject({ year: 2023, effective: "2023-01-01", kind: "functional", amendments: [] });
  expect(written.entries.length).toBe(builtinCatalog(2023).entries("functional").length);

  const amended = path.join(tempDir(), "2023年科目（修订）.json");
  fs.writeFileSync(amended, JSON.stringify({ ...written, amendments: [NOTICE] }));
  const diff = await runCli("catalog", "diff", base, amended);
  expect(diff.out).toBe(
    `2 处改动：\n  撤销 支出功能分类科目 ${WITHDRAWN} ${builtinCatalog(2023).get("functional", WITHDRAWN)!.name}（财预〔2023〕18号，2023-03-15）\n` +
      `  改名 支出功能分类科目 ${RENAMED}：“${builtinCatalog(2023).get("functional", RENAMED)!.name}”改为“新的科目名称”（财预〔2023〕18号，2023-03-15）\n`,
  );
  expect((await runCli("catalog", "diff", base, base)).out).toBe("没有改动\n");
});

test("a pack carrying the year's amendment: every workbook checked with it gets the same findings, and pack diff lists the notice", async () => {
  const withNotice = readPackData({ ...JSON.parse(JSON.stringify(shanxi)), version: "1.0.2", catalog: { year: 2023, amendments: [NOTICE] } });
  const viaPack = checkWorkbook(withNotice, gridsOf(J.rows, J.department), { strict: false, catalogFor: builtinCatalog }).findings;
  const viaCatalog = findingsWith((year) => amendCatalog(builtinCatalog(year), [NOTICE]));
  expect(viaPack.filter((f) => f.rule === "C02" || f.rule === "C03").map(line)).toEqual(viaCatalog.filter((f) => f.rule === "C02" || f.rule === "C03").map(line));
  expect(viaPack.some((f) => f.rule === "C02")).toBe(true);
  // A workbook of another budget year is not touched by the 2023 notice.
  expect(checkWorkbook(withNotice, gridsOf(J.rows, J.department, 2024), { strict: false, catalogFor: builtinCatalog }).findings.filter((f) => f.rule === "C02")).toEqual([]);
  expect(packDiff(pack, withNotice)).toEqual(["版本：1.0.1 → 1.0.2", "科目目录年度：未指定 → 2023", "增加科目目录修订 财预〔2023〕18号（2023-03-15）"]);
});
