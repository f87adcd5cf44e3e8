import type { MovementCount } from '@benvung/projections';

/** Vietnamese and English words. */
export interface Words {
  vi: string;
  en: string;
}

/** A figure of a list's balance: the list at the start or end of the year, or a movement column. */
export interface BalanceField {
  /** Its key in the JSON answer. */
  key: string;
  /** The list_movements / unit_year_stats column it reads; none for the start and end of the year. */
  column?: MovementCount;
  /** How it enters the balance: the start, a household leaving or joining, a subset of another, the end. */
  role: 'opening' | 'leave' | 'join' | 'subset' | 'closing';
  heading: Words;
}

/**
 * The balance of the poor list in the order of a province's yearly report ("diễn biến hộ nghèo"):
 * the start of the year, decreases, increases, the end. Headings as the forms word them.
 */
export const POOR_BALANCE: readonly BalanceField[] = [
  {
    key: 'opening',
    role: 'opening',
    heading: { vi: 'Số hộ nghèo đầu năm', en: 'Poor households at the start of the year' },
  },
  { key: 'escaped', column: 'escaped', role: 'leave', heading: { vi: 'Số hộ thoát nghèo', en: 'Escaped poverty' } },
  {
    key: 'escapedToNearPoor',
    column: 'escaped_to_near_poor',
    role: 'subset',
    heading: { vi: 'Trong đó: thoát nghèo nhưng còn cận nghèo', en: 'of which: became near-poor' },
  },
  {
    key: 'movedOut',
    column: 'poor_moved_out',
    role: 'leave',
    heading: { vi: 'Số hộ nghèo chuyển đi', en: 'Moved out' },
  },
  {
    key: 'closed',
    column: 'poor_closed',
    role: 'leave',
    heading: { vi: 'Số hộ nghèo giảm khác (không còn theo dõi)', en: 'Other decreases (follow-up closed)' },
  },
  { key: 'newly', column: 'newly_poor', role: 'join', heading: { vi: 'Số hộ nghèo phát sinh', en: 'Newly poor' } },
  {
    key: 'newlyFromNearPoor',
    column: 'newly_poor_from_near_poor',
    role: 'subset',
    heading: { vi: 'Trong đó: từ hộ cận nghèo', en: 'of which: from the near-poor list' },
  },
  {
    key: 'relapsed',
    column: 'relapsed',
    role: 'join',
    heading: { vi: 'Số hộ tái nghèo', en: 'Relapsed into poverty' },
  },
  { key: 'movedIn', column: 'poor_moved_in', role: 'join', heading: { vi: 'Số hộ nghèo chuyển đến', en: 'Moved in' } },
  {
    key: 'baseline',
    column: 'poor_baseline',
    role: 'join',
    heading: { vi: 'Số hộ nghèo ghi nhận khi bắt đầu theo dõi', en: 'On the list when follow-up began' },
  },
  {
    key: 'closing',
    role: 'closing',
    heading: { vi: 'Số hộ nghèo cuối năm', en: 'Poor households at the end of the year' },
  },
];

/** The balance of the near-poor list, in the same order. */
export const NEAR_POOR_BALANCE: readonly BalanceField[] = [
  {
    key: 'opening',
    role: 'opening',
    heading: { vi: 'Số hộ cận nghèo đầu năm', en: 'Near-poor households at the start of the year' },
  },
  {
    key: 'escaped',
    column: 'escaped_near_poverty',
    role: 'leave',
    heading: { vi: 'Số hộ thoát cận nghèo', en: 'Escaped near-poverty' },
  },
  {
    key: 'toPoor',
    column: 'near_poor_to_poor',
    role: 'leave',
    heading: { vi: 'Số hộ cận nghèo trở thành hộ nghèo', en: 'Became poor' },
  },
  {
    key: 'movedOut',
    column: 'near_poor_moved_out',
    role: 'leave',
    heading: { vi: 'Số hộ cận nghèo chuyển đi', en: 'Moved out' },
  },
  {
    key: 'closed',
    column: 'near_poor_closed',
    role: 'leave',
    heading: { vi: 'Số hộ cận nghèo giảm khác (không còn theo dõi)', en: 'Other decreases (follow-up closed)' },
  },
  {
    key: 'newly',
    column: 'newly_near_poor',
    role: 'join',
    heading: { vi: 'Số hộ cận nghèo phát sinh', en: 'Newly near-poor' },
  },
  {
    key: 'fromPoor',
    column: 'near_poor_from_poor',
    role: 'join',
    heading: { vi: 'Số hộ thoát nghèo thành hộ cận nghèo', en: 'Escaped poverty onto the near-poor list' },
  },
  {
    key: 'relapsed',
    column: 'relapsed_near_poverty',
    role: 'join',
    heading: { vi: 'Số hộ tái cận nghèo', en: 'Relapsed into near-poverty' },
  },
  {
    key: 'movedIn',
    column: 'near_poor_moved_in',
    role: 'join',
    heading: { vi: 'Số hộ cận nghèo chuyển đến', en: 'Moved in' },
  },
  {
    key: 'baseline',
    column: 'near_poor_baseline',
    role: 'join',
    heading: { vi: 'Số hộ cận nghèo ghi nhận khi bắt đầu theo dõi', en: 'On the list when follow-up began' },
  },
  {
    key: 'closing',
    role: 'closing',
    heading: { vi: 'Số hộ cận nghèo cuối năm', en: 'Near-poor households at the end of the year' },
  },
];

/** Households changing group while staying on the list (the unable-to-escape breakdown only). */
export const REGROUPED: readonly BalanceField[] = [
  { key: 'regroupedIn', role: 'join', heading: { vi: 'Chuyển vào nhóm trong năm', en: 'Came into the group' } },
  { key: 'regroupedOut', role: 'leave', heading: { vi: 'Chuyển ra khỏi nhóm trong năm', en: 'Left the group' } },
];

export const BALANCE_FIELDS = { poor: POOR_BALANCE, near_poor: NEAR_POOR_BALANCE } as const;
