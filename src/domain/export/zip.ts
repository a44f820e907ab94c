/**
 * The package as a zip whose Chinese names every tool shows: fflate writes them UTF-8 and sets the language
 * encoding flag, which Windows Explorer and 7-Zip read; Debian's unzip reads only the Info-ZIP Unicode Path extra
 * field (0x7075), so each entry carries that too.
 */
import { buf as crc32 } from "crc-32";
import { strToU8, zipSync, type Zippable } from "fflate";

const UNICODE_PATH = 0x7075;

/** Version 1, the CRC-32 of the name as the header holds it (UTF-8 here too), the UTF-8 name. */
function unicodePath(name: string): Uint8Array {
  const utf8 = strToU8(name);
  const field = new Uint8Array(5 + utf8.length);
  field[0] = 1;
  new DataView(field.buffer).setUint32(1, crc32(utf8) >>> 0, true);
  field.set(utf8, 5);
  return field;
}

/** Already-compressed parts (.docx, .xlsx) are stored; the texts deflated. */
export function packageZip(entries: readonly (readonly [path: string, data: Uint8Array])[], mtime: Date): Uint8Array {
  const zippable: Zippable = {};
  for (const [path, data] of entries)
    zippable[path] = [data, { level: /\.(docx|xlsx)$/.test(path) ? 0 : 6, mtime, extra: { [UNICODE_PATH]: unicodePath(path) } }];
  return zipSync(zippable);
}
