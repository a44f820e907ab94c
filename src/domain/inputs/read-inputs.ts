/** Everything the workbook says besides the tables, read from its sheets wherever they stand. */
import type { SheetGrid } from "../grid";
import type { DisclosureInputs } from "../inputs";
import type { Pack } from "../packs/schema";
import { readForms } from "./forms";
import { readContents, readGlossary, readNarrative } from "./narrative";
import { readInputSheets } from "./sheets";

/** The input sheets' texts and figures, the forms of every sheet, the edited 情况说明, 名词解释 and 目录 (null where absent). */
export function readInputs(pack: Pack, grids: SheetGrid[]): DisclosureInputs {
  return {
    ...readInputSheets(pack, grids),
    forms: grids.flatMap(readForms),
    narrative: readNarrative(pack, grids),
    glossary: readGlossary(grids),
    contents: readContents(grids),
  };
}
