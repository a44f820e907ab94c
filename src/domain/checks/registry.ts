/** The one place that lists the checks, and runs them over a disclosure. */
import type { Pack } from "../packs/schema";
import type { Disclosure } from "../read/read";
import { arithmeticChecks } from "./arithmetic";
import { codeChecks } from "./codes";
import { CheckContext, type CheckOptions } from "./context";
import { crossChecks } from "./cross";
import { formChecks } from "./forms";
import { narrativeChecks } from "./narrative";
import { compareFindings, type Finding } from "./finding";
import { structureChecks } from "./structure";

/** A check implements one or more rules of rules.ts; a table it needs and cannot find makes it say nothing. */
export interface Check {
  rules: string[];
  run(ctx: CheckContext): void;
}

export const CHECKS: Check[] = [...structureChecks, ...codeChecks, ...arithmeticChecks, ...crossChecks, ...narrativeChecks, ...formChecks];

export function runChecks(disclosure: Disclosure, pack: Pack, options: CheckOptions): Finding[] {
  const ctx = new CheckContext(disclosure, pack, options);
  for (const check of CHECKS) check.run(ctx);
  return ctx.findings.sort(compareFindings);
}
