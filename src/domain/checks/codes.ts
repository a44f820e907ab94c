import type { Check } from "./registry";

export const codeChecks: Check[] = [];
