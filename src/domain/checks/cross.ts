import type { Check } from "./registry";

export const crossChecks: Check[] = [];
