/**
 * The 情况说明 generated from the tables and the inputs: the pack's sections, each its sentence patterns filled in
 * with the section's figures (packs/document.ts says the placeholders). Reasons for a change (主要原因是…) are the
 * clerk's to write: the text states the change and stops there (N03 reminds). Where last year's figure was not
 * entered the text says nothing about change.
 */
import type { NarrativeSection } from "../inputs";
import { Decimal } from "../money";
import type { ChangeStyle, SectionDecl } from "../packs/document";
import { packText, type PackWords } from "../packs/text";
import { narrativeFacts, type Item, type NarrativeSource } from "./facts";
import { changeClause, missing, percent, wan } from "./wording";
import { inputFieldOf } from "../inputs/sheets";

/** A placeholder's text, and whether it has nothing to say (a part in [[ ]] holding it is then left out). */
interface Filled {
  text: string;
  empty: boolean;
}

const amountText = (it: Item): string => {
  if (it.amount === null) return missing(it.name);
  return it.unit === "个" ? `${it.amount.toFixed(0)}个` : wan(it.amount);
};

/** Fills a pattern: placeholders by `resolve`, parts in [[ ]] kept only when none of their placeholders is empty. */
function fill(pattern: string, resolve: (name: string) => Filled): string {
  const one = (text: string): Filled => {
    let empty = false;
    const out = text.replace(/\{([^{}]+)\}/g, (_m, name: string) => {
      const f = resolve(name);
      empty ||= f.empty;
      return f.text;
    });
    return { text: out, empty };
  };
  return pattern.replace(/\[\[([\s\S]*?)\]\]|([^[]+|\[)/g, (_m, optional: string | undefined, plain: string | undefined) => {
    if (optional === undefined) return one(plain ?? "").text;
    const f = one(optional);
    return f.empty ? "" : f.text;
  });
}

/** The texts of the pack's sections, by id, generated from the tables and inputs. */
function texts(source: NarrativeSource): Map<string, string> {
  const { pack, year, department } = source;
  const narrative = pack.narrative;
  const out = new Map<string, string>();
  if (!narrative) return out;
  const facts = narrativeFacts(source);
  const styles = Object.fromEntries(
    Object.entries(narrative.changes).map(([name, s]): [string, ChangeStyle] => [
      name,
      {
        ...s,
        than: packText(pack, s.than, year),
        same: packText(pack, s.same, year),
      },
    ]),
  );
  const common: Record<string, string> = { year: String(year), lastYear: String(year - 1), department, subject: pack.subject, scope: pack.scope };

  const itemPart = (it: Item, part: string | undefined, style: string | undefined): Filled => {
    switch (part) {
      case undefined:
        return { text: amountText(it), empty: it.amount === null };
      case "share":
        return { text: percent(it.share ?? new Decimal(0)), empty: it.share === undefined };
      case "previous":
        return { text: it.previous ? wan(it.previous) : "", empty: !it.previous };
      case "change": {
        const clause = changeClause(it.amount ?? new Decimal(0), it.previous, styles[style ?? "default"]);
        return { text: clause, empty: it.previous === null || it.previous === undefined };
      }
      default:
        return { text: it.name, empty: false };
    }
  };

  for (const section of narrative.sections) {
    const items = facts.sections[section.id];
    const byKey = new Map(items.map((it) => [it.key, it]));
    const listItems = (keys: string[]) => keys.flatMap((k) => byKey.get(k) ?? items.filter((it) => it.key.startsWith(`${k}:`)));
    const resolve = (name: string): Filled => {
      if (name in common) return { text: common[name], empty: false };
      const [head, rest] = name.split(":");
      if (head === "text") {
        const t = source.inputs.texts[rest]?.trim() ?? "";
        return { text: t || missing(inputFieldOf(pack, rest)?.label ?? rest), empty: t === "" };
      }
      if (head === "names") {
        const d = section.names![rest];
        const list = facts.names[section.id][rest] ?? [];
        return list.length ? { text: `${d.before ?? ""}${list.join(d.join)}${d.after ?? ""}`, empty: false } : { text: "", empty: true };
      }
      if (head === "list") {
        const d = section.lists![rest];
        const chosen = listItems(d.items).filter((it) => !d.nonZero || !(it.amount ?? new Decimal(0)).isZero());
        if (!chosen.length) return { text: "", empty: true };
        const lines = chosen.map((it, i) =>
          fill(d.format, (n) => {
            const [h, style] = n.split(":");
            if (h === "n") return { text: String(i + 1), empty: false };
            if (h === "name") return { text: it.name, empty: false };
            if (h === "amount") return itemPart(it, undefined, undefined);
            if (h in common) return { text: common[h], empty: false };
            return itemPart(it, h, style);
          }),
        );
        return { text: `${d.before ?? ""}${lines.join(d.join)}${d.after ?? ""}`, empty: false };
      }
      const [key, part] = head.split(".");
      const it = byKey.get(key);
      return it ? itemPart(it, part, rest) : { text: "", empty: true };
    };
    const paragraphs = section.text.flatMap((p) => {
      if (typeof p !== "string" && p.when === "forms" && source.inputs.forms.length === 0) return [];
      // A paragraph that is all [[ ]] left out is no paragraph.
      const text = fill(typeof p === "string" ? p : p.text, resolve);
      return text === "" ? [] : [text];
    });
    out.set(section.id, paragraphs.join("\n"));
  }
  return out;
}

/** A section's title with its year, and its 部门/单位. */
export const sectionTitle = (pack: PackWords, section: Pick<SectionDecl, "title">, year: number): string => packText(pack, section.title, year);

/** A section's heading as printed: 一、部门预算收支数据变动情况及原因; none for an unnumbered one. */
export function sectionHeading(pack: PackWords, section: Pick<SectionDecl, "number" | "title">, year: number): string {
  return section.number ? `${section.number}、${sectionTitle(pack, section, year)}` : "";
}

/** The pack's sections in order, titled with the year (the number stands in `number`). */
export function generateNarrative(source: NarrativeSource): NarrativeSection[] {
  const t = texts(source);
  return (source.pack.narrative?.sections ?? []).map((s) => ({
    id: s.id,
    number: s.number,
    title: sectionTitle(source.pack, s, source.year),
    text: t.get(s.id) ?? "",
  }));
}
