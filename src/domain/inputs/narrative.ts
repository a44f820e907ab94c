/**
 * The sheets where the clerk edits the 情况说明 — the pack says which (one 情况说明 sheet; or 编制说明 and 其他相关
 * 情况说明), each a title row, then per section its heading (一、收入预算情况说明) and its text in the row under it —
 * and a 名词解释 sheet (term | text). All are found by their title text on any sheet.
 */
import { normalizeName } from "../catalog/catalog";
import { a1, type CellValue, type SheetGrid } from "../grid";
import type { GlossaryEntry, NarrativeSection } from "../inputs";
import type { Pack } from "../packs/schema";
import type { SheetPlan, StyledRange } from "../render/plan";
import { packText } from "../packs/text";
import { gridTexts } from "../read/texts";
import { gridRows, type GridCell } from "./cells";

/** One wide column: the texts wrap in it. */
const WIDTH = 110;

/**
 * The sheets of the narrative: each its title, then for each of its sections its heading (when numbered) and its
 * text, wrapped, in the row under it.
 */
export function renderNarrative(pack: Pack, sections: NarrativeSection[], year: number): SheetPlan[] {
  return (pack.narrative?.sheets ?? []).map((sheet) => {
    const values: CellValue[][] = [[packText(pack, sheet.title, year)], [null]];
    const styles: StyledRange[] = [{ range: "A1", style: "title" }];
    for (const id of sheet.sections) {
      const s = sections.find((x) => x.id === id);
      if (!s) continue;
      if (s.number) {
        values.push([`${s.number}、${s.title}`]);
        styles.push({ range: `A${values.length}`, style: "total" });
      }
      values.push([s.text === "" ? null : s.text]);
      styles.push({ range: `A${values.length}`, style: "label" });
    }
    return {
      name: packText(pack, sheet.name, year),
      tableId: "narrative",
      values,
      merges: [],
      styles,
      columnWidths: [WIDTH],
      freezeRows: 1,
      print: { orientation: "landscape", paper: "A4", fitToWidth: true },
    };
  });
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

/** A 目录 sheet: its title standing alone at the top, lines under it. */
function isContents(grid: SheetGrid): boolean {
  // Most sheets are tables of figures: their cells are walked only when the title is somewhere in them.
  if (!gridTexts(grid).some((row) => row.includes(CONTENTS_SHEET))) return false;
  const rows = gridRows(grid).filter((r) => r.length > 0);
  return rows.length >= 2 && rows[0].length === 1 && normalizeName(rows[0][0].text) === CONTENTS_SHEET;
}

/** The lines under a 目录 title standing alone at the top of a sheet; null when no sheet has one. */
export function readContents(grids: SheetGrid[]): string[] | null {
  const grid = grids.find(isContents);
  return grid
    ? gridRows(grid)
        .filter((r) => r.length > 0)
        .slice(1)
        .map((r) => r.map((c) => c.text).join(" "))
    : null;
}

/** N、 and a short title: a heading, not a sentence (no colon) and not a contents line (no page number). */
const HEADING = /^(十[一二三四五六七八九]?|[一二三四五六七八九]|二十)、\s*([^:：]{1,40})$/;
const isHeading = (text: string) => {
  const m = HEADING.exec(text.trim());
  return m && !/(\d|\.{2,}|…)$/.test(normalizeName(m[2])) ? { number: m[1], title: m[2].trim() } : null;
};
/** The 名词解释 title, numbered as a part (第四部分) or a heading (三、) or not at all. */
const GLOSSARY_TITLE = /^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、)?名词解释$/;

/**
 * A title cell: the pack's title (any year, or none), after at most a short prefix (第三部分, the department); its
 * text compared as normalised already (gridTexts).
 */
function titleMatcher(pack: Pack, title: string): (compared: string) => boolean {
  const core = normalizeName(packText(pack, title, undefined));
  return (t) => t.endsWith(core) && t.length <= core.length + 30;
}

/** One entry per line of text: a row's cells, and each line of a cell holding several. */
interface Line {
  text: string;
  cell: GridCell;
}

const linesOf = (row: readonly GridCell[]): Line[] =>
  row.flatMap((cell) =>
    cell.text
      .split(/\r?\n/)
      .map((t) => t.trim())
      .filter((t) => t !== "")
      .map((text) => ({ text, cell })),
  );

/**
 * The sections under one title, up to the next title: headings matching the sheet's sections (numbers rising),
 * the lines under each. A sheet of one section needs no heading: every line is its text.
 */
function sectionsUnder(pack: Pack, ids: string[], rows: readonly (readonly GridCell[])[], from: number, stop: (text: string) => boolean): NarrativeSection[] {
  const decls = ids.flatMap((id) => pack.narrative!.sections.filter((s) => s.id === id));
  const numbers = decls.map((d) => d.number);
  const sections: { id?: string; number: string; title: string; head?: GridCell; below: GridCell; lines: Line[] }[] = [];
  const first = rows[from][0];
  if (decls.length === 1 && !decls[0].number)
    sections.push({ id: decls[0].id, number: "", title: packText(pack, decls[0].title, undefined), below: first, lines: [] });
  for (const row of rows.slice(from + 1)) {
    if (row.length === 0) continue;
    if (stop(row[0].text)) break;
    for (const line of linesOf(row)) {
      const heading = isHeading(line.text);
      const last = sections[sections.length - 1];
      const at = heading ? numbers.indexOf(heading.number) : -1;
      // Sections run in order: an earlier number is an item of the text (or a table's row), not a section.
      if (heading && at >= 0 && (!last?.head || at > numbers.indexOf(last.number)))
        sections.push({ id: decls[at].id, number: heading.number, title: heading.title, head: line.cell, below: line.cell, lines: [] });
      else last?.lines.push(line);
    }
  }
  return sections.map(({ id, number, title, head, below, lines }) => {
    // Lines of one cell, or of the cells of one row, join as they stand; rows are paragraphs.
    const text = lines.map((l) => l.text).join("\n");
    // An empty section points where its text goes: under its heading.
    const ref = lines[0]?.cell.ref ?? (head ? { sheet: head.ref.sheet, cell: a1(head.row + 1, head.col) } : below.ref);
    return { id, number, title, text, ref, cells: lines.map((l) => l.cell.ref) };
  });
}

/**
 * The 情况说明 as the workbook holds it, each section's text with its place; null when no sheet has any of it. A 目录
 * sheet lists the titles without being the text; of several titles (a copy), the one with the most sections, then
 * the most text, is taken.
 */
export function readNarrative(pack: Pack, grids: SheetGrid[]): NarrativeSection[] | null {
  const decl = pack.narrative;
  if (!decl) return null;
  const titles = decl.sheets.map((sheet) => ({ sheet, match: titleMatcher(pack, sheet.title) }));
  const stop = (text: string) => {
    const compared = normalizeName(text);
    return titles.some((t) => t.match(compared)) || GLOSSARY_TITLE.test(compared);
  };
  const size = (s: NarrativeSection[]) => s.length * 1e9 + s.reduce((n, x) => n + x.text.length, 0);
  const out: NarrativeSection[] = [];
  for (const { sheet, match } of titles) {
    let best: NarrativeSection[] | null = null;
    for (const grid of grids.filter((g) => !isContents(g))) {
      const texts = gridTexts(grid);
      for (let i = 0; i < texts.length; i++) {
        if (!texts[i].some(match)) continue;
        const sections = sectionsUnder(pack, sheet.sections, gridRows(grid), i, stop);
        if (sections.length > 0 && (!best || size(sections) > size(best))) best = sections;
      }
    }
    if (best) out.push(...best);
  }
  return out.length ? out : null;
}

/** An entry as the seeds print it: 一、财政拨款收入：是指… (or 九、一般公共预算是指…, without a colon), （一）财政拨款收入：… */
const ENTRY = /^[\s\-–—•·]*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])\s*([\s\S]+)$/;
const COLON = /^([^:：]{1,30})[:：]\s*([\s\S]*)$/;

/**
 * A 名词解释 sheet: rows of term | text under the title (a header row 名词 | 解释 is skipped), or one cell per entry
 * as the seeds print it, an entry's text going on in the rows under it. Null when no sheet has one.
 */
export function readGlossary(grids: SheetGrid[]): GlossaryEntry[] | null {
  for (const grid of grids) {
    if (!gridTexts(grid).some((row) => row.some((t) => GLOSSARY_TITLE.test(t)))) continue;
    const rows = gridRows(grid);
    const at = rows.findIndex((row) => row.length === 1 && GLOSSARY_TITLE.test(normalizeName(row[0].text)));
    if (at < 0) continue;
    const entries: GlossaryEntry[] = [];
    for (const row of rows.slice(at + 1)) {
      if (row.length >= 2) {
        if (!/^(名词|术语|项目)$/.test(normalizeName(row[0].text))) entries.push({ term: row[0].text, text: row[1].text });
        continue;
      }
      // A cell may hold every entry, one per line (as a template prints them).
      for (const { text: cell } of linesOf(row)) {
        const numbered = ENTRY.exec(cell);
        const colon = COLON.exec(numbered ? numbered[1] : cell);
        const last = entries[entries.length - 1];
        if (colon) entries.push({ term: colon[1].trim(), text: colon[2].trim() });
        else if (numbered) {
          const defined = /^(.{2,20}?)(?=是指|是对|指)/.exec(numbered[1]);
          entries.push({ term: defined ? defined[1] : numbered[1], text: defined ? numbered[1] : "" });
        } else if (last) last.text = last.text ? `${last.text}\n${cell}` : cell;
      }
    }
    // A template's example entry (（九）……：指……。) is not an entry.
    const real = entries.filter((e) => !/^[.…]*$/.test(normalizeName(e.term)));
    if (real.length) return real;
  }
  return null;
}
