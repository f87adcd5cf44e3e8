import { describe, expect, it } from 'vitest';
import {
  DomainError,
  defaultUnitRegistry,
  extendUnitRegistry,
  parseCrosswalkCsv,
  parseCsv,
  parseCsvRecords,
  parseUnitsCsv,
} from '../src/index.js';

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof DomainError ? `${e.code}: ${e.message}` : 'not a DomainError';
  }
  return 'no error';
};

describe('parseCsv', () => {
  it('reads quotes, doubled quotes, CRLF, a BOM and a missing final newline', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\r\n1,\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['1', ''],
    ]);
    expect(parseCsv('a\n"multi\nline"')).toEqual([['a'], ['multi\nline']]);
  });

  it('refuses an unterminated quote', () => {
    expect(codeOf(() => parseCsv('a\n"oops'))).toMatch(/^CSV_INVALID/);
  });
});

describe('parseCsvRecords', () => {
  it('numbers each record by the line it starts on, across blank lines and quoted line breaks', () => {
    const text = 'a,b\r\n\r\n"x\ny",1\n\n\nlast,2';
    expect(parseCsvRecords(text)).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 3, cells: ['x\ny', '1'] },
      { line: 7, cells: ['last', '2'] },
    ]);
  });
});

describe('parseUnitsCsv', () => {
  const text = [
    'code,name,level,parentCode,validFrom,validTo,demo',
    '32001,"Xã Khánh Bình, mới",,96,2025-07-01,,',
    '32002,Xã Cũ,commune,96,,2025-06-30,true',
  ].join('\n');

  it('loads communes that extend the shipped registry', () => {
    const units = parseUnitsCsv(text);
    expect(units).toEqual([
      { code: '32001', name: 'Xã Khánh Bình, mới', level: 'commune', parentCode: '96', validFrom: '2025-07-01' },
      { code: '32002', name: 'Xã Cũ', level: 'commune', parentCode: '96', validTo: '2025-06-30', demo: true },
    ]);
    const crosswalk = parseCrosswalkCsv('fromCode,toCode,effectiveOn\n32002,32001,2025-07-01\n');
    const registry = extendUnitRegistry(defaultUnitRegistry, { units, crosswalk });
    expect(registry.unitAsOf('32002', '2026-01-01')?.code).toBe('32001');
    expect(registry.unitCovers('96', '32002')).toBe(true);
  });

  it('names the line of a bad row', () => {
    expect(codeOf(() => parseUnitsCsv('code,name\n96001,A\n9600,B\n'))).toMatch(/^CSV_INVALID: line 3/);
    expect(codeOf(() => parseUnitsCsv('code,name,level\n96001,A,province\n'))).toMatch(/^CSV_INVALID: line 2/);
    expect(codeOf(() => parseUnitsCsv('code,name,validFrom\n96001,A,2025-13-01\n'))).toMatch(/^CSV_INVALID: line 2/);
  });

  it('needs the code and name columns', () => {
    expect(codeOf(() => parseUnitsCsv('code,label\n96001,A\n'))).toMatch(/^CSV_INVALID: missing columns: name/);
    expect(codeOf(() => parseUnitsCsv(''))).toMatch(/^CSV_INVALID/);
  });
});
