/**
 * What exceljs must not be given. It visits every cell of a merge and of a data validation's range as it loads a
 * file, so one merge B40:XFD1048576 (17 billion cells), or a validation on whole columns, hangs it until memory runs
 * out. Data validations are dropped before the load (the checks never read them), and so is a merge of more than
 * MERGE_CELL_LIMIT cells, which is then said (S14); the values are untouched. The file on disk is never changed.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { parseRange } from "../domain/grid";
import { MERGE_CELL_LIMIT, SHEET_MERGED_LIMIT } from "../domain/read/bounds";
import { elements } from "../domain/xml";
import { megabytes } from "./context";


/** The most a workbook may hold once unzipped: a department of 100,000 projects is some 100 MB. */
export const UNZIPPED_LIMIT = 400 * 1024 * 1024;

const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/;
const MERGE = /<mergeCell\s+ref="([^"]*)"\s*\/>/g;
const VALIDATIONS = /<dataValidations\b[^>]*?(?:\/>|>[\s\S]*?<\/dataValidations>)/g;

/** The sheets' names by part (xl/worksheets/sheet3.xml → 表3 …), from the workbook and its relationships. */
function sheetNames(parts: Record<string, Uint8Array>): Map<string, string> {
  const xmlOf = (part: string) => (parts[part] ? strFromU8(parts[part]) : "");
  const targets = new Map<string, string>();
  for (const rel of elements(xmlOf("xl/_rels/workbook.xml.rels"), "Relationship")) {
    const [id, target] = [rel.get("Id"), rel.get("Target")];
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const names = new Map<string, string>();
  for (const sheet of elements(xmlOf("xl/workbook.xml"), "sheet")) {
    const [name, part] = [sheet.get("name"), targets.get(sheet.get("r:id") ?? "")];
    if (name && part) names.set(part, name);
  }
  return names;
}

const areaOf = (ref: string) => {
  try {
    const r = parseRange(ref);
    return (r.bottom - r.top + 1) * (r.right - r.left + 1);
  } catch {
    return 0;
  }
};

/** A sheet's XML without its data validations and too large merges; `dropped` the merges left out. */
function tameSheet(xml: string): { xml: string; dropped: string[] } {
  const dropped: string[] = [];
  let merged = 0;
  const tamed = xml.replace(VALIDATIONS, "").replace(MERGE, (element, ref: string) => {
    const area = areaOf(ref);
    if (area <= MERGE_CELL_LIMIT && merged + area <= SHEET_MERGED_LIMIT) {
      merged += area;
      return element;
    }
    dropped.push(ref);
    return "";
  });
  return { xml: tamed, dropped };
}

/**
 * The file as exceljs may load it, and the merges left out by sheet name. Most files need nothing: then `data` is
 * the file itself and only the sheets' XML was inflated to look.
 */
export function withoutOversizedParts(data: Uint8Array): { data: Uint8Array; droppedMerges: Map<string, string[]> } | { error: string } {
  const droppedMerges = new Map<string, string[]>();
  let parts: Record<string, Uint8Array>;
  let unzipped = 0;
  try {
    parts = unzipSync(data, {
      filter: (f) => {
        unzipped += f.originalSize;
        return SHEET_PART.test(f.name) || f.name === "xl/workbook.xml" || f.name === "xl/_rels/workbook.xml.rels";
      },
    });
  } catch {
    // Not a zip fflate can read: exceljs says so in its own words.
    return { data, droppedMerges };
  }
  // Counted before exceljs inflates it all: a zip bomb is refused here, not by running out of memory.
  if (unzipped > UNZIPPED_LIMIT) return { error: `解压后过大（${megabytes(unzipped)}，最大 ${megabytes(UNZIPPED_LIMIT)}），已跳过` };
  const changed: Record<string, Uint8Array> = {};
  const names = sheetNames(parts);
  for (const [part, bytes] of Object.entries(parts)) {
    if (!SHEET_PART.test(part)) continue;
    // Merges and validations follow the cells (the schema's order): only what comes after them is decoded and looked
    // at — the whole sheet when a file out of that order has one before.
    const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const end = Math.max(0, raw.lastIndexOf("</sheetData>"));
    const before = (tag: string) => {
      const at = raw.indexOf(tag);
      return at >= 0 && at < end;
    };
    const tail = before("<mergeCell") || before("<dataValidations") ? 0 : end;
    const xml = strFromU8(bytes.subarray(tail));
    if (!xml.includes("<mergeCell") && !xml.includes("<dataValidations")) continue;
    const tamed = tameSheet(xml);
    if (tamed.xml.length === xml.length) continue;
    const rest = strToU8(tamed.xml);
    const whole = new Uint8Array(tail + rest.length);
    whole.set(bytes.subarray(0, tail));
    whole.set(rest, tail);
    changed[part] = whole;
    if (tamed.dropped.length) droppedMerges.set(names.get(part) ?? part, tamed.dropped);
  }
  if (Object.keys(changed).length === 0) return { data, droppedMerges };
  return { data: zipSync({ ...unzipSync(data), ...changed }, { level: 1 }), droppedMerges };
}
