import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isProblemCode, PROBLEM_LOCALES, PROBLEM_MESSAGES } from '@benvung/domain';
import { describe, expect, it } from 'vitest';

/**
 * Every problem code the code base can answer has a title and detail in Vietnamese and English: the
 * codes are read from the sources (HttpProblem, problem inputs, the store's errors, domainError), so a
 * new code without texts fails here rather than reaching a user untranslated.
 */
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'test') return [];
    return statSync(path).isDirectory() ? sources(path) : /(?<!\.test)\.ts$/.test(name) ? [path] : [];
  });
}

const read = (files: string[]) => files.map((f) => ({ file: f.slice(ROOT.length), text: readFileSync(f, 'utf8') }));
const gateway = read(sources(join(ROOT, 'services/gateway/src')));
const packages = read(readdirSync(join(ROOT, 'packages')).flatMap((p) => sources(join(ROOT, 'packages', p, 'src'))));

function codes(files: typeof gateway, pattern: RegExp): Map<string, string> {
  const found = new Map<string, string>();
  for (const { file, text } of files) for (const m of text.matchAll(pattern)) found.set(m[1] as string, file);
  return found;
}

/** The store's errors the problem plugin answers under another code. */
const ANSWERED_AS_OTHER = new Set(['STREAM_NOT_FOUND']);
/** Codes Fastify and @fastify/multipart give, which the plugin passes on without `FST_ERR_`. */
const FRAMEWORK = [
  'BAD_URL',
  'INVALID_URL',
  'MAX_PARAM_LENGTH',
  'CTP_INVALID_MEDIA_TYPE',
  'CTP_INVALID_CONTENT_LENGTH',
  'CTP_EMPTY_JSON_BODY',
  'CTP_INVALID_JSON_BODY',
  'FST_REQ_FILE_TOO_LARGE',
  'FST_FILES_LIMIT',
  'FST_FIELDS_LIMIT',
  'FST_PARTS_LIMIT',
  'FST_PROTO_VIOLATION',
  'FST_INVALID_MULTIPART_CONTENT_TYPE',
  'FST_INVALID_JSON_FIELD_ERROR',
  'FST_MP_PREMATURE_CLOSE',
];

/** Helpers that build an HttpProblem from a code they are given: `const problem = (code: string, …) =>`. */
const HELPER = /const (\w+) = \(code: string[^)]*\)(?::[^=]+)? =>\s*new HttpProblem\(/g;
const helpers = gateway.flatMap(({ text }) => [...text.matchAll(HELPER)].map((m) => m[1] as string));

const raised = new Map([
  ...codes(gateway, /new HttpProblem\(\s*[^,]+,\s*'([A-Z][A-Z0-9_]*)'/g),
  ...helpers.flatMap((name) => [...codes(gateway, new RegExp(`\\b${name}\\(\\s*'([A-Z][A-Z0-9_]*)'`, 'g'))]),
  ...codes(gateway, /\bcode:\s*'([A-Z][A-Z0-9_]*)'/g),
  ...codes(packages, /\bdomainError\(\s*'([A-Z][A-Z0-9_]*)'/g),
  ...[...codes(packages, /readonly code = '([A-Z][A-Z0-9_]*)'/g)].filter(([code]) => !ANSWERED_AS_OTHER.has(code)),
  ...FRAMEWORK.map((code) => [code, 'Fastify'] as [string, string]),
]);

describe('problem codes', () => {
  it('finds the codes in the sources', () => {
    // Every HttpProblem names its code literally, or is built by a helper whose calls do: a code
    // computed some other way would escape this test.
    const constructed = gateway.reduce((n, { text }) => n + (text.match(/new HttpProblem\(/g)?.length ?? 0), 0);
    const literal = gateway.reduce(
      (n, { text }) => n + [...text.matchAll(/new HttpProblem\(\s*[^,]+,\s*'[A-Z][A-Z0-9_]*'/g)].length,
      0,
    );
    expect(literal + helpers.length).toBe(constructed);
    expect(raised.size).toBeGreaterThan(80);
    for (const code of ['UNIT_NOT_VALID_ON_DATE', 'PRECONDITION_FAILED', 'VALIDATION_FAILED', 'CONCURRENCY_CONFLICT'])
      expect(raised.has(code), code).toBe(true);
  });

  it('has a title and a detail in Vietnamese and English for every code raised', () => {
    const missing = [...raised].filter(([code]) => !isProblemCode(code)).map(([code, file]) => `${code} (${file})`);
    expect(missing, 'codes without texts in @benvung/domain PROBLEM_MESSAGES').toEqual([]);
    for (const code of raised.keys()) {
      for (const locale of PROBLEM_LOCALES) {
        const text = isProblemCode(code) ? PROBLEM_MESSAGES[code][locale] : undefined;
        expect(text?.title && text.detail, `${code} ${locale}`).toBeTruthy();
      }
    }
  });
});
