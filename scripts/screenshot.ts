/**
 * The README's picture: the preview host after the task pane inserted the 13 tables beside the 晋城 sample.
 * Run: npx tsx scripts/screenshot.ts [out.png]
 */
import { rmSync } from "fs";
import { buildBundle, launchChromium, serve } from "../tests/support/browser";

async function main() {
  const out = process.argv[2] ?? "docs/taskpane.png";
  const dir = await buildBundle();
  const server = await serve(dir);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${server.url}/preview.html`);
    await page.getByRole("tab", { name: "表2 预算收入总表", exact: true }).click();
    await page.screenshot({ path: out });
    console.log(`已保存 ${out}`);
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
