/**
 * Renders the 晋城 sample's package document to page images, to look at what Word users will see:
 * builds the package into a temporary folder, converts the .docx with LibreOffice, and the PDF's pages to PNG.
 * Run: npm run render:docx [-- --draft] [-- --dpi 60]
 * Needs libreoffice (Debian: libreoffice-writer-nogui), pdftoppm (poppler-utils) and a Chinese font (fonts-wqy-microhei).
 */
import { execFileSync } from "child_process";
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { unzipSync } from "fflate";
import { nodeExportHooks } from "../src/cli/export-hooks";
import { buildPackage } from "../src/domain/export";
import { jinchengRequest } from "../tests/support/export-request";

function need(command: string, apt: string): void {
  try {
    execFileSync("which", [command], { stdio: "ignore" });
  } catch {
    throw new Error(`未找到 ${command}，请先安装：apt-get install ${apt}`);
  }
}

async function main() {
  const draft = process.argv.includes("--draft");
  const dpiAt = process.argv.indexOf("--dpi");
  const dpi = dpiAt > 0 ? process.argv[dpiAt + 1] : "60";
  need("libreoffice", "libreoffice-writer-nogui");
  need("pdftoppm", "poppler-utils");

  const dir = mkdtempSync(join(tmpdir(), "render-docx-"));
  const request = jinchengRequest(
    draft ? { draft, findings: [{ rule: "A04", severity: "error", table: "T01", sheet: "表1 预算收支总表", cell: "B36", related: [], message: "示例错误" }] } : {},
  );
  const { fileName, zip } = await buildPackage(request, nodeExportHooks());
  writeFileSync(join(dir, fileName), zip);
  const files = unzipSync(zip);
  const docxName = Object.keys(files).find((f) => f.endsWith(".docx"))!;
  const docx = join(dir, docxName);
  writeFileSync(docx, files[docxName]);

  // A profile of its own, so that a LibreOffice already running elsewhere does not swallow the conversion.
  execFileSync(
    "libreoffice",
    [`-env:UserInstallation=file://${join(dir, "lo-profile")}`, "--headless", "--convert-to", "pdf", "--outdir", dir, docx],
    { stdio: "ignore" },
  );
  const pdf = docx.replace(/\.docx$/, ".pdf");
  const pages = join(dir, "pages");
  mkdirSync(pages);
  execFileSync("pdftoppm", ["-png", "-r", dpi, pdf, join(pages, "page")]);
  console.log(`已生成 ${readdirSync(pages).length} 页：${pages}`);
  console.log(`文件包：${join(dir, fileName)}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
