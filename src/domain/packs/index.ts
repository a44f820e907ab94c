/** The template packs that ship with the product. */
import shanxi2023 from "./shanxi-2023.json";
import { parsePack, type Pack } from "./schema";

export * from "./schema";

/** Built-in packs, validated once when first asked for (a broken built-in pack is a bug, not user input). */
let builtins: Pack[] | undefined;
export function builtinPacks(): Pack[] {
  builtins ??= [parsePack(shanxi2023)];
  return builtins;
}

export const DEFAULT_PACK_ID = "shanxi-2023";

export function builtinPack(id = DEFAULT_PACK_ID): Pack {
  const pack = builtinPacks().find((p) => p.id === id);
  if (!pack) throw new Error(`没有内置的模板包：${id}`);
  return pack;
}
