/**
 * The task pane's pages name their icon, and the icon is one the build copies (assets/): without it a browser asks
 * every page load for /favicon.ico and gets a 404 (the preview host, Excel on the web).
 */
import * as fs from "node:fs";
import * as path from "node:path";

const root = path.join(__dirname, "..", "..");

test.each(["src/taskpane/taskpane.html", "src/commands/commands.html"])("%s links an icon that exists", (page) => {
  const html = fs.readFileSync(path.join(root, page), "utf8");
  const href = /<link rel="icon"[^>]*href="([^"]+)"/.exec(html)?.[1];
  expect(href).toMatch(/^assets\/.+\.png$/);
  expect(fs.existsSync(path.join(root, href!))).toBe(true);
});
