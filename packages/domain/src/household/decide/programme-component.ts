import type { RuleSet } from '../../rules/rule-book.js';
import { withinDates } from '../../shared/dates.js';
import { domainError } from '../../shared/error-codes.js';

/** What a support action may name of the programme funding it. `project` is the name before 2026. */
export interface ComponentInput {
  component?: string | undefined;
  project?: string | undefined;
  occurredAt: string;
}

/** The component fields an event records: the code and the rule version that supplied it. */
export type ComponentFields = { component?: string; componentVersion?: number };

/**
 * The programme component (dự án, nội dung thành phần) a support action is funded under, checked
 * against the rules of its date: a component of a programme in force that day. Nothing when none is named.
 */
export function componentFields(input: ComponentInput, rules: RuleSet): ComponentFields {
  const code = input.component ?? input.project;
  if (code === undefined) return {};
  const date = input.occurredAt;
  const inForce = (c: RuleSet['programmeComponents'][number]) => {
    const programme = rules.programmes.find((p) => p.code === c.programme);
    return programme && withinDates(date, c.validFrom ?? programme.validFrom, c.validTo ?? programme.validTo);
  };
  const component = rules.programmeComponents.find((c) => c.code === code);
  if (!component) {
    throw domainError('UNKNOWN_PROGRAMME_COMPONENT', `no programme component ${code}`, {
      component: code,
      allowed: rules.programmeComponents.filter(inForce).map((c) => c.code),
    });
  }
  if (!inForce(component)) {
    const programme = rules.programmes.find((p) => p.code === component.programme);
    const validFrom = component.validFrom ?? programme?.validFrom;
    const validTo = component.validTo ?? programme?.validTo;
    throw domainError(
      'COMPONENT_NOT_VALID_ON_DATE',
      `component ${code} of ${component.programme} runs ${validFrom ?? '…'} – ${validTo ?? '…'}, not on ${date}`,
      {
        component: code,
        programme: component.programme,
        validFrom: validFrom ?? null,
        validTo: validTo ?? null,
        date,
        allowed: rules.programmeComponents.filter(inForce).map((c) => c.code),
      },
    );
  }
  return { component: code, componentVersion: component.version };
}
