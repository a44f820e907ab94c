/** The 目录 of a disclosure: the parts of the pack's document, with the tables and the sections they list. */
import type { Pack } from "../packs/schema";
import { fillPlaceholders, tableTitle } from "../render/render";
import { sectionHeading } from "./narrative";

export interface ContentsLine {
  /** 1: a part (第一部分 概况); 2: a heading within it. */
  level: 1 | 2;
  text: string;
}

/** The 目录 of a disclosure of `year` as the pack's document prints it, without page numbers (the document sets them). */
export function contentsOf(pack: Pack, year: number): ContentsLine[] {
  const title = (text: string) => fillPlaceholders(text, year).replace(/\{scope\}/g, pack.scope);
  return pack.document.parts.flatMap((part): ContentsLine[] => {
    const head: ContentsLine = { level: 1, text: title(part.title) };
    switch (part.kind) {
      case "texts":
        return [head, ...part.texts.filter((t) => t.title).map((t) => ({ level: 2 as const, text: title(t.title) }))];
      case "tables":
        return [
          head,
          ...pack.tables.map((t) => ({
            level: 2 as const,
            text: part.line.replace(/\{number\}/g, String(t.number)).replace(/\{title\}/g, tableTitle(t, year)),
          })),
        ];
      case "narrative": {
        const sections = part.contents ? part.sections.flatMap((id) => pack.narrative?.sections.filter((s) => s.id === id) ?? []) : [];
        return [head, ...sections.map((s) => ({ level: 2 as const, text: sectionHeading(pack, s, year) })).filter((l) => l.text)];
      }
      case "glossary":
        return [head];
    }
  });
}
