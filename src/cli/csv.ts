/** CSV as Excel reads and writes it: RFC 4180 quoting, and the encodings Chinese Excel uses. */

/** Excel saves "CSV UTF-8" with a byte-order mark, and plain "CSV" on Chinese Windows in GB18030. */
export function decodeCsv(data: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(data).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("gb18030").decode(data);
  }
}

