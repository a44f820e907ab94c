import type { Check } from "./registry";

export const arithmeticChecks: Check[] = [];
