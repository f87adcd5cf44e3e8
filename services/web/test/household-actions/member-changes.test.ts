import { describe, expect, it } from 'vitest';
import { memberChanges } from '../../src/features/members/member-changes';

const current = {
  fullName: 'Lò Văn Páo',
  nationalId: '012345678901',
  facts: { sex: 'male' as const, relationship: 'head' as const, birthYear: 1970, ethnicity: '03' },
};

describe('a member’s change', () => {
  it('records the facts that differ, with the name', () => {
    expect(
      memberChanges(current, {
        person: { fullName: 'Lò Văn Páo', nationalId: '012345678901' },
        facts: { sex: 'male', relationship: 'head', birthYear: 1971, ethnicity: '03', disability: 'mild' },
      }),
    ).toEqual({ person: { fullName: 'Lò Văn Páo' }, facts: { birthYear: 1971, disability: 'mild' } });
  });

  it('records a corrected name apart from the facts', () => {
    expect(
      memberChanges(current, {
        person: { fullName: 'Lò Văn Pảo' },
        facts: { sex: 'male', relationship: 'head' },
      }),
    ).toEqual({ person: { fullName: 'Lò Văn Pảo' }, facts: {} });
  });

  it('is nothing when nothing changed', () => {
    expect(
      memberChanges(current, { person: { fullName: 'Lò Văn Páo' }, facts: { sex: 'male', relationship: 'head' } }),
    ).toBeUndefined();
  });
});
