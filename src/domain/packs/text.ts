/** A pack's texts (titles, notes, sheet names, sentence patterns) with their placeholders filled in. */

/** A template text with the year filled in; left out (with its 年/年度) when the year is not known. */
export function fillPlaceholders(text: string, year: number | undefined): string {
  return year === undefined ? text.replace(/\{year\}年?度?/g, "") : text.replace(/\{year\}/g, String(year));
}

/** What a pack's texts say of it: 部门 or 单位, and 部门/单位 as the subject of its sentences. */
export type PackWords = { scope: string; subject: string };

/** A pack's text for a budget year: {year}, {lastYear}, {scope} (部门 or 单位) and {subject} filled in. */
export function packText(pack: PackWords, text: string, year: number | undefined): string {
  const lastYear = year === undefined ? text.replace(/\{lastYear\}年?度?/g, "") : text.replace(/\{lastYear\}/g, String(year - 1));
  return fillPlaceholders(lastYear, year)
    .replace(/\{scope\}/g, pack.scope)
    .replace(/\{subject\}/g, pack.subject);
}
