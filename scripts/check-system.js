#!/usr/bin/env node
// Before the tests: the Debian packages they need, each named with the apt line that installs it, so a fresh
// machine fails here in one sentence instead of in dozens of tests.
"use strict";

const fs = require("fs");
const path = require("path");

const onPath = (name) =>
  (process.env.PATH || "").split(path.delimiter).some((dir) => dir && fs.existsSync(path.join(dir, name)));

const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const needs = [
  { pkg: "chromium", why: "端到端测试（无头浏览器）", ok: () => fs.existsSync(chromium) },
  { pkg: "fonts-wqy-microhei", why: "图表和文档渲染的中文字体", ok: () => fs.existsSync("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc") },
  { pkg: "libreoffice-writer-nogui libreoffice-calc-nogui", why: "把导出的文档和工作簿渲染为 PDF", ok: () => onPath("soffice") },
  { pkg: "poppler-utils", why: "读取渲染出的 PDF（pdftotext、pdftoppm）", ok: () => onPath("pdftotext") && onPath("pdftoppm") },
];

const missing = needs.filter((n) => !n.ok());
if (missing.length > 0) {
  console.error("测试需要的系统软件包未安装：");
  for (const n of missing) console.error(`  ${n.pkg}（${n.why}）`);
  console.error(`请安装：sudo apt-get install ${missing.map((n) => n.pkg).join(" ")}`);
  process.exit(1);
}
