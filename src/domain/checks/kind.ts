/** A check kind: the code of one kind of check, run once per check row of that kind in the pack. */
import type { CheckKind, CheckOf } from "../packs/checks";
import type { CheckContext } from "./context";

export type KindRun<K extends CheckKind> = (ctx: CheckContext, check: CheckOf<K>) => void;

/** Implementations of some kinds, by kind. */
export type Kinds<K extends CheckKind> = { [P in K]: KindRun<P> };
