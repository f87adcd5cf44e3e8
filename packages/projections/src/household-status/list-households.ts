import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import type { ReadModelDatabase } from '../tables/database.js';
import type { HouseholdStatusRow } from '../tables/household-status.js';
import { HOUSEHOLD_FLAG_COLUMNS, type HouseholdFlag } from './flags.js';
import { NATIONAL_ID_PATTERN, nameSearchKey, nationalIdDigest } from './search-keys.js';

/** What a list can be sorted by. */
export const HOUSEHOLD_SORT_KEYS = ['name', 'code', 'registered', 'updated'] as const;
export type HouseholdSortKey = (typeof HOUSEHOLD_SORT_KEYS)[number];

const SORT_COLUMNS = {
  // The folded name: "Đặng" sorts with "Dang", as people read it, not after "Z".
  name: 'head_name_search',
  code: 'household_code',
  registered: 'registered_on',
  updated: 'updated_at',
} as const;

/** The household_status columns a list shows, with those its flags derive from. */
export const HOUSEHOLD_LIST_COLUMNS = [
  'household_id',
  'household_code',
  'unit_code',
  'area',
  'village',
  'member_count',
  'head_name',
  'classification',
  'registered_on',
  'version',
  'updated_at',
  ...HOUSEHOLD_FLAG_COLUMNS,
] as const;
export type HouseholdListRow = Pick<HouseholdStatusRow, (typeof HOUSEHOLD_LIST_COLUMNS)[number]>;

/**
 * Counting stops here: a count visits every matching row (a province holds tens of thousands), and a
 * commune, where a case worker pages, holds fewer.
 */
const DEFAULT_COUNT_UP_TO = 10_000;

/** Columns that may be null: those go last in either direction (an erased name, a household without code). */
const NULLABLE: ReadonlySet<HouseholdSortKey> = new Set(['name', 'code']);

export interface HouseholdListQuery {
  /** The caller's units, expanded (old codes included); nothing else is ever listed. */
  unitCodes: readonly string[];
  /**
   * The head's name (accents, case and spacing ignored; any part of it, "van an"), a household code
   * (its beginning, case ignored) or an ID number of the head or a member (9 or 12 digits, exactly).
   */
  search?: string;
  /** Exactly as recorded. */
  village?: string;
  classification?: HouseholdStatusRow['classification'];
  /** Active or closed households only. */
  status?: HouseholdStatusRow['status'];
  flag?: HouseholdFlag;
  /** The day flags are judged on (newly escaped), YYYY-MM-DD; today (UTC) when omitted. */
  today?: string;
  /** Ties are broken by household id, in the same direction: a stable order for paging. By id when omitted. */
  sort?: { key: HouseholdSortKey; descending?: boolean };
  /** Keyset cursor, for the default order only: households with a larger id. */
  afterId?: string;
  offset?: number;
  limit: number;
  /** Matching households are counted up to this many (default 10,000). */
  countUpTo?: number;
  /** Units holding at most this many households have all their matches sorted (default 10,000). */
  sortAllUpTo?: number;
}

export interface HouseholdPage {
  rows: HouseholdListRow[];
  /** Matching households (the cursor and offset aside), at most `countUpTo`. */
  total: number;
  /** False when counting stopped at `countUpTo`. */
  totalExact: boolean;
}

type Eb = ExpressionBuilder<ReadModelDatabase, 'household_status'>;

/** LIKE's wildcards (and its escape character) in a search are matched literally. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, '\\$&');

function searchCondition(eb: Eb, unitCodes: readonly string[], search: string): Expression<SqlBool> {
  const text = search.trim();
  // Each branch on its own index, so PostgreSQL can OR the bitmaps instead of reading every row of a province.
  const branches: Expression<SqlBool>[] = [
    eb.and([
      eb('unit_code', 'in', [...unitCodes]),
      eb(eb.fn('lower', ['household_code']), 'like', `${likeLiteral(text.toLowerCase())}%`),
    ]),
  ];
  if (NATIONAL_ID_PATTERN.test(text)) {
    // ARRAY(…) is computed once, so the primary key finds the households (IN would be a filter).
    branches.push(sql<SqlBool>`household_id = ANY(ARRAY(
      SELECT n.household_id FROM household_national_ids n WHERE n.digest = ${nationalIdDigest(text)}))`);
  }
  const name = nameSearchKey(text);
  if (name !== '' && !/^[\d\s]+$/.test(name)) {
    branches.push(eb('head_name_search', 'like', `%${likeLiteral(name)}%`));
  }
  return eb.or(branches);
}

function flagCondition(eb: Eb, flag: HouseholdFlag, today: string): Expression<SqlBool> {
  switch (flag) {
    case 'unable_to_escape':
      return eb('unable_to_escape', '=', true);
    case 'newly_escaped':
      return eb('newly_escaped_until', '>', today);
    case 'relapsed':
      return eb.or([eb('relapsed_count', '>', 0), eb('relapsed_near_poverty_count', '>', 0)]);
    case 'closed':
      return eb('status', '=', 'closed');
    default: {
      const _exhaustive: never = flag;
      throw new Error(`unknown household flag ${String(_exhaustive)}`);
    }
  }
}

function matching(q: HouseholdListQuery, today: string) {
  return (eb: Eb) => {
    const and: Expression<SqlBool>[] = [eb('unit_code', 'in', [...q.unitCodes])];
    if (q.search?.trim()) and.push(searchCondition(eb, q.unitCodes, q.search));
    if (q.village !== undefined) and.push(eb('village', '=', q.village));
    if (q.classification) and.push(eb('classification', '=', q.classification));
    if (q.status) and.push(eb('status', '=', q.status));
    if (q.flag) and.push(flagCondition(eb, q.flag, today));
    return eb.and(and);
  };
}

/** Up to this many households in the listed units, a page sorts all their matches (a commune holds fewer). */
const DEFAULT_SORT_ALL_UP_TO = 10_000;

/** Whether the units hold at most `upTo` households: counted on the unit index, stopping past it. */
async function holdsFew(db: Kysely<ReadModelDatabase>, unitCodes: readonly string[], upTo: number): Promise<boolean> {
  if (upTo <= 0) return false;
  const counted = await db
    .selectFrom((eb) =>
      eb
        .selectFrom('household_status')
        .select(sql`1`.as('one'))
        .where('unit_code', 'in', [...unitCodes])
        .limit(upTo + 1)
        .as('units'),
    )
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(counted.n) <= upTo;
}

/**
 * A page of the households of the given units that match, in a stable order, with how many match.
 * Within a commune everything runs on the unit's rows (an index on unit_code finds them); across a
 * province each search branch, and the name and registration orders, have indexes of their own
 * (migration 2026-12-06T1500-household-search).
 */
export async function listHouseholds(db: Kysely<ReadModelDatabase>, q: HouseholdListQuery): Promise<HouseholdPage> {
  if (q.unitCodes.length === 0) return { rows: [], total: 0, totalExact: true };
  const where = matching(q, q.today ?? new Date().toISOString().slice(0, 10));
  const offset = q.offset ?? 0;
  // A few thousand households (a commune): sort every match of the units. Otherwise PostgreSQL walks
  // the order's index and filters, expecting the units' rows spread evenly over it; at national size
  // a commune's twentieth match came after 60,000 rows read at random (0.7 s instead of 10 ms).
  // OFFSET 0 keeps the inner query whole, so its plan finds the units' rows by their index.
  const source = (await holdsFew(db, q.unitCodes, q.sortAllUpTo ?? DEFAULT_SORT_ALL_UP_TO))
    ? db.selectFrom((eb) => eb.selectFrom('household_status').selectAll().where(where).offset(0).as('household_status'))
    : db.selectFrom('household_status').where(where);
  let page = source.select(HOUSEHOLD_LIST_COLUMNS);
  if (q.sort) {
    const { key, descending } = q.sort;
    // Ascending is the indexes' own order (nulls last), so a province-wide page reads from them.
    page = descending
      ? page.orderBy(SORT_COLUMNS[key], (ob) => (NULLABLE.has(key) ? ob.desc().nullsLast() : ob.desc()))
      : page.orderBy(SORT_COLUMNS[key], 'asc');
    page = page.orderBy('household_id', descending ? 'desc' : 'asc');
  } else {
    page = page.orderBy('household_id');
    if (q.afterId) page = page.where('household_id', '>', q.afterId);
  }
  const rows = await page.limit(q.limit).offset(offset).execute();

  // A short page that is not past the end says how many match: no count needed.
  if (!q.afterId && rows.length < q.limit && (rows.length > 0 || offset === 0)) {
    return { rows, total: offset + rows.length, totalExact: true };
  }
  const upTo = q.countUpTo ?? DEFAULT_COUNT_UP_TO;
  const counted = await db
    .selectFrom((eb) =>
      eb
        .selectFrom('household_status')
        .select(sql`1`.as('one'))
        .where(where)
        .limit(upTo + 1)
        .as('matching'),
    )
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const n = Number(counted.n);
  return { rows, total: Math.min(n, upTo), totalExact: n <= upTo };
}
