import type { Check } from "./registry";

export const structureChecks: Check[] = [];
