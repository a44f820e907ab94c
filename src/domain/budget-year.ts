/** The budget years the add-in takes, wherever one is typed (task pane, CLI, catalogue files): a slip of a digit is refused. */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

export const isBudgetYear = (year: number): boolean => Number.isInteger(year) && year >= FIRST_YEAR && year <= LAST_YEAR;
