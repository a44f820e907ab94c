/**
 * 第三部分 情况说明, 第四部分 名词解释 and the 目录 as a seed disclosure prints them, for comparing what the narrative
 * module generates with the published text, and for checking published text.
 */
import type { GlossaryEntry, NarrativeSection } from "../../src/domain/inputs";
import { Decimal, formatAmount } from "../../src/domain/money";
import { builtinPack } from "../../src/domain/packs";
import { readSeed } from "./seed-text";

type Seed = "jincheng" | "datong";

/** The section numbers of the Shanxi 情况说明, in order. */
const NUMBERS = builtinPack("shanxi-2023").narrative!.sections.map((s) => s.number);

/** The seed's lines, trimmed, without the list dashes of the OCR'd seed. */
const lines = (seed: Seed) =>
  readSeed(seed)
    .split("\n")
    .map((l) => l.trim().replace(/^- /, ""));

/** What the OCR'd seed read off a chart: labels (2178万元79.56%) and garbage (|双ム万||東升|). */
const CHART_LABEL = /^[\d,.]+万元[\d.]+%$|\|/;
/** A line of a sentence (a comma or a list in it) that ends without a stop. */
const WRAPPED = /[，,、：:][^\n]{5,}[^。；;：:！？”）)\s]\n$/;

/**
 * Sections 一 … 十二 in order, each line of text a line of `text`. A section's text ends at its first table line
 * (the forms of 十, the 目录 attached to 十二); chart captions (…结构图, …分布图) are left out.
 */
export function seedNarrative(seed: Seed): NarrativeSection[] {
  const all = lines(seed);
  const part = all.lastIndexOf("第三部分 2023年度部门预算情况说明");
  const end = all.lastIndexOf("第四部分 名词解释");
  const sections: NarrativeSection[] = [];
  let inTables = false;
  for (const line of all.slice(part + 1, end)) {
    const next = NUMBERS[sections.length];
    if (next && line.startsWith(`${next}、`)) {
      sections.push({ number: next, title: line.slice(next.length + 1), text: "" });
      inTables = false;
    } else if (line.includes("\t") || /^晋城市财政局文件$/.test(line)) inTables = true;
    else if (sections.length && !inTables && line !== "" && !/结构图$|分布图$/.test(line) && !CHART_LABEL.test(line.replace(/\s/g, ""))) {
      const s = sections[sections.length - 1];
      // The OCR'd seed breaks a sentence at a page end (…与上年预算数 / 相同。): the text goes on.
      s.text = WRAPPED.test(s.text) ? `${s.text.slice(0, -1)}${line}\n` : `${s.text}${line}\n`;
    }
  }
  return sections.map((s) => ({ ...s, text: s.text.trim() }));
}

/** 名词解释: 一、term：text (一般公共预算 and 国有资本经营预算 are printed without the colon). */
export function seedGlossary(seed: Seed): GlossaryEntry[] {
  const all = lines(seed);
  const entries: GlossaryEntry[] = [];
  for (const line of all.slice(all.lastIndexOf("第四部分 名词解释") + 1).filter((l) => l !== "")) {
    const m = /^[一二三四五六七八九十]+、(.+?)(?:[：:]|(?=是))(.*)$/.exec(line);
    if (m) entries.push({ term: m[1], text: m[2] });
    else entries[entries.length - 1].text += line;
  }
  return entries;
}

/** The 目录 lines without dots and page numbers. */
export function seedContents(seed: Seed): string[] {
  const all = lines(seed);
  const start = all.indexOf("目 录");
  const end = all.findIndex((l, i) => i > start && l.startsWith("第四部分"));
  return all
    .slice(start + 1, end + 1)
    .filter((l) => l !== "")
    .map((l) => l.replace(/\.{2,}.*$/, "").replace(/\t.*$/, ""));
}

/**
 * Sentences as compared: no whitespace, ASCII punctuation as the full-width forms the seeds print elsewhere, amounts in
 * 万元 with two decimals and thousands separators (the seeds print 1,090.3, 0万元 beside 0.00万元, 15621.11万元).
 */
export function sentences(s: string): string[] {
  return s
    .replace(/\s+/g, "")
    .replace(/,(?!\d{3})/g, "，")
    .replace(/;/g, "；")
    .replace(/:/g, "：")
    .replace(/\(/g, "（")
    .replace(/\)/g, "）")
    .replace(/(\d[\d,]*(?:\.\d+)?)万元/g, (_m, n: string) => `${formatAmount(new Decimal(n.replace(/,/g, "")))}万元`)
    .split(/(?<=[。；])/)
    .filter((x) => x !== "");
}
