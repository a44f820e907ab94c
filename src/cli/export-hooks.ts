/**
 * What the export needs from Node: SVG → PNG by resvg with a Chinese font, the .xlsx by exceljs, and the 目录's page
 * numbers from a rendering of the document by LibreOffice where it is installed.
 */
import { execFile, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
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

/** `pages`: number the 目录 from a LibreOffice rendering (where installed); off, the export skips that run. */
export function nodeExportHooks(progress?: ExportHooks["progress"], options: { pages?: boolean } = {}): ExportHooks {
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
    paginate: options.pages === false ? undefined : paginate,
  };
}

const run = promisify(execFile);
const installed = (cmd: string) => spawnSync(process.platform === "win32" ? "where" : "which", [cmd]).status === 0;

/**
 * The page each line of a rendered document stands on, by its text without spaces — a heading split over two lines
 * by its two lines together — counting the pages that print a number (— 3 —) in their footer. Null without
 * LibreOffice and pdftotext, or when the rendering fails: the 目录 is then printed without numbers.
 */
async function paginate(docx: Uint8Array): Promise<Map<string, number> | null> {
  if (!installed("soffice") || !installed("pdftotext")) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "budget-toc-"));
  try {
    const file = path.join(dir, "document.docx");
    fs.writeFileSync(file, docx);
    // A profile of its own, so that a LibreOffice the user has open does not take (or block) the job.
    await run("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, file], { timeout: 180_000 });
    const { stdout } = await run("pdftotext", ["-layout", path.join(dir, "document.pdf"), "-"], { maxBuffer: 64 * 1024 * 1024 });
    const pages = new Map<string, number>();
    for (const page of stdout.split("\f")) {
      const lines = page.split("\n").map((l) => l.replace(/\s+/g, "")).filter((l) => l !== "");
      const number = lines.map((l) => /^—(\d+)—$/.exec(l)).find((m) => m);
      if (!number) continue;
      lines.forEach((line, i) => {
        for (const text of [line, line + (lines[i + 1] ?? "")]) if (!pages.has(text)) pages.set(text, Number(number[1]));
      });
    }
    return pages;
  } catch {
    return null;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
