/**
 * Every rule's message as the checks word it, for every built-in pack: on each pack's sample (its own findings) and
 * with each check row made to fire (`pack test` changes the cells it reads), no message keeps a placeholder (“{”)
 * or prints an empty quotation (“”) where a name or figure should stand.
 */
import { builtinCatalog } from "../../src/domain/catalog/catalog";
import { testPack } from "../../src/domain/checks/pack-test";
import { runChecks } from "../../src/domain/checks/registry";
import type { Finding } from "../../src/domain/finding";
import { builtinPack, builtinPacks } from "../../src/domain/packs";
import { readDisclosure } from "../../src/domain/read/read";
import { SAMPLES, type Sample } from "../../src/domain/samples";
import { sampleInputs } from "../../src/domain/samples/workbook";
import { gridsOf } from "../support/disclosure";

/** Each built-in pack with a sample to run it on (a pack without its own takes the sample of the pack it follows). */
const cases = builtinPacks().map((pack) => {
  const sample = SAMPLES.find((s) => s.pack === pack.id) ?? SAMPLES.find((s) => builtinPack(s.pack).tables.every((t, i) => t.title.replace(/\{year\}/, "") === pack.tables[i]?.title.replace(/\{year\}/, "")))!;
  return [pack.id, pack, sample] as const;
});

const holes = (f: Finding) => /\{\w*\}|“”|：$|（）/.test(f.message);

test("every built-in pack has a sample to run on", () => {
  expect(cases.every(([, , sample]) => sample !== undefined)).toBe(true);
  expect(cases.map(([id]) => id)).toContain("shanghai-putuo-2024-final");
});

test.each(cases)("%s: the sample's findings and a finding of every check row that can fire are worded whole", (_id, pack, sample: Sample) => {
  const disclosure = readDisclosure(pack, gridsOf(sample.rows, sample.department, sample.year, pack));
  const options = { strict: false, catalog: builtinCatalog(sample.year), inputs: sampleInputs(sample) };
  const own = runChecks(disclosure, pack, options);
  const trials = testPack(pack, disclosure, options);
  const worded = [...own, ...trials.flatMap((t) => (t.finding ? [t.finding] : []))];
  expect(trials.filter((t) => t.status === "fired").length).toBeGreaterThan(40);
  expect(worded.filter(holes).map((f) => `${f.rule} ${f.message}`)).toEqual([]);
});
