/**
 * The body rows of a long table written as XML, straight into the document's zip entry. The docx library builds an
 * object per row, cell, paragraph and run, and then the whole document.xml as one string: 100,000 projects are
 * tens of millions of objects and a gigabyte of text, more than a process has. So a table with more than
 * DIRECT_ROWS body rows goes to the library with one marker row in place of its body, and the rows are written here
 * in the library's own XML (word-rows.test.ts holds the two to the same bytes) and deflated as they are made.
 */
import { strFromU8, strToU8, unzipSync, Zip, ZipDeflate } from "fflate";

/** Body rows past which a table's rows are written directly. */
export const DIRECT_ROWS = 1_000;

/** One cell as the Word table prints it (word-tables.ts makes them). */
export interface RowCell {
  /** Its lines: each a paragraph. */
  lines: string[];
  bold?: boolean;
  align: "left" | "center" | "right";
  columnSpan?: number;
  width: number;
}

/** A table whose body is written here: the marker the library printed in its place, and the rows, made on demand. */
export interface DirectTable {
  marker: string;
  count: number;
  rows(): Iterable<RowCell[]>;
}

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const FONT = '<w:rFonts w:ascii="宋体" w:cs="宋体" w:eastAsia="宋体" w:hAnsi="宋体"/>';
const SIZE = '<w:sz w:val="18"/><w:szCs w:val="18"/>';
const MARGINS = '<w:tcMar><w:top w:type="dxa" w:w="30"/><w:left w:type="dxa" w:w="60"/><w:bottom w:type="dxa" w:w="30"/><w:right w:type="dxa" w:w="60"/></w:tcMar>';

/** A body row as the docx library writes word-tables.ts's cells: not a header row, never split across pages. */
export function rowXml(cells: RowCell[]): string {
  let xml = '<w:tr><w:trPr><w:cantSplit/><w:tblHeader w:val="off"/></w:trPr>';
  for (const c of cells) {
    const span = c.columnSpan && c.columnSpan > 1 ? `<w:gridSpan w:val="${c.columnSpan}"/>` : "";
    xml += `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${c.width}"/>${span}${MARGINS}<w:vAlign w:val="center"/></w:tcPr>`;
    const run = `<w:rPr>${FONT}${c.bold ? "<w:b/><w:bCs/>" : ""}${SIZE}</w:rPr>`;
    for (const line of c.lines)
      xml += `<w:p><w:pPr><w:spacing w:after="0" w:before="0"/><w:jc w:val="${c.align}"/><w:rPr>${FONT}${SIZE}</w:rPr></w:pPr><w:r>${run}<w:t xml:space="preserve">${escape(line)}</w:t></w:r></w:p>`;
    xml += "</w:tc>";
  }
  return xml + "</w:tr>";
}

/** Text written between two deflate pushes: large enough to compress well, small enough to hold. */
const CHUNK = 1 << 20;

/**
 * The docx with each marker row replaced by its table's rows, deflated as they are made. `progress(done, total)`
 * is called every CHUNK of text, after yielding, so a caller can show it.
 */
export async function spliceRows(docx: Uint8Array, tables: DirectTable[], progress?: (done: number, total: number) => void): Promise<Uint8Array> {
  const entries = unzipSync(docx);
  const document = strFromU8(entries["word/document.xml"]);
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => (err ? (failure = err) : out.push(chunk)));
  for (const [name, data] of Object.entries(entries)) {
    if (name === "word/document.xml") continue;
    const entry = new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    entry.push(data, true);
  }
  const entry = new ZipDeflate("word/document.xml", { level: 6 });
  zip.add(entry);
  const total = tables.reduce((n, t) => n + t.count, 0);
  let done = 0;
  let text = "";
  const flush = async (final = false) => {
    entry.push(strToU8(text), final);
    text = "";
    progress?.(done, total);
    // A turn of the event loop: the caller's progress line is drawn, and a cancel can come in.
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  let from = 0;
  for (const table of tables) {
    const at = document.indexOf(table.marker, from);
    const start = document.lastIndexOf("<w:tr>", at);
    text += document.slice(from, start);
    for (const cells of table.rows()) {
      text += rowXml(cells);
      done++;
      if (text.length >= CHUNK) await flush();
    }
    from = document.indexOf("</w:tr>", at) + "</w:tr>".length;
  }
  text += document.slice(from);
  await flush(true);
  zip.end();
  if (failure) throw failure;
  const size = out.reduce((n, c) => n + c.length, 0);
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const c of out) {
    bytes.set(c, offset);
    offset += c.length;
  }
  return bytes;
}
