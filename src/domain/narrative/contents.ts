/** The 目录 of a disclosure: the parts of the pack's document, with the tables and the sections they list. */
import type { Pack } from "../packs/schema";
import { packText } from "../packs/text";
import { tableTitle } from "../render/render";
import { sectionHeading } from "./narrative";

/**
 * The 目录 of a disclosure of `year` as the pack's document prints it, a line each, without page numbers (the
 * document sets them): each part's title, then the headings within it. Lines, because the clerk may edit them on the
 * 目录 sheet; the document tells a part's title from a heading by the pack's part titles.
 */
export function contentsOf(pack: Pack, year: number): string[] {
  const title = (text: string) => packText(pack, text, year);
  return pack.document.parts.flatMap((part): string[] => {
    const head = title(part.title);
    switch (part.kind) {
      case "texts":
        return [head, ...part.texts.filter((t) => t.title).map((t) => title(t.title))];
      case "tables":
        return [head, ...pack.tables.map((t) => part.line.replace(/\{number\}/g, String(t.number)).replace(/\{title\}/g, tableTitle(t, year)))];
      case "narrative": {
        const sections = part.contents ? part.sections.flatMap((id) => pack.narrative?.sections.filter((s) => s.id === id) ?? []) : [];
        return [head, ...sections.map((s) => sectionHeading(pack, s, year)).filter((l) => l)];
      }
      case "glossary":
        return [head];
    }
  });
}
