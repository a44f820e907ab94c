/**
 * The stamp a workbook carries of the pack its tables were inserted with — id, version, year, publisher and content
 * hash — and the department and budget year; kept in a custom XML part, which Excel, the CLI and the preview read.
 */
import type { Pack } from "./packs/schema";
import { packHash } from "./packs/versions";
import type { PackStamp } from "./port";
import { elements, escapeAttribute } from "./xml";

export const STAMP_NAMESPACE = "urn:budget-disclosure:stamp";

/**
 * The stamp for tables of `pack` inserted for a department and budget year; `carry`: the pack goes with it (a pack no
 * built-in one is: another add-in, the CLI or a reviewer would not find it otherwise).
 */
export function stampOf(pack: Pack, department: string, year: number, carry = false): PackStamp {
  const hash = packHash(pack);
  return { pack: pack.id, version: pack.version, department, year, packYear: pack.year, publisher: pack.publisher, hash, ...(carry ? { data: JSON.stringify(pack) } : {}) };
}

export function stampToXml(stamp: PackStamp): string {
  const attrs = [
    `xmlns="${STAMP_NAMESPACE}"`,
    `pack="${escapeAttribute(stamp.pack)}"`,
    `version="${escapeAttribute(stamp.version)}"`,
    `department="${escapeAttribute(stamp.department)}"`,
    `year="${stamp.year}"`,
    ...(stamp.packYear !== undefined ? [`packYear="${stamp.packYear}"`] : []),
    ...(stamp.publisher !== undefined ? [`publisher="${escapeAttribute(stamp.publisher)}"`] : []),
    ...(stamp.hash !== undefined ? [`hash="${escapeAttribute(stamp.hash)}"`] : []),
    ...(stamp.data !== undefined ? [`data="${escapeAttribute(stamp.data)}"`] : []),
  ];
  return `<stamp ${attrs.join(" ")}/>`;
}

/**
 * The stamp in `xml`, or null when it is missing or malformed. Excel may add an XML declaration or change quotes; a
 * stamp written before packs had a year, publisher and hash has only the first four.
 */
export function stampFromXml(xml: string): PackStamp | null {
  const [attrs] = elements(xml, "stamp");
  if (!attrs) return null;
  const [pack, version, department] = ["pack", "version", "department"].map((k) => attrs.get(k));
  const year = Number(attrs.get("year"));
  if (pack === undefined || version === undefined || department === undefined || !Number.isInteger(year)) return null;
  const packYear = Number(attrs.get("packYear"));
  const [publisher, hash, data] = [attrs.get("publisher"), attrs.get("hash"), attrs.get("data")];
  return {
    pack,
    version,
    department,
    year,
    ...(Number.isInteger(packYear) && attrs.has("packYear") ? { packYear } : {}),
    ...(publisher !== undefined ? { publisher } : {}),
    ...(hash !== undefined ? { hash } : {}),
    ...(data !== undefined ? { data } : {}),
  };
}
