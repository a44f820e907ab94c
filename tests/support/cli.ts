/** The CLI in-process for tests: a fresh temp folder per test, and `run` capturing what it prints. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli/main";

/**
 * Registers hooks that make and remove a temp folder — a fresh one for each test, or one for all the file's tests
 * (`"all"`); call the result for its path.
 */
export function useTempDir(prefix: string, scope: "each" | "all" = "each"): () => string {
  let dir = "";
  (scope === "each" ? beforeEach : beforeAll)(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  });
  (scope === "each" ? afterEach : afterAll)(() => fs.rmSync(dir, { recursive: true, force: true }));
  return () => dir;
}

/** `budget-disclosure ...args`, without exiting: the exit code and everything written to stdout and stderr. */
export async function runCli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(["node", "budget-disclosure", ...args], { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}
