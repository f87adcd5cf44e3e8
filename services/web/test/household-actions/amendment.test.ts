import { CorrectionCommand } from '@benvung/domain';
import { describe, expect, it } from 'vitest';
import {
  amendmentFields,
  changedFields,
  correctionOf,
  fieldPathOf,
  fieldsOfEvent,
  fromFormInput,
  isAmendable,
  toFormInput,
} from '../../src/features/corrections/amendment';
import { checkCorrection } from '../../src/features/corrections/correction-body';

const householdId = '6f1d2c1e-1111-4a4a-8888-0123456789ab';
const eventId = '0b9c2c1e-2222-4b4b-9999-0123456789ab';

const loan = {
  loanId: 'HD-1',
  programme: 'poor_household',
  amountVnd: 50_000_000,
  termMonths: 36,
  annualRatePercent: 6.24,
  rateVersion: 3,
  lender: 'VBSP',
  occurredOn: '2026-03-02',
};

describe('an amendment’s fields, read from the domain’s command schemas', () => {
  it('edits a loan grant’s fields, keeps its id, fixes its kind', () => {
    const specs = amendmentFields('LoanGranted');
    const byPath = Object.fromEntries(specs.map((s) => [s.path, s]));
    expect(byPath.amountVnd?.kind).toBe('money');
    expect(byPath.termMonths?.kind).toBe('integer');
    expect(byPath.annualRatePercent?.kind).toBe('decimal');
    expect(byPath.occurredAt?.kind).toBe('date');
    expect(byPath.loanId?.readOnly).toBe(true);
    expect(byPath).not.toHaveProperty('kind');
    expect(byPath).not.toHaveProperty('action');
  });

  it('starts from the event: the command that would have recorded it', () => {
    const fields = fieldsOfEvent('LoanGranted', loan);
    expect(fields).toMatchObject({ kind: 'loan', action: 'granted', loanId: 'HD-1', occurredAt: '2026-03-02' });
    expect(fields).not.toHaveProperty('rateVersion');
    const command = CorrectionCommand.safeParse({ ...correctionOf('LoanGranted', fields), householdId });
    expect(command.success).toBe(true);
  });

  it('shows each changed field before and after', () => {
    const specs = amendmentFields('LoanGranted');
    const original = fieldsOfEvent('LoanGranted', loan);
    const input = toFormInput(specs, original);
    expect(changedFields(specs, original, fromFormInput(specs, original, input))).toEqual([]);
    const edited = fromFormInput(specs, original, { ...input, amountVnd: 40_000_000, purpose: 'Mua bò' });
    expect(changedFields(specs, original, edited).map((c) => [c.spec.path, c.before, c.after])).toEqual([
      ['amountVnd', 50_000_000, 40_000_000],
      ['purpose', undefined, 'Mua bò'],
    ]);
  });

  it('maps the command’s issues back to the form’s fields', () => {
    expect(fieldPathOf('LoanGranted', ['action', 'amountVnd'])).toBe('amountVnd');
    expect(fieldPathOf('HouseholdAssessed', ['assessment', 'incomePerCapitaVnd'])).toBe('incomePerCapitaVnd');
    expect(fieldPathOf('NoteAdded', ['text'])).toBe('text');
  });

  it('amends notes and reviews, never registrations or member lists', () => {
    expect(isAmendable('NoteAdded')).toBe(true);
    expect(isAmendable('HouseholdAssessed')).toBe(true);
    expect(isAmendable('HouseholdRegistered')).toBe(false);
    expect(isAmendable('HouseholdMemberAdded')).toBe(false);
    expect(amendmentFields('HouseholdAssessed').find((s) => s.path === 'deprivations')?.kind).toBe('list');
  });
});

describe('the correction’s body', () => {
  const note = { eventId, type: 'NoteAdded', data: { text: 'Thăm hộ', category: 'visit', occurredOn: '2026-03-02' } };
  const values = { eventId, action: 'void' as const, reason: 'Nhập nhầm hộ', occurredAt: '2026-03-03', input: {} };

  it('voids with a reason', () => {
    expect(checkCorrection(values, note, householdId, 'Bắt buộc')).toEqual({
      body: { action: 'void', eventId, reason: 'Nhập nhầm hộ', occurredAt: '2026-03-03' },
    });
  });

  it('amends with the command the edited fields make', () => {
    const input = {
      ...toFormInput(amendmentFields('NoteAdded'), fieldsOfEvent('NoteAdded', note.data)),
      text: 'Gọi điện',
    };
    const checked = checkCorrection({ ...values, action: 'amend', input }, note, householdId, 'Bắt buộc');
    expect(checked).toEqual({
      body: {
        action: 'amend',
        eventId,
        reason: 'Nhập nhầm hộ',
        occurredAt: '2026-03-03',
        correction: { type: 'AddNote', text: 'Gọi điện', category: 'visit', occurredOn: '2026-03-02' },
      },
    });
  });

  it('says which fields are missing', () => {
    const input = { text: '', category: '', occurredOn: '2026-03-02' };
    const checked = checkCorrection({ ...values, action: 'amend', reason: ' ', input }, note, householdId, 'Bắt buộc');
    expect(checked).toEqual({
      errors: [
        { path: 'reason', message: 'Bắt buộc' },
        { path: 'input.text', message: 'Bắt buộc' },
      ],
    });
  });
});
