import type { Survival } from '../api/get-survival';
import { type PreparedCurve, prepareCurve, seriesStyle } from '../lib/km';

export type PublishedGroup = Survival['groups'][number];

/** A group as the survival screen shows it: its words, its curve (null when withheld), its colour. */
export interface SurvivalGroup {
  key: string;
  label: string;
  published: PublishedGroup;
  curve: PreparedCurve | null;
  colour: string;
  dash: string | undefined;
}

/** Groups in the server's order; colours go to the drawn (published) groups only, in that order. */
export function survivalGroups(
  groups: readonly PublishedGroup[],
  labelOf: (key: string) => string,
  limitOf: (key: string) => number | null = () => null,
): SurvivalGroup[] {
  let drawn = 0;
  return groups.map((g) => {
    const curve = prepareCurve(g, limitOf(g.key));
    const style = curve ? seriesStyle(drawn++) : { colour: '#868e96', dash: undefined };
    return { key: g.key, label: labelOf(g.key), published: g, curve, ...style };
  });
}
