/**
 * S11: what the document needs from the input sheets is entered — quiet on a reviewer's workbook of the tables
 * alone, firing at each blank field's cell once the clerk has the input sheets, and for an export on everything
 * the document lacks; quiet on the whole samples. A pack naming a field its inputs lack is refused.
 */
import { builtinCatalog } from "../../src/domain/catalog/catalog";
import { checkWorkbook } from "../../src/domain/checks/check-workbook";
import type { Finding } from "../../src/domain/finding";
import { renderInputSheets } from "../../src/domain/inputs/sheets";
import { builtinPack } from "../../src/domain/packs";
import { parsePack } from "../../src/domain/packs/schema";
import { SAMPLES, jinchengSample } from "../../src/domain/samples";
import { samplePlans } from "../../src/domain/samples/workbook";
import { gridsOf, pack, plansToGrids } from "../support/disclosure";

const S11 = (grids: ReturnType<typeof gridsOf>, document = false, p = pack): Finding[] =>
  checkWorkbook(p, grids, { strict: false, catalogFor: builtinCatalog, document }).findings.filter((f) => f.rule === "S11");
const J = jinchengSample;
const tables = () => gridsOf(J.rows, J.department);

test("a workbook of the tables alone, as a reviewer gets it: nothing asked", () => {
  expect(S11(tables())).toEqual([]);
});

test("the input sheets inserted and left blank: each field at its cell, required ones errors, the others warnings", () => {
  const grids = [...tables(), ...plansToGrids(renderInputSheets(pack, { department: J.department, year: J.year }))];
  const found = S11(grids);
  const errors = found.filter((f) => f.severity === "error");
  expect(errors.map((f) => `${f.sheet}!${f.cell} ${f.message}`)).toEqual([
    "公开文本!B5 公开文档需要的“本部门职责”未填写",
    "公开文本!B6 公开文档需要的“机构设置情况”未填写",
    "公开文本!B7 公开文档需要的“国有资产占有使用情况”未填写",
    "说明数据!B15 公开文档需要的“政府采购货物预算”未填写",
    "说明数据!B16 公开文档需要的“政府采购工程预算”未填写",
    "说明数据!B17 公开文档需要的“政府采购服务预算”未填写",
  ]);
  expect(found.filter((f) => f.severity === "warning")).toHaveLength(11);
});

test("for an export, the tables alone lack every input: no cell to point at, the sheet to fill named", () => {
  const found = S11(tables(), true);
  expect(found).toHaveLength(17);
  expect(found[0]).toMatchObject({ sheet: "", cell: "", message: "公开文档需要的“本部门职责”未填写（请在“公开文本”工作表中填写）" });
});

test.each(SAMPLES.map((s) => [s.id, s] as const))("the whole sample %s: everything its document needs is entered", (_id, sample) => {
  const p = builtinPack(sample.pack);
  const found = S11(plansToGrids(samplePlans(p, sample)), true, p);
  // Some samples publish no 上年 figure for some items, the 单位预算 no 项目经费情况说明: warnings at most.
  expect(found.filter((f) => f.severity === "error")).toEqual([]);
});

test.each(["shanxi-2023", "shanghai-putuo-2025", "shanghai-putuo-2025-unit", "shanghai-putuo-2026"])(
  "%s, for an export of the tables alone: every field's name and sheet with its year filled in",
  (id) => {
    const p = builtinPack(id);
    const found = S11(plansToGrids(renderInputSheets(p, { department: J.department, year: p.year })), true, p);
    expect(found.length).toBeGreaterThan(0);
    expect(found.filter((f) => /[{}]/.test(f.message)).map((f) => f.message)).toEqual([]);
  },
);

test("a pack naming a field its input sheets lack is refused, with the field", () => {
  const data = JSON.parse(JSON.stringify(builtinPack()));
  const at = data.checks.findIndex((c: { kind: string }) => c.kind === "inputsEntered");
  data.checks[at].fields[1] = "overview.duty";
  expect(() => parsePack(data)).toThrow(`checks[${at}].fields[1]：没有说明数据字段 overview.duty`);
});
