/**
 * `pnpm bench import`: a province's list of 100,000 households (Cà Mau's real communes, Vietnamese
 * headers) imported as the CLI and POST /v1/imports import it — read, every row checked, each written
 * as a registration and a baseline review — against the baseline of appending the same events with
 * nothing checked (the store's own speed for this work), in one run on a scratch database.
 * Goal: 100,000 rows in under 2 minutes. BENCH_IMPORT_ROWS changes the size. Last line: one JSON object.
 */
import { performance } from 'node:perf_hooks';
import {
  DEFAULT_DECIDE_CONTEXT,
  decide,
  encodeHouseholdEvent,
  evolve,
  householdStreamId,
  initialState,
  SHIPPED_RULE_BOOK,
} from '@benvung/domain';
import { migrateEventStore, PostgresEventStore } from '@benvung/event-store';
import { loadNationalGeography } from '@benvung/geography';
import { importList } from '@benvung/imports';
import { openBenchDatabase } from './lib/bench-database.js';
import { round } from './lib/measure.js';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const CONCURRENCY = 8;
const GOAL_SECONDS = 120;

const HEADER =
  'STT,Mã hộ,Họ và tên chủ hộ,Năm sinh,Dân tộc,Số nhân khẩu,Thôn/ấp/bản,Mã xã,Phân loại,Năm,Thu nhập bình quân,Các chỉ số thiếu hụt,Số quyết định';
const NAMES = [
  'Nguyễn Văn An',
  'Trần Thị Bình',
  'Lê Văn Cường',
  'Thạch Sô Phanh',
  'Danh Sơn',
  'Phạm Thị Dung',
  'Lâm Văn Sáu',
];
const ETHNIC = ['Kinh', 'Kinh', 'Kinh', 'Khmer', 'Hoa'];
const DEPRIVATIONS = [
  '"Việc làm, Bảo hiểm y tế, Nhà tiêu hợp vệ sinh"',
  'Nguồn nước sinh hoạt',
  '',
  '"Dinh dưỡng; Chất lượng nhà ở"',
];

async function main(): Promise<void> {
  const { registry } = await loadNationalGeography();
  const communes = registry.units.filter(
    (u) => u.level === 'commune' && u.parentCode === '96' && registry.find(u.code, '2026-01-01') === u,
  );
  const lines = [HEADER];
  for (let i = 0; i < ROWS; i++) {
    const poor = i % 3 !== 0;
    const commune = communes[i % communes.length]?.code ?? '31843';
    lines.push(
      [
        i + 1,
        `CM-${String(i).padStart(7, '0')}`,
        NAMES[i % NAMES.length],
        1950 + (i % 50),
        ETHNIC[i % ETHNIC.length],
        1 + (i % 7),
        `Ấp ${1 + (i % 12)}`,
        commune,
        poor ? 'Hộ nghèo' : 'Hộ cận nghèo',
        2026,
        i % 4 === 0 ? '' : `${1_000_000 + (i % 400) * 1000}`,
        DEPRIVATIONS[i % DEPRIVATIONS.length],
        '512/QĐ-UBND',
      ].join(','),
    );
  }
  const file = { name: 'ca-mau-2026.csv', bytes: new TextEncoder().encode(`${lines.join('\n')}\n`) };

  const baselineDb = await openBenchDatabase();
  const importDb = await openBenchDatabase();
  console.log(
    `import bench: ${ROWS.toLocaleString('en')} rows of ${communes.length} communes, on ${baselineDb.description}`,
  );
  try {
    // Baseline: the same two events per household, decided up front, appended with nothing checked.
    const baseStore = new PostgresEventStore({ connectionString: baselineDb.url, maxPoolSize: CONCURRENCY + 2 });
    await migrateEventStore(baseStore.pool);
    const ctx = { ...DEFAULT_DECIDE_CONTEXT, units: registry, rules: SHIPPED_RULE_BOOK };
    const batches = Array.from({ length: ROWS }, (_, i) => {
      const id = crypto.randomUUID();
      const registered = decide(
        {
          type: 'RegisterHousehold',
          householdId: id,
          head: { fullName: NAMES[i % NAMES.length] ?? 'x' },
          memberCount: 4,
          unitCode: communes[i % communes.length]?.code ?? '31843',
          occurredOn: '2026-01-01',
        },
        initialState(),
        ctx,
      );
      const assessed = decide(
        {
          type: 'AssessHousehold',
          householdId: id,
          assessment: {
            reviewType: 'baseline',
            effectiveDate: '2026-01-01',
            listYear: 2026,
            listedAs: 'poor',
            deprivations: [],
          },
        },
        registered.reduce(evolve, initialState()),
        ctx,
      );
      return { id, events: [...registered, ...assessed] };
    });
    const t0 = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < batches.length) {
          const b = batches[next++];
          if (!b) break;
          await baseStore.appendToStream(
            householdStreamId(b.id),
            b.events.map((e) => ({
              ...encodeHouseholdEvent(e),
              occurredAt: new Date(),
              metadata: { actorId: 'bench', actorRole: 'admin' },
            })),
            { expectedVersion: 'no_stream' },
          );
        }
      }),
    );
    const baselineSeconds = (performance.now() - t0) / 1000;
    await baseStore.close();

    // Ours: the whole import, from the file's bytes.
    const store = new PostgresEventStore({ connectionString: importDb.url, maxPoolSize: CONCURRENCY + 2 });
    await migrateEventStore(store.pool);
    const t1 = performance.now();
    const summary = await importList(
      { file },
      { registry, rules: SHIPPED_RULE_BOOK },
      {
        store,
        context: ctx,
        actor: { id: 'bench', role: 'admin' },
        correlationId: crypto.randomUUID(),
        concurrency: CONCURRENCY,
      },
    );
    const seconds = (performance.now() - t1) / 1000;
    await store.close();
    if (summary.imported !== ROWS)
      throw new Error(`imported ${summary.imported} of ${ROWS}: ${JSON.stringify(summary.problems.slice(0, 3))}`);

    const figures = {
      rows: ROWS,
      baseline: {
        name: 'append the same events, nothing checked',
        seconds: round(baselineSeconds, 1),
        rowsPerSecond: round(ROWS / baselineSeconds),
      },
      ours: {
        name: 'pnpm lists import (read, check, decide, append)',
        seconds: round(seconds, 1),
        rowsPerSecond: round(ROWS / seconds),
      },
      ratio: round(baselineSeconds / seconds, 2),
      goalSeconds: GOAL_SECONDS * (ROWS / 100_000),
      meetsGoal: seconds <= GOAL_SECONDS * (ROWS / 100_000),
    };
    console.log(
      `baseline  ${figures.baseline.name}: ${figures.baseline.seconds} s (${figures.baseline.rowsPerSecond} rows/s)`,
    );
    console.log(`ours      ${figures.ours.name}: ${figures.ours.seconds} s (${figures.ours.rowsPerSecond} rows/s)`);
    console.log(
      `ratio     ${figures.ratio} of the baseline's speed; goal ${figures.goalSeconds} s: ${figures.meetsGoal ? 'met' : 'NOT met'}`,
    );
    console.log(JSON.stringify(figures));
  } finally {
    await baselineDb.release();
    await importDb.release();
  }
}

await main();
