/**
 * The README's pictures: the preview host after the task pane inserted the 13 tables beside the 晋城 sample; and
 * (`review`) the HTML page of `validate --format html` over a folder of 120 workbooks made by review-folder.ts.
 * Run: npx tsx scripts/screenshot.ts [out.png]   ·   npx tsx scripts/screenshot.ts review [out.png]
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { main as cli } from "../src/cli/main";
import { buildBundle, launchChromium, serve } from "../tests/support/browser";
import { writeReviewFolder } from "./review-folder";

async function taskpane(out: string) {
  const dir = await buildBundle();
  const server = await serve(dir);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${server.url}/preview.html`);
    await page.getByRole("tab", { name: "表2 预算收入总表", exact: true }).click();
    await page.screenshot({ path: out });
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function review(out: string) {
  const dir = mkdtempSync(join(tmpdir(), "review-shot-"));
  const browser = await launchChromium();
  try {
    await writeReviewFolder(dir, 120);
    const html = join(dir, "审核.html");
    // As a reviewer runs it, from the folder above the departments' one: the page names files as given.
    const here = process.cwd();
    process.chdir(dir);
    await cli(["node", "budget-disclosure", "validate", "各部门", "--format", "html", "--expect", "部门名单.csv", "-o", html], {
      out: () => {},
      err: () => {},
    }).finally(() => process.chdir(here));
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`file://${html}`);
    await page.getByRole("button", { name: "错误" }).click();
    await page.getByRole("button", { name: "错误" }).click();
    await page.screenshot({ path: out });
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const [first, second] = process.argv.slice(2);
  const out = first === "review" ? (second ?? "docs/review.png") : (first ?? "docs/taskpane.png");
  await (first === "review" ? review(out) : taskpane(out));
  console.log(`已保存 ${out}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
