import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { OpenAPIV3 } from 'openapi-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningGateway, startGateway } from './helpers.js';

/** The document the web app generates its client from: valid, and complete where clients rely on it. */
let gw: RunningGateway;
let doc: OpenAPIV3.Document;
beforeAll(async () => {
  gw = await startGateway();
  doc = (await (await fetch(`${gw.baseUrl}/openapi.json`)).json()) as OpenAPIV3.Document;
});
afterAll(async () => {
  await gw?.close();
});

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const operations = () =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const op = item?.[method];
      return op ? [{ path, method, op, name: `${method.toUpperCase()} ${path}` }] : [];
    }),
  );
const deref = <T>(value: T | OpenAPIV3.ReferenceObject): T => {
  if (!value || typeof value !== 'object' || !('$ref' in value)) return value as T;
  const [, , kind, name] = value.$ref.split('/');
  return (doc.components as Record<string, Record<string, T>>)[kind as string]?.[name as string] as T;
};
const headerParams = (op: OpenAPIV3.OperationObject) =>
  (op.parameters ?? []).map((p) => deref<OpenAPIV3.ParameterObject>(p)).filter((p) => p.in === 'header');

describe('GET /openapi.json', () => {
  it('passes redocly lint without errors', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'benvung-openapi-'));
    try {
      const file = join(dir, 'openapi.json');
      await writeFile(file, JSON.stringify(doc));
      const pkg = createRequire(import.meta.url).resolve('@redocly/cli/package.json');
      const bin = (JSON.parse(await readFile(pkg, 'utf8')) as { bin: Record<string, string> }).bin.redocly as string;
      const run = await promisify(execFile)(
        process.execPath,
        [join(dirname(pkg), bin), 'lint', file, '--format=json'],
        {
          env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
          maxBuffer: 20 * 1024 * 1024,
        },
      ).catch((err: { code: number; stdout: string }) => ({ stdout: err.stdout, exitCode: err.code }));
      const report = JSON.parse(run.stdout) as {
        totals: { errors: number; warnings: number };
        problems: Array<{ ruleId: string; severity: string; message: string; location: Array<{ pointer: string }> }>;
      };
      const errors = report.problems.filter((p) => p.severity === 'error');
      expect(errors.map((p) => `${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`)).toEqual([]);
      expect('exitCode' in run ? run.exitCode : 0).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('names and summarises every operation, each name once', () => {
    const missing = operations()
      .filter(({ op }) => !op.operationId || !op.summary)
      .map(({ name }) => name);
    expect(missing, 'operations without operationId or summary').toEqual([]);
    const ids = operations().map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-zA-Z0-9]+$/);
  });

  it('answers every 4xx as application/problem+json, with the shared Problem schema', () => {
    expect(doc.components?.schemas?.Problem).toMatchObject({ required: expect.arrayContaining(['code', 'status']) });
    for (const { name, op } of operations()) {
      for (const [status, ref] of Object.entries(op.responses)) {
        if (!status.startsWith('4')) continue;
        const response = deref<OpenAPIV3.ResponseObject>(ref);
        expect(Object.keys(response.content ?? {}), `${name} ${status}`).toEqual(['application/problem+json']);
        expect(response.content?.['application/problem+json']?.schema).toEqual({
          $ref: '#/components/schemas/Problem',
        });
      }
    }
  });

  it('documents 429 with Retry-After on every /v1 operation, 401 on every authenticated one', () => {
    const retryAfter = deref<OpenAPIV3.ResponseObject>(doc.components?.responses?.RateLimited ?? { $ref: '' });
    expect(Object.keys(retryAfter.headers ?? {})).toContain('Retry-After');
    for (const { path, name, op } of operations().filter(({ path }) => path.startsWith('/v1/'))) {
      expect(op.responses['429'], name).toEqual({ $ref: '#/components/responses/RateLimited' });
      const isPublic = Array.isArray(op.security) && op.security.length === 0;
      if (!isPublic) expect(op.responses['401'], name).toBeDefined();
      expect(
        headerParams(op).map((p) => p.name),
        `${name} (${path})`,
      ).toContain('Accept-Language');
    }
  });

  it('documents the headers the routes read and send', () => {
    const commands = operations().filter(({ op }) => op.tags?.includes('commands'));
    expect(commands.length).toBeGreaterThan(5);
    for (const { name, op } of [
      ...commands,
      ...operations().filter(({ op }) => op.operationId === 'registerHousehold'),
    ]) {
      expect(
        headerParams(op).map((p) => p.name),
        name,
      ).toEqual(expect.arrayContaining(['If-Match', 'Idempotency-Key']));
      const created = deref<OpenAPIV3.ResponseObject>(op.responses['201'] ?? { $ref: '' });
      expect(Object.keys(created.headers ?? {}), name).toContain('ETag');
    }
    for (const id of ['listHouseholds', 'getHousehold', 'listAffectedReviews', 'loadRuleVersion']) {
      const found = operations().find(({ op }) => op.operationId === id);
      expect(found && headerParams(found.op).map((p) => p.name), id).toEqual(
        expect.arrayContaining(['X-Wait-For-Position', 'X-Wait-Timeout-Ms']),
      );
    }
    const imported = doc.paths['/v1/imports']?.post?.responses['202'] as OpenAPIV3.ResponseObject;
    expect(Object.keys(imported.headers ?? {})).toContain('Location');
  });

  it('serves SVG, CSV and uploads of XLSX under their media types', () => {
    const content = (path: string) =>
      Object.keys(
        deref<OpenAPIV3.ResponseObject>(doc.paths[path]?.get?.responses['200'] ?? { $ref: '' })?.content ?? {},
      );
    expect(content('/v1/analytics/relapse/survival.svg')).toEqual(['image/svg+xml']);
    expect(content('/v1/analytics/relapse/episodes.csv')).toEqual(['text/csv']);
    expect(content('/v1/imports/{id}/report.csv')).toEqual(['text/csv']);
    const upload = deref<OpenAPIV3.RequestBodyObject | undefined>(doc.paths['/v1/imports']?.post?.requestBody);
    expect(upload?.content['multipart/form-data']?.encoding?.file?.contentType).toContain(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  });

  it('describes every parameter', () => {
    for (const { name, op } of operations()) {
      for (const p of (op.parameters ?? []).map((x) => deref<OpenAPIV3.ParameterObject>(x))) {
        const schema = p.schema as OpenAPIV3.SchemaObject | undefined;
        expect(p.description ?? schema?.description, `${name} ${p.in} ${p.name}`).toBeTruthy();
      }
    }
  });
});
