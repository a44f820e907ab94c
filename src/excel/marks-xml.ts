/**
 * The record of marked cells' original fills, kept in a custom XML part so clearMarks() works after the task pane
 * was closed. Pure: the Excel names below are types only, so it runs (and is tested) without office.js.
 */
import type { CellRef } from "../domain/finding";
import { elements, escapeAttribute } from "../domain/xml";

export const MARKS_NAMESPACE = "urn:budget-disclosure:marks";

/** A cell's fill as getCellProperties reports it; pattern "None" is no fill at all. */
export type Fill = Excel.CellPropertiesFill;

export interface MarkedCell {
  sheet: string;
  cell: string;
  /** The fill before the first mark. */
  fill: Fill;
}

const FILL_TEXT = ["color", "pattern", "patternColor"] as const;
const FILL_NUMBERS = ["tintAndShade", "patternTintAndShade"] as const;

/** One key per cell, to merge records and findings by. */
export const cellKey = (c: CellRef) => `${c.sheet}!${c.cell}`;

export function marksToXml(cells: MarkedCell[]): string {
  const items = cells.map(({ sheet, cell, fill }) => {
    const attrs = [`sheet="${escapeAttribute(sheet)}"`, `cell="${cell}"`];
    for (const k of [...FILL_TEXT, ...FILL_NUMBERS]) if (fill[k] !== undefined) attrs.push(`${k}="${escapeAttribute(String(fill[k]))}"`);
    return `<cell ${attrs.join(" ")}/>`;
  });
  return `<marks xmlns="${MARKS_NAMESPACE}">${items.join("")}</marks>`;
}

/** The marked cells in `xml`; an entry without a sheet, a cell or a pattern is skipped. */
export function marksFromXml(xml: string): MarkedCell[] {
  return elements(xml, "cell").flatMap((attrs) => {
    const sheet = attrs.get("sheet");
    const cell = attrs.get("cell");
    if (!sheet || !cell || !/^[A-Z]+\d+$/.test(cell) || !attrs.has("pattern")) return [];
    const fill: Fill = {};
    for (const k of FILL_TEXT) if (attrs.has(k)) Object.assign(fill, { [k]: attrs.get(k) });
    for (const k of FILL_NUMBERS) {
      const v = attrs.get(k);
      if (v && Number.isFinite(Number(v))) fill[k] = Number(v);
    }
    return [{ sheet, cell, fill }];
  });
}
