/** The report as JSON for programs — the CLI's `--format json` and the export's 校验报告.json alike — and read back for `--baseline`. */
import { z } from "zod";
import { findingKey } from "../explanations";
import { summaryOf, type Report } from "./model";

export function reportJson(report: Report): string {
  const all = report.files.flatMap((f) => f.findings);
  const out = {
    checked_at: report.checkedAt.toISOString(),
    strict: report.strict,
    ...(report.draft !== undefined ? { draft: report.draft } : {}),
    summary: { files: report.files.length, ...summaryOf(all) },
    files: report.files.map((r) => ({
      file: r.file,
      ...(r.department !== undefined ? { department: r.department } : {}),
      ...(r.year !== undefined ? { year: r.year } : {}),
      ...(r.pack ? { pack: r.pack } : {}),
      tables_found: r.tablesFound,
      // A file that could not be checked has nothing to count.
      ...(r.error === undefined ? { summary: summaryOf(r.findings) } : {}),
      findings: r.findings,
      ...(r.error !== undefined ? { error: r.error } : {}),
      ...(r.readings ? { readings: r.readings } : {}),
    })),
    ...(report.missing ? { missing: report.missing } : {}),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

const baselineSchema = z.object({
  files: z.array(
    z.object({
      file: z.string(),
      findings: z.array(z.object({ rule: z.string(), sheet: z.string(), cell: z.string(), actual: z.string().optional(), expected: z.string().optional() })),
    }),
  ),
});

/**
 * The findings of an earlier JSON report, by file, as keys (rule, cell, figures); throws, naming the field, when the
 * text is not such a report.
 */
export function baselineOf(text: string): Map<string, Set<string>> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`不是 JSON 文件：${(e as Error).message}`);
  }
  const parsed = baselineSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`不是 validate --format json 的报告：${issue.path.join(".") || "（根）"}：${issue.message}`);
  }
  return new Map(parsed.data.files.map((f) => [f.file, new Set(f.findings.map(findingKey))]));
}
