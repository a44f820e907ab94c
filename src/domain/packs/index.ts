/**
 * The template packs that ship with the product (and a bureau's own, in its build of the task pane). Reading a pack
 * file is validate.ts's; here are the built-in packs as the CLI and the task pane use them.
 */
import type { Pack } from "./schema";
import { validatedPacks } from "./validate";
import { packHash } from "./versions";

export type * from "./schema";

/**
 * The built-in packs as JSON, validated when the CLI or the task pane was built (scripts/build-cli.js,
 * webpack.config.js): they start without running the schema over them (in the CLI a third of a `validate` run; in the
 * pane zod and the schemas are not even loaded). Undefined where the sources run as they are (tests, tsx).
 */
declare const VALIDATED_BUILTIN_PACKS: string | undefined;

/** Built-in packs, validated once when first asked for (a broken built-in pack is a bug, not user input). */
let builtins: Pack[] | undefined;
export function builtinPacks(): Pack[] {
  builtins ??= typeof VALIDATED_BUILTIN_PACKS === "undefined" ? validatedPacks() : (JSON.parse(VALIDATED_BUILTIN_PACKS) as Pack[]);
  return builtins;
}

export const DEFAULT_PACK_ID = "shanxi-2023";

/** The built-in pack of that id, if there is one. */
export function findBuiltinPack(id: string): Pack | undefined {
  return builtinPacks().find((p) => p.id === id);
}

/** The built-in pack of that id (the default pack without one); throws when there is none. */
export function builtinPack(id = DEFAULT_PACK_ID): Pack {
  const pack = findBuiltinPack(id);
  if (!pack) throw new Error(`没有内置的模板包：${id}`);
  return pack;
}

/** Whether `pack` is a built-in one as shipped (same id and content): a workbook need not carry it. */
export function isBuiltinPack(pack: Pack): boolean {
  const builtin = findBuiltinPack(pack.id);
  return builtin !== undefined && packHash(builtin) === packHash(pack);
}
