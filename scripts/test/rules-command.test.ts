import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchDatabase } from './scratch-database.js';

const root = new URL('../..', import.meta.url).pathname;
const run = promisify(execFile);
let databaseUrl = '';
let dropDatabase: () => Promise<void> = async () => {};
let dir = '';

beforeAll(async () => {
  const database = await scratchDatabase('rules');
  databaseUrl = database.url;
  dropDatabase = () => database.drop();
  dir = await mkdtemp(join(tmpdir(), 'benvung-rules-'));
});
afterAll(async () => {
  await dropDatabase();
  await rm(dir, { recursive: true, force: true });
});

/** `pnpm rules …` as an operator runs it; never throws, answers the exit code and output. */
async function rules(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', join(root, 'scripts/rules.ts'), ...args],
      {
        cwd: root,
        env: { ...process.env, DATABASE_URL: databaseUrl },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const file = async (name: string, content: unknown) => {
  const path = join(dir, name);
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

describe('pnpm rules', { timeout: 60_000 }, () => {
  it('lists the shipped versions, exports the rules in force, and loads the export back as a new version', async () => {
    const list = await rules('list');
    expect(list.code, list.stderr).toBe(0);
    expect(
      list.stdout
        .trim()
        .split('\n')
        .map((l) => l.split('\t').slice(0, 3)),
    ).toEqual([
      ['1', '2000-01-01', 'vn-poverty-standards'],
      ['2', '2000-01-01', 'vn-list-year-rules'],
      ['3', '2000-01-01', 'vbsp-loans'],
      ['4', '2000-01-01', 'national-target-programmes'],
    ]);
    const exported = await rules('export', '--date', '2027-01-01');
    expect(exported.code, exported.stderr).toBe(0);
    const document = JSON.parse(exported.stdout) as Record<string, unknown>;
    expect((document.standards as Array<{ id: string }>).map((s) => s.id)).toContain('VN-2027-2030');

    const path = await file('export.json', {
      ...document,
      id: 'rules-2027-review',
      reason: 'The 2027 review of every rule',
    });
    const dry = await rules('load', path, '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/valid: would be version 5, in force from 2027-01-01/);
    expect((await rules('list')).stdout.trim().split('\n')).toHaveLength(4);

    const loaded = await rules('load', path, '--by', 'Trần Quản Trị');
    expect(loaded.code, loaded.stderr).toBe(0);
    expect(loaded.stdout).toMatch(/loaded as version 5 by Trần Quản Trị, in force from 2027-01-01/);
    const fifth = (await rules('list')).stdout.trim().split('\n')[4]?.split('\t');
    expect(fifth?.slice(0, 3)).toEqual(['5', '2027-01-01', 'rules-2027-review']);
    expect(fifth?.[4]).toBe('Trần Quản Trị');
  });

  it('refuses a malformed document with every problem (exit 2) and an inconsistent one (exit 1), recording nothing', async () => {
    const malformed = await rules(
      'load',
      await file('bad.json', {
        id: 'bad',
        title: 'bad',
        effectiveFrom: '2027-13-01',
        reason: 'x',
        loanRates: [{ programme: 'Student', annualRatePercent: -1, basis: 'b' }],
      }),
    );
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/effectiveFrom: Invalid ISO date/);
    expect(malformed.stderr).toMatch(/loanRates\.0\.annualRatePercent/);
    const inconsistent = await rules(
      'load',
      await file('orphan.json', {
        id: 'orphan-rate',
        title: 'a rate of no programme',
        effectiveFrom: '2027-01-01',
        reason: 'x',
        loanRates: [{ programme: 'gold_bars', annualRatePercent: 5, basis: 'b' }],
      }),
    );
    expect(inconsistent.code).toBe(1);
    expect(inconsistent.stderr).toMatch(/refused \(RULES_INVALID\)/);
    expect(inconsistent.stderr).toMatch(/loanRates\[gold_bars\]: unknown loan programme gold_bars/);
    expect((await rules('load', await file('not-json.json', '{'))).code).toBe(2);
    const versions = (await rules('list')).stdout.trim().split('\n');
    expect(versions.every((v) => !v.includes('orphan-rate') && !v.includes('\tbad\t'))).toBe(true);
  });
});
