// Preloaded (node -r) into a CLI process by tests/unit/cli-compiled.test.ts: on exit, every CommonJS module it loaded.
"use strict";
process.on("exit", () => process.stderr.write(`\nLOADED ${JSON.stringify(Object.keys(require.cache))}`));
