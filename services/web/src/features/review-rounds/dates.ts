/** The list year a round opened on a date decides by default: a periodic one from September, the next. */
export function defaultListYear(kind: 'periodic' | 'regular', openedOn: string): number {
  const year = Number(openedOn.slice(0, 4));
  return kind === 'periodic' && Number(openedOn.slice(5, 7)) >= 9 ? year + 1 : year;
}

/**
 * The campaign window of a list year, as the list-year rule in force says (periodic: 1 September – 14
 * December of the year before its lists), and whether a date lies outside it (a reason is then needed).
 */
export function campaignWindow(
  campaign: { from: string; to: string; listYearOffset: number } | undefined,
  listYear: number | '',
  on: string,
): { from: string; to: string; outside: boolean } | undefined {
  if (!campaign || listYear === '') return undefined;
  const year = listYear - campaign.listYearOffset;
  const from = `${year}-${campaign.from}`;
  const to = `${year}-${campaign.to}`;
  return { from, to, outside: on < from || on > to };
}
