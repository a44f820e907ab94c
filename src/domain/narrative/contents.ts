/** The 目录 of a disclosure: the parts of the pack's document, with the tables and the sections they list. */
import type { Pack } from "../packs/schema";
import { packText } from "../packs/text";
import { tableTitle } from "../render/render";
import { sectionHeading } from "./narrative";
import { chineseNumber } from "../chinese-number";

/** How the 目录 lists a table: {number} in digits (1. 预算收支总表), {cnumber} in Chinese (一、收入支出决算总表). */
export const tableLine = (line: string, number: number, title: string): string =>
  line.replace(/\{number\}/g, String(number)).replace(/\{cnumber\}/g, chineseNumber(number)).replace(/\{title\}/g, title);

/**
 * The 目录 of a disclosure of `year` as the pack's document prints it, a line each, without page numbers (the
 * document sets them): each part's title, then the headings within it. Lines, because the clerk may edit them on the
 * 目录 sheet; the document tells a part's title from a heading by the pack's part titles.
 */
export function contentsOf(pack: Pack, year: number, department: string): string[] {
  const title = (text: string) => packText(pack, text, year).replace(/\{department\}/g, department);
  return pack.document.parts.flatMap((part): string[] => {
    const head = title(part.title);
    switch (part.kind) {
      case "texts":
        return [head, ...part.texts.filter((t) => t.title).map((t) => title(t.title))];
      case "tables":
        return [head, ...pack.tables.map((t) => tableLine(part.line, t.number, tableTitle(t, year)))];
      case "narrative": {
        const sections = part.contents ? part.sections.flatMap((id) => pack.narrative?.sections.filter((s) => s.id === id) ?? []) : [];
        return [head, ...sections.map((s) => sectionHeading(pack, s, year)).filter((l) => l)];
      }
      case "glossary":
        return [head];
    }
  });
}
