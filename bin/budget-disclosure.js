#!/usr/bin/env node
"use strict";
// Runs the TypeScript sources without a build step: tsx/cjs registers tsx's loader for require().
require("tsx/cjs");
require("../src/cli/main.ts")
  .main(process.argv)
  .then((code) => {
    // exitCode rather than process.exit(): piped output is flushed before the process ends.
    process.exitCode = code;
  });
