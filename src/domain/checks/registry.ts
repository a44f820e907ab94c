/** Every check kind, and the run of a pack's check rows over a disclosure. */
import type { Finding } from "../finding";
import { compareFindings } from "../finding";
import type { CheckKind, CheckRow } from "../packs/checks";
import type { Pack } from "../packs/schema";
import type { Disclosure } from "../read/read";
import { arithmeticKinds } from "./arithmetic";
import { codeKinds } from "./codes";
import { CheckContext, type CheckOptions } from "./context";
import { crossKinds } from "./cross";
import { formKinds } from "./forms";
import { formulaKinds } from "./formula";
import { budgetActualKinds } from "./budget-actual";
import type { Kinds } from "./kind";
import { narrativeKinds, narrativeOf, readingsOf, type Reading } from "./narrative";
import { structureKinds } from "./structure";
import { textKinds } from "./text";

/** The compiler makes sure every kind a pack may name is implemented. */
const KINDS: Kinds<CheckKind> = { ...structureKinds, ...codeKinds, ...arithmeticKinds, ...crossKinds, ...formulaKinds, ...formKinds, ...narrativeKinds, ...budgetActualKinds, ...textKinds };

function run(ctx: CheckContext, check: CheckRow): void {
  (KINDS[check.kind] as (ctx: CheckContext, check: CheckRow) => void)(ctx, check);
}

/** What was read from each amount of the edited 情况说明 (validate --explain-text); none without an edited text. */
export function textReadings(disclosure: Disclosure, pack: Pack, options: CheckOptions): Reading[] {
  const n = narrativeOf(new CheckContext(disclosure, pack, options));
  return n ? readingsOf(n) : [];
}

/** The pack's check rows, in order. A table a row needs and the workbook lacks makes that row say nothing: S01 reports the table. */
export function runChecks(disclosure: Disclosure, pack: Pack, options: CheckOptions): Finding[] {
  const ctx = new CheckContext(disclosure, pack, options);
  for (const check of pack.checks) ctx.as(check, () => run(ctx, check));
  return ctx.findings.sort(compareFindings);
}
