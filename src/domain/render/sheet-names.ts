/** Sheet names as Excel allows them: ≤ 31 characters, unique ignoring case. */

export const MAX_SHEET_NAME = 31;

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
