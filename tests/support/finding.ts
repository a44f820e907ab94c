/** A finding for port tests: only where it is and how severe matter; the message names the rule. */
import type { Finding, Severity } from "../../src/domain/finding";

export function finding(rule: string, severity: Severity, sheet: string, cell: string): Finding {
  return { rule, severity, table: "T01", sheet, cell, related: [], message: `${rule} 的说明` };
}
