/**
 * The 情况说明 sheet, where the clerk edits 第三部分 (a title row, then per section its heading and its text), and
 * a 名词解释 sheet (term | text). Both are found by their title text on any sheet.
 */
import { normalizeName } from "../catalog/catalog";
import { a1, type CellValue, type SheetGrid } from "../grid";
import type { GlossaryEntry, NarrativeSection } from "../inputs";
import type { SheetPlan, StyledRange } from "../render/plan";
import { fillPlaceholders } from "../render/render";
import { gridRows, type GridCell } from "./cells";
import { SECTIONS } from "../narrative/wording";

export const NARRATIVE_SHEET = "情况说明";
export const NARRATIVE_TITLE = "{year}年度部门预算情况说明";

/** One wide column: the texts wrap in it. */
const WIDTH = 110;

/** The sheet: the title, then for each section its heading (一、收入预算情况说明) and its text, wrapped, in the row under it. */
export function renderNarrative(sections: NarrativeSection[], year: number): SheetPlan {
  const values: CellValue[][] = [[fillPlaceholders(NARRATIVE_TITLE, year)], [null]];
  const styles: StyledRange[] = [{ range: "A1", style: "title" }];
  for (const s of sections) {
    values.push([`${s.number}、${s.title}`], [s.text === "" ? null : s.text]);
    styles.push({ range: `A${values.length - 1}`, style: "total" }, { range: `A${values.length}`, style: "label" });
  }
  return {
    name: NARRATIVE_SHEET,
    tableId: "narrative",
    values,
    merges: [],
    styles,
    columnWidths: [WIDTH],
    freezeRows: 1,
    print: { orientation: "landscape", paper: "A4", fitToWidth: true },
  };
}

export const GLOSSARY_SHEET = "名词解释";

/** The 名词解释 sheet the clerk edits: the title, a 名词 | 解释 header, one row per entry. */
export function renderGlossary(entries: readonly GlossaryEntry[]): SheetPlan {
  const values: CellValue[][] = [[GLOSSARY_SHEET, null], ["名词", "解释"], ...entries.map((e) => [e.term, e.text])];
  const last = values.length;
  return {
    name: GLOSSARY_SHEET,
    tableId: "glossary",
    values,
    merges: [],
    styles: [
      { range: "A1", style: "title" },
      { range: "A2:B2", style: "header" },
      ...(entries.length ? [{ range: `A3:B${last}`, style: "label" as const }] : []),
    ],
    columnWidths: [24, WIDTH - 24],
    freezeRows: 2,
    print: { orientation: "landscape", paper: "A4", fitToWidth: true },
  };
}

export const CONTENTS_SHEET = "目录";

/** The 目录 sheet the clerk edits: the title, then one line per row (parts and the headings within them). */
export function renderContents(lines: readonly string[]): SheetPlan {
  return {
    name: CONTENTS_SHEET,
    tableId: "contents",
    values: [[CONTENTS_SHEET], ...lines.map((l) => [l])],
    merges: [],
    styles: [{ range: "A1", style: "title" }],
    columnWidths: [WIDTH - 40],
    freezeRows: 1,
    print: { orientation: "landscape", paper: "A4", fitToWidth: true },
  };
}

/** The lines under a 目录 title standing alone at the top of a sheet; null when no sheet has one. */
export function readContents(grids: SheetGrid[]): string[] | null {
  for (const grid of grids) {
    const rows = gridRows(grid).filter((r) => r.length > 0);
    if (rows.length < 2 || rows[0].length !== 1 || normalizeName(rows[0][0].text) !== CONTENTS_SHEET) continue;
    return rows.slice(1).map((r) => r.map((c) => c.text).join(" "));
  }
  return null;
}

const NUMBERS: string[] = SECTIONS.map((s) => s.number);
/** 一 … 十二, then 、 and a short title: a heading, not a sentence (no colon) and not a contents line (no page number). */
const HEADING = /^(十[一二]?|[一二三四五六七八九])、\s*([^:：]{1,40})$/;
const isHeading = (text: string) => {
  const m = HEADING.exec(text.trim());
  return m && !/(\d|\.{2,}|…)$/.test(normalizeName(m[2])) ? { number: m[1], title: m[2].trim() } : null;
};
/** A title cell: 情况说明, after at most a short prefix (第三部分, the year, the department). */
const isTitle = (text: string) => {
  const t = normalizeName(text);
  return t.endsWith("部门预算情况说明") && t.length <= 40;
};
const GLOSSARY_TITLE = /^(第四部分)?名词解释$/;

/** The sections under one title: headings and the rows of text under each, up to the 名词解释 or the next title. */
function sectionsUnder(rows: GridCell[][], from: number): NarrativeSection[] {
  const sections: { number: string; title: string; head: GridCell; cells: GridCell[] }[] = [];
  for (const row of rows.slice(from + 1)) {
    if (row.length === 0) continue;
    const lead = row[0].text;
    if (isTitle(lead) || GLOSSARY_TITLE.test(normalizeName(lead))) break;
    // Sections run 一 … 十二: an earlier number is an item of the text (or a table's row), not a section.
    const heading = row.length === 1 ? isHeading(lead) : null;
    const last = sections[sections.length - 1];
    if (heading && (!last || NUMBERS.indexOf(heading.number) > NUMBERS.indexOf(last.number))) sections.push({ ...heading, head: row[0], cells: [] });
    else last?.cells.push(...row);
  }
  return sections.map(({ number, title, head, cells }) => {
    // Cells of one row join as they stand; rows are paragraphs.
    const lines = [...new Set(cells.map((c) => c.row))].map((r) => cells.filter((c) => c.row === r).map((c) => c.text).join(""));
    // An empty section points where its text goes: under its heading.
    const ref = cells[0]?.ref ?? { sheet: head.ref.sheet, cell: a1(head.row + 1, head.col) };
    return { number, title, text: lines.join("\n"), ref };
  });
}

/**
 * The 情况说明 as the workbook holds it, each section's text with its place; null when no sheet has it. Of several
 * titles (a contents page, a copy), the one with the most sections, then the most text, is the 情况说明.
 */
export function readNarrative(grids: SheetGrid[]): NarrativeSection[] | null {
  const size = (s: NarrativeSection[]) => s.length * 1e9 + s.reduce((n, x) => n + x.text.length, 0);
  let best: NarrativeSection[] | null = null;
  for (const grid of grids) {
    const rows = gridRows(grid);
    for (let i = 0; i < rows.length; i++) {
      if (!rows[i].some((c) => isTitle(c.text))) continue;
      const sections = sectionsUnder(rows, i);
      if (sections.length > 0 && (!best || size(sections) > size(best))) best = sections;
    }
  }
  return best;
}

/** An entry as the seeds print it: 一、财政拨款收入：是指… (or 九、一般公共预算是指…, without a colon). */
const ENTRY = /^[\s\-–—•·]*[一二三四五六七八九十]+、\s*([\s\S]+)$/;
const COLON = /^([^:：]{1,30})[:：]\s*([\s\S]*)$/;

/**
 * A 名词解释 sheet: rows of term | text under the title (a header row 名词 | 解释 is skipped), or one cell per entry
 * as the seeds print it, an entry's text going on in the rows under it. Null when no sheet has one.
 */
export function readGlossary(grids: SheetGrid[]): GlossaryEntry[] | null {
  for (const grid of grids) {
    const rows = gridRows(grid);
    const at = rows.findIndex((row) => row.length === 1 && GLOSSARY_TITLE.test(normalizeName(row[0].text)));
    if (at < 0) continue;
    const entries: GlossaryEntry[] = [];
    for (const row of rows.slice(at + 1)) {
      if (row.length >= 2) {
        if (!/^(名词|术语|项目)$/.test(normalizeName(row[0].text))) entries.push({ term: row[0].text, text: row[1].text });
        continue;
      }
      if (row.length === 0) continue;
      const cell = row[0].text;
      const numbered = ENTRY.exec(cell);
      const colon = COLON.exec(numbered ? numbered[1] : cell);
      const last = entries[entries.length - 1];
      if (colon) entries.push({ term: colon[1].trim(), text: colon[2].trim() });
      else if (numbered) {
        const defined = /^(.{2,20}?)(?=是指|是对|指)/.exec(numbered[1]);
        entries.push({ term: defined ? defined[1] : numbered[1], text: defined ? numbered[1] : "" });
      } else if (last) last.text = last.text ? `${last.text}\n${cell}` : cell;
    }
    if (entries.length) return entries;
  }
  return null;
}
