/** 1 → 一, 10 → 十, 21 → 二十一 (up to 99): the numbering of the 30 类 rows, sections and glossary entries. */
const DIGITS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

export function chineseNumber(n: number): string {
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 0 ? "" : tens === 1 ? "十" : `${DIGITS[tens]}十`}${DIGITS[ones]}`;
}
