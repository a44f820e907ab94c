/** Sheet names as Excel allows them: ≤ 31 characters, unique ignoring case. */

export const MAX_SHEET_NAME = 31;

/** Why Excel would refuse `name` as a sheet name (in Chinese), or null when it is fine. */
export function sheetNameProblem(name: string): string | null {
  if (name.trim() === "") return "工作表名称不能为空";
  if (name.length > MAX_SHEET_NAME) return `工作表名称不能超过 ${MAX_SHEET_NAME} 个字符`;
  if (/[:\\/?*[\]]/.test(name)) return "工作表名称不能包含 : \\ / ? * [ ]";
  if (name.startsWith("'") || name.endsWith("'")) return "工作表名称不能以单引号开头或结尾";
  if (name.toLowerCase() === "history") return "History 是 Excel 保留的工作表名称";
  return null;
}

export function isNameTaken(name: string, existing: string[]): boolean {
  const lower = name.toLowerCase();
  return existing.some((e) => e.toLowerCase() === lower);
}

/** A free variant of `name`: "表1 预算收支总表 (2)", "(3)" …, shortened to fit 31 characters. */
export function freeSheetName(name: string, existing: string[]): string {
  if (!isNameTaken(name, existing)) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = name.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!isNameTaken(candidate, existing)) return candidate;
  }
}
