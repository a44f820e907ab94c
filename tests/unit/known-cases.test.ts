/**
 * The known real cases of RULES.md, end to end: the .xlsx fixtures (tests/fixtures, made by
 * scripts/make-fixtures.ts from the seed figures) read as the CLI reads them, then every check.
 */
import { join } from "path";
import { checkWorkbook } from "../../src/domain/checks/check-workbook";
import type { Finding } from "../../src/domain/finding";
import { readWorkbookFile } from "../../src/cli/grids";
import { catalog, pack } from "../support/disclosure";

async function findings(fixture: string, strict = false) {
  const read = await readWorkbookFile(join(__dirname, "..", "fixtures", fixture));
  if ("error" in read) throw new Error(read.error);
  return checkWorkbook(pack, read.grids, { strict, catalogFor: () => catalog });
}

const errors = (fs: Finding[]) => fs.filter((f) => f.severity === "error").map((f) => `${f.rule} ${f.table} ${f.cell}`);
/** What a finding says, without where the layout put it. */
const gist = (fs: Finding[]) =>
  fs.filter((f) => f.rule !== "S07" || f.severity !== "info").map((f) => `${f.rule} ${f.severity} ${f.table} ${f.expected ?? ""} ${f.actual ?? ""} ${f.difference ?? ""}`).sort();

describe("known real cases", () => {
  it("晋城市商务局: all 13 tables, no error-level finding", async () => {
    const r = await findings("jincheng-official.xlsx");
    expect(r.tablesFound).toHaveLength(13);
    expect(errors(r.findings)).toEqual([]);
  });

  it("大同市商务局: A04 and X02 on T01 and T04, and no other error", async () => {
    const r = await findings("datong-official.xlsx");
    expect(r.tablesFound).toHaveLength(13);
    expect(errors(r.findings).sort()).toEqual(["A04 T01 B36", "A04 T04 B37", "X02 T01 B7", "X02 T04 B8"]);
    const a04 = r.findings.find((f) => f.rule === "A04" && f.table === "T01")!;
    expect([a04.expected, a04.actual, a04.difference]).toEqual(["2,178.00", "2,737.68", "559.68"]);
  });

  it("晋城 in strict mode shows its 0.01 breaks, which the tolerance keeps silent", async () => {
    const r = await findings("jincheng-official.xlsx", true);
    expect(r.findings.filter((f) => f.severity === "error").every((f) => f.difference?.replace("-", "") === "0.01")).toBe(true);
    expect(errors(r.findings).length).toBeGreaterThan(0);
  });
});

describe("the same figures in other layouts give the same findings", () => {
  let official: string[];
  beforeAll(async () => {
    official = gist((await findings("jincheng-official.xlsx")).findings);
  });

  it.each(["jincheng-one-sheet.xlsx", "jincheng-unmerged.xlsx"])("%s", async (fixture) => {
    const r = await findings(fixture);
    expect(r.tablesFound).toHaveLength(13);
    expect(gist(r.findings)).toEqual(official);
  });

  it("jincheng-messy.xlsx: amounts typed as text read as the same figures, each noted (S07 info)", async () => {
    const r = await findings("jincheng-messy.xlsx");
    expect(gist(r.findings)).toEqual(official);
    expect(r.findings.filter((f) => f.rule === "S07").every((f) => f.severity === "info")).toBe(true);
    expect(r.findings.filter((f) => f.rule === "S07").length).toBeGreaterThan(3);
  });
});
