/** The built-in samples as the preview host offers them: an id for the URL (?sample=…), a label for its menu. */
import { builtinPack } from "../domain/packs";
import { SAMPLES, sampleOf, type Sample } from "../domain/samples";
import { zh } from "../locale/zh-CN";

export interface SampleEntry {
  /** The id ?sample= takes, e.g. shanghai-commerce-2025. */
  id: string;
  label: string;
  sample: Sample;
}

/** Every sample of SAMPLES, in its order. */
export const SAMPLE_ENTRIES: readonly SampleEntry[] = SAMPLES.map((sample) => ({
  id: sample.id,
  sample,
  label: zh.preview.samples[sample.id] ?? zh.preview.sampleLabel(sample.department, sample.year),
}));

/** Unless told otherwise, the preview opens with the sample a new workbook of the default pack is shown with (晋城). */
export const DEFAULT_SAMPLE = (sampleOf(builtinPack()) ?? SAMPLES[0]).id;

/**
 * What the page's query asks to open: `?empty` a blank workbook, `?sample=<id>` that sample (with `&tables` its tables
 * alone, as the 模板 pane inserts them), nothing the default sample. An id that is no sample's opens blank, and is
 * returned as `unknown` to say so.
 */
export function initialSample(search: string): { entry: SampleEntry | null; tablesOnly?: boolean; unknown?: string } {
  const params = new URLSearchParams(search);
  if (params.has("empty")) return { entry: null };
  const id = params.get("sample")?.trim() || DEFAULT_SAMPLE;
  const entry = SAMPLE_ENTRIES.find((e) => e.id === id);
  return entry ? { entry, tablesOnly: params.has("tables") } : { entry: null, unknown: id };
}
