#!/usr/bin/env node
"use strict";
// The compiled CLI (dist-cli/, built by `npm install` or `npm run build:cli`); in a checkout not yet built, the
// TypeScript sources through tsx's loader.
const fs = require("fs");
const path = require("path");

const compiled = path.join(__dirname, "../dist-cli/main.js");
let cli;
if (fs.existsSync(compiled)) cli = require(compiled);
else {
  require("tsx/cjs");
  cli = require("../src/cli/main.ts");
}
cli.main(process.argv).then((code) => {
  // exitCode rather than process.exit(): piped output is flushed before the process ends.
  process.exitCode = code;
});
