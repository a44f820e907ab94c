/**
 * A Shanghai sample as the checks see it: its pack, catalogue, tables (drawn with the pack and read back) and inputs;
 * and a 情况说明 checked as the workbook holds it (drawn on the pack's narrative sheets and read back, with cells).
 */
import { builtinCatalog } from "../../src/domain/catalog/catalog";
import { runChecks } from "../../src/domain/checks/registry";
import type { Finding } from "../../src/domain/finding";
import type { DisclosureInputs, NarrativeSection } from "../../src/domain/inputs";
import { readNarrative, renderNarrative } from "../../src/domain/inputs/narrative";
import { builtinPack } from "../../src/domain/packs";
import { readDisclosure } from "../../src/domain/read/read";
import { shanghaiInputs, type Sample } from "../../src/domain/samples";
import { gridsOf, plansToGrids } from "./disclosure";

/** A sample with its pack, catalogue, tables (drawn and read back) and inputs (no edited text: narrative null). */
export function buildWorld(sample: Sample) {
  const pack = builtinPack(sample.pack);
  const catalog = builtinCatalog(sample.year);
  const disclosure = readDisclosure(pack, gridsOf(sample.rows, sample.department, sample.year, pack));
  const inputs: DisclosureInputs = { ...shanghaiInputs(sample), narrative: null };
  return { sample, pack, catalog, disclosure, inputs };
}
export type World = ReturnType<typeof buildWorld>;

/** The published text of the sample (its inputs' narrative). */
export const published = (w: World): NarrativeSection[] => shanghaiInputs(w.sample).narrative!;

/** Sections as the workbook holds them: drawn on the pack's narrative sheets and read back (with their cells). */
export function onSheets(w: World, sections: NarrativeSection[]): NarrativeSection[] {
  return readNarrative(w.pack, plansToGrids(renderNarrative(w.pack, sections, w.sample.year)))!;
}

/** Every check over the tables and `sections` (placed on the sheets), with the sample's inputs or `inputs`. */
export function checkText(w: World, sections: NarrativeSection[], inputs: DisclosureInputs = w.inputs, strict = false): Finding[] {
  const narrative = onSheets(w, sections);
  return runChecks(w.disclosure, w.pack, { strict, catalog: w.catalog, inputs: { ...inputs, narrative } });
}
