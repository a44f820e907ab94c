/** Attributes in the small XML documents the add-in keeps in a workbook's custom XML parts. */

const XML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
};

const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function escapeAttribute(text: string): string {
  return text.replace(/[&<>"'\t\n\r]/g, (ch) => XML_ESCAPES[ch]);
}

function unescapeAttribute(text: string): string {
  return text.replace(/&(?:#x([0-9a-fA-F]{1,6})|#(\d{1,7})|(amp|lt|gt|quot|apos));/g, (ref, hex, dec, name) => {
    const code = hex ? parseInt(hex, 16) : dec ? Number(dec) : undefined;
    if (code === undefined) return XML_ENTITIES[name];
    return code <= 0x10ffff ? String.fromCodePoint(code) : ref;
  });
}

/** The attributes of every `name` element in `xml`, unescaped. Quoted values may hold ">" once Excel re-serialises them. */
export function elements(xml: string, name: string): Map<string, string>[] {
  const found: Map<string, string>[] = [];
  for (const element of xml.matchAll(new RegExp(`<${name}\\b((?:[^>"']|"[^"]*"|'[^']*')*)>`, "g"))) {
    const attrs = new Map<string, string>();
    for (const m of element[1].matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs.set(m[1], unescapeAttribute(m[2] ?? m[3]));
    found.push(attrs);
  }
  return found;
}

