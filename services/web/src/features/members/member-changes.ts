import type { MemberFacts, MemberPerson } from '@benvung/domain';

/** A member as listed now: the personal part and the facts. */
export interface CurrentMember {
  fullName: string;
  nationalId?: string | undefined;
  facts: Partial<MemberFacts>;
}

/** What a change records: the fields that differ from the member as listed (PATCH semantics), and the name. */
export interface MemberChanges {
  person?: Partial<MemberPerson>;
  facts: Partial<MemberFacts>;
}

/** The fields given in `next` that differ from `current`; undefined when nothing changed. */
export function memberChanges(
  current: CurrentMember,
  next: { person: MemberPerson; facts: MemberFacts },
): MemberChanges | undefined {
  const person: Partial<MemberPerson> = {};
  if (next.person.fullName !== current.fullName) person.fullName = next.person.fullName;
  if (next.person.nationalId !== undefined && next.person.nationalId !== current.nationalId) {
    person.nationalId = next.person.nationalId;
  }
  const facts = Object.fromEntries(
    Object.entries(next.facts).filter(
      ([key, value]) => value !== undefined && current.facts[key as keyof MemberFacts] !== value,
    ),
  ) as Partial<MemberFacts>;
  if (Object.keys(person).length === 0 && Object.keys(facts).length === 0) return undefined;
  // The name goes with every change: the server reads a change recorded without its personal part as
  // a member whose name was erased.
  return { person: { fullName: next.person.fullName, ...person }, facts };
}
