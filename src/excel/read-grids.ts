/**
 * Reading sheets from Excel in bounded memory. A sheet's used range can reach XFD1048576 from one stray value, and
 * loading its values would ask Excel for 17 billion cells. So the first sync asks each sheet for its used range's
 * size and for the values inside FIRST_WINDOW, which holds nearly every sheet: that is the one sync. A sheet beyond
 * the window is read whole when within the limit (one sync more); beyond that, the areas holding values are asked
 * for and the sheet read up to the first wide gap (read/bounds.ts, two syncs more), and what was left out is said (S14).
 */
import { a1, a1Range, parseRange, type CellValue, type RangePos, type SheetGrid } from "../domain/grid";
import { clippedArea, fits } from "../domain/read/bounds";

/** Read with the sheet's size in the first sync: 52 columns × 20,000 rows. */
export const FIRST_WINDOW = "A1:AZ20000";
const WINDOW = parseRange(FIRST_WINDOW);

function cellValue(value: unknown): CellValue {
  if (typeof value === "number" || typeof value === "boolean") return value;
  // Excel reports empty cells as ""; the domain says null.
  return value === "" || value === null || value === undefined ? null : String(value);
}

const gridValues = (values: unknown[][]) => values.map((row) => row.map(cellValue));

/** "Sheet1!A1:B2,'My sheet'!D5" → rectangles. */
function areasOf(address: string): RangePos[] {
  return address
    .split(",")
    .map((part) => part.slice(part.lastIndexOf("!") + 1).trim())
    .filter(Boolean)
    .map(parseRange);
}

interface Pending {
  name: string;
  sheet: Excel.Worksheet;
  used: Excel.Range;
  window: Excel.Range;
}

const bottomOf = (used: Excel.Range) => used.rowIndex + used.rowCount - 1;
const rightOf = (used: Excel.Range) => used.columnIndex + used.columnCount - 1;

/**
 * A sheet whose values span more than the limit: the areas holding values (constants and formulas), the sheet up to
 * the first wide gap among them, and what was left out. Two syncs.
 */
async function readClipped(context: Excel.RequestContext, { sheet, used }: Pending): Promise<Pick<SheetGrid, "values" | "clipped">> {
  const constants = used.getSpecialCellsOrNullObject("Constants").load("address");
  const formulas = used.getSpecialCellsOrNullObject("Formulas").load("address");
  await context.sync();
  const rects = [constants, formulas].flatMap((areas) => (areas.isNullObject ? [] : areasOf(areas.address)));
  const area = clippedArea(rects);
  let values: CellValue[][] = [];
  if (area && area.bottom >= 0 && area.right >= 0) {
    const kept = sheet.getRange(a1Range(0, 0, area.bottom, area.right)).load("values");
    await context.sync();
    values = gridValues(kept.values);
  }
  const outside = rects.filter((r) => !area || r.bottom > area.bottom || r.right > area.right);
  if (outside.length === 0) return { values };
  const first = outside.reduce((a, b) => (b.top < a.top || (b.top === a.top && b.left < a.left) ? b : a));
  // An area across the cut counts whole: it is where a clerk would look.
  const ignored = outside.reduce((n, r) => n + (r.bottom - r.top + 1) * (r.right - r.left + 1), 0);
  return { values, clipped: { spans: a1Range(0, 0, bottomOf(used), rightOf(used)), ignored, first: a1(first.top, first.left), skipped: !area } };
}

/** The named sheets that exist, in the order named: one sync for nearly every workbook. */
export async function readSheets(context: Excel.RequestContext, names: string[]): Promise<SheetGrid[]> {
  const pending: Pending[] = names.map((name) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    // Its visibility in the same sync: a hidden sheet is read too, and its tables said to be hidden (S13).
    sheet.load("visibility");
    const used = sheet.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount");
    const window = sheet.getRange(FIRST_WINDOW).getUsedRangeOrNullObject(true).load("values,rowIndex,columnIndex");
    return { name, sheet, used, window };
  });
  await context.sync();
  // A named sheet may have been deleted or renamed meanwhile: it is simply not there to read.
  const live = pending.filter((p) => !p.sheet.isNullObject);
  const beyond = (p: Pending) => !p.used.isNullObject && (bottomOf(p.used) > WINDOW.bottom || rightOf(p.used) > WINDOW.right);
  // Sheets beyond the window but within the limit: all their values in one more sync.
  const large = live.filter((p) => beyond(p) && fits(bottomOf(p.used), rightOf(p.used)));
  if (large.length) {
    for (const p of large) p.used.load("values");
    await context.sync();
  }
  const grids: SheetGrid[] = [];
  for (const p of live) {
    const { name, sheet, used, window } = p;
    const hidden = sheet.visibility === "Hidden" || sheet.visibility === "VeryHidden" ? { hidden: true } : {};
    if (used.isNullObject || (!beyond(p) && window.isNullObject)) grids.push({ name, top: 0, left: 0, values: [], ...hidden });
    else if (!beyond(p)) grids.push({ name, top: window.rowIndex, left: window.columnIndex, values: gridValues(window.values), ...hidden });
    else if (large.includes(p)) grids.push({ name, top: used.rowIndex, left: used.columnIndex, values: gridValues(used.values), ...hidden });
    else grids.push({ name, top: 0, left: 0, ...(await readClipped(context, p)), ...hidden });
  }
  return grids;
}
