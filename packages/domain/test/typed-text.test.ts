import { describe, expect, it } from 'vitest';
import {
  AddNote,
  decodeHouseholdEvent,
  HouseholdHead,
  LongText,
  MemberPerson,
  MoveHousehold,
  RegisterHousehold,
  ShortText,
  SupportActionInput,
} from '../src/index.js';

/** Names and free text as people type them: one spelling (NFC), and no characters that hide or reorder text. */

const NFD_NAME = 'Nguyễn Thị Hường'.normalize('NFD');
const NFC_NAME = 'Nguyễn Thị Hường'.normalize('NFC');

describe('names', () => {
  it('stores the NFD and NFC spellings of one name the same (NFC)', () => {
    expect(NFD_NAME).not.toBe(NFC_NAME);
    expect(HouseholdHead.parse({ fullName: NFD_NAME }).fullName).toBe(NFC_NAME);
    expect(HouseholdHead.parse({ fullName: NFC_NAME }).fullName).toBe(NFC_NAME);
    expect(MemberPerson.parse({ fullName: ` ${NFD_NAME} ` }).fullName).toBe(NFC_NAME);
  });

  it.each([
    ['a right-to-left override', 'Nguyễn\u202EnA'],
    ['a left-to-right isolate', 'Trần\u2066Bình'],
    ['a pop directional isolate', 'Lê Văn\u2069'],
    ['a NUL', 'Lê\u0000Văn'],
    ['a line break', 'Lê\nVăn'],
    ['a tab', 'Lê\tVăn'],
    ['a C1 control (NEL)', 'Lê\u0085Văn'],
    ['DEL', 'Lê\u007FVăn'],
    ['a lone surrogate', 'Lê\uD800Văn'],
  ])('refuses a name with %s, saying which character', (_what, fullName) => {
    const result = HouseholdHead.safeParse({ fullName });
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue?.path).toEqual(['fullName']);
    expect(issue?.message).toMatch(/U\+[0-9A-F]{4}/);
    expect(issue).toMatchObject({ code: 'custom', params: { forbidden_characters: expect.any(String) } });
    expect(MemberPerson.safeParse({ fullName }).success).toBe(false);
  });

  it('keeps names in every script, with emoji and combining marks', () => {
    for (const fullName of ['Hờ A Dế', 'Ksor H’Bia', 'Lý Thị 李', 'Đinh Văn 😀']) {
      expect(HouseholdHead.parse({ fullName }).fullName).toBe(fullName.normalize('NFC'));
    }
  });

  it('applies to the village and code of a registration and the village of a move', () => {
    const register = {
      type: 'RegisterHousehold',
      householdId: crypto.randomUUID(),
      head: { fullName: 'Võ Văn Kiệt' },
      memberCount: 2,
      unitCode: '96001',
      occurredOn: '2025-08-01',
    };
    const parsed = RegisterHousehold.parse({ ...register, village: 'Ấp Tân Hưng'.normalize('NFD') });
    expect(parsed.village).toBe('Ấp Tân Hưng'.normalize('NFC'));
    expect(RegisterHousehold.safeParse({ ...register, village: 'Ấp\u202E3' }).success).toBe(false);
    expect(RegisterHousehold.safeParse({ ...register, householdCode: 'CM\u00001' }).success).toBe(false);
    const move = {
      type: 'MoveHousehold',
      householdId: register.householdId,
      toUnitCode: '96002',
      occurredOn: '2025-08-01',
    };
    expect(MoveHousehold.safeParse({ ...move, village: 'Ấp\u2067 1' }).success).toBe(false);
  });
});

describe('free text', () => {
  it('keeps line breaks and tabs in a note, in NFC', () => {
    const text = 'Thăm hộ.\n\tGia đình khỏe.\r\nHẹn lần sau.'.normalize('NFD');
    expect(LongText.parse(text)).toBe(text.normalize('NFC'));
  });

  it.each([
    ['a bidi override', 'Ghi chú \u202Edảo ngược'],
    ['a NUL', 'Ghi chú\u0000'],
    ['an escape character', 'Ghi chú \u001B[31m'],
    ['a lone surrogate', 'Ghi chú \uDC00'],
  ])('refuses %s in notes, reasons and support details', (_what, text) => {
    expect(LongText.safeParse(text).success).toBe(false);
    expect(ShortText.safeParse(text).success).toBe(false);
    expect(
      AddNote.safeParse({ type: 'AddNote', householdId: crypto.randomUUID(), text, occurredOn: '2025-08-01' }).success,
    ).toBe(false);
    expect(
      SupportActionInput.safeParse({
        kind: 'training',
        stage: 'enrolled',
        trainingId: 'T-1',
        course: text,
        occurredAt: '2025-08-01',
      }).success,
    ).toBe(false);
  });
});

describe('events recorded before these rules', () => {
  it('still decode, as they were recorded', () => {
    const event = decodeHouseholdEvent({
      type: 'HouseholdRegistered',
      data: {
        householdId: crypto.randomUUID(),
        memberCount: 2,
        area: 'rural',
        unitCode: '96001',
        village: 'Ấp\u202E 3',
        registeredOn: '2025-08-01',
      },
      personal: { head: { fullName: `Lê\u202EVăn ${NFD_NAME}` } },
    });
    expect(event.type === 'HouseholdRegistered' && event.data.head.fullName).toBe(`Lê\u202EVăn ${NFD_NAME}`);
    const note = decodeHouseholdEvent({
      type: 'NoteAdded',
      data: { occurredOn: '2025-08-01' },
      personal: { text: 'cũ\u0007' },
    });
    expect(note.type === 'NoteAdded' && note.data.text).toBe('cũ\u0007');
  });
});
