#!/usr/bin/env node
// Validates the add-in manifest offline against Microsoft's XML manifest schemas (schemas/office-manifest, vendored).
// Usage: node scripts/validate-manifest.js [manifest.xml]
"use strict";

const fs = require("fs");
const path = require("path");
const { validateXML } = require("xmllint-wasm");

const repoRoot = path.resolve(__dirname, "..");
const MAIN_SCHEMA = "OfficeAppManifestV1_1.xsd";

function fail(lines) {
  for (const line of lines) console.error(line);
  process.exit(1);
}

async function main() {
  const manifestPath = path.resolve(process.argv[2] || path.join(repoRoot, "manifest.xml"));
  const schemaDir = path.join(repoRoot, "schemas", "office-manifest");
  const manifestName = path.basename(manifestPath);

  if (!fs.existsSync(manifestPath)) fail([`找不到清单文件：${manifestPath}`]);
  if (!fs.existsSync(path.join(schemaDir, MAIN_SCHEMA))) {
    fail([`找不到清单架构：${path.join(schemaDir, MAIN_SCHEMA)}`, "仓库不完整：请重新克隆。"]);
  }

  // The main schema imports the others by bare file name, so they are preloaded under that name.
  const readSchema = (fileName) => ({ fileName, contents: fs.readFileSync(path.join(schemaDir, fileName), "utf8") });
  const preload = fs
    .readdirSync(schemaDir)
    .filter((name) => name.endsWith(".xsd") && name !== MAIN_SCHEMA)
    .map(readSchema);

  const result = await validateXML({
    xml: [{ fileName: manifestName, contents: fs.readFileSync(manifestPath, "utf8") }],
    schema: [readSchema(MAIN_SCHEMA)],
    preload,
  });

  if (result.valid) {
    console.log(`${manifestName} 通过校验`);
    return;
  }
  // Lines without a location are xmllint's quote of the offending source line: context, not errors.
  const count = result.errors.filter((e) => e.loc).length || result.errors.length;
  fail([
    `${manifestName} 未通过校验（${count} 个错误）：`,
    ...result.errors.map((e) => (e.loc ? `  第 ${e.loc.lineNumber} 行：${e.message}` : `      ${e.rawMessage}`)),
  ]);
}

main().catch((err) => fail([`清单校验无法进行：${err instanceof Error ? err.message : err}`]));
