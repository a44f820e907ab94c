/**
 * A sample as a whole workbook: its tables, its input sheets filled in, its 绩效目标表, its published 情况说明 where the
 * sample keeps it, and the 名词解释 and 目录 — what `template --sample` writes and the preview loads, so that the
 * sample exports the whole seed document rather than tables around placeholders.
 */
import type { DisclosureInputs } from "../inputs";
import { renderForms } from "../inputs/forms";
import { renderContents, renderGlossary, renderNarrative } from "../inputs/narrative";
import { renderInputSheets } from "../inputs/sheets";
import { contentsOf } from "../narrative/contents";
import type { Pack } from "../packs/schema";
import type { SheetPlan } from "../render/plan";
import { renderTables } from "../render/render";
import { datongInputs, datongSample, jinchengForms, jinchengInputs, jinchengSample, shanghaiInputs, type Sample } from "./index";

/** What the sample's document says besides its tables. */
export function sampleInputs(sample: Sample): DisclosureInputs {
  if (sample === jinchengSample) return jinchengInputs;
  if (sample === datongSample) return datongInputs;
  return shanghaiInputs(sample);
}

export function samplePlans(pack: Pack, sample: Sample): SheetPlan[] {
  const { department, year, rows } = sample;
  const inputs = sampleInputs(sample);
  const forms = sample === jinchengSample ? jinchengForms : [];
  return [
    ...renderTables(pack, { department, year, rows }),
    ...renderInputSheets(pack, { department, year, inputs }),
    ...(forms.length ? [renderForms(forms, year)] : []),
    ...(inputs.narrative ? renderNarrative(pack, inputs.narrative, year) : []),
    renderGlossary(inputs.glossary ?? pack.glossary),
    renderContents(inputs.contents ?? contentsOf(pack, year, department)),
  ];
}
