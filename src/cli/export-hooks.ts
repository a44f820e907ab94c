/** What the export needs from Node: SVG → PNG by resvg with a Chinese font, and the .xlsx by exceljs. */
import * as fs from "node:fs";
import type { ExportHooks } from "../domain/export";
import { plansToXlsx } from "../xlsx/write-plans";

/**
 * Chinese faces where Linux, Windows and macOS keep them. resvg also loads the system's fonts, but a font
 * named here is found even where fontconfig's directories are not the usual ones.
 */
const CJK_FONTS = [
  "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
  "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
  "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
  "C:\\Windows\\Fonts\\msyh.ttc",
  "C:\\Windows\\Fonts\\simsun.ttc",
  "/System/Library/Fonts/PingFang.ttc",
];

export function nodeExportHooks(progress?: ExportHooks["progress"]): ExportHooks {
  const fontFiles = CJK_FONTS.filter((f) => fs.existsSync(f));
  return {
    async rasterize(svg, width) {
      // Loaded when a package is built, not whenever the CLI starts.
      const { renderAsync } = await import("@resvg/resvg-js");
      const image = await renderAsync(svg, { fitTo: { mode: "width", value: width }, font: { fontFiles, loadSystemFonts: true } });
      return new Uint8Array(image.asPng());
    },
    writeXlsx: plansToXlsx,
    progress,
  };
}
