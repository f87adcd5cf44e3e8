/** Today's date (UTC, YYYY-MM-DD): the default business date of commands and analyses. */
export const today = (): string => new Date().toISOString().slice(0, 10);
