import {
  AddNote,
  AssessmentInput,
  ChangeHouseholdMembers,
  ClearUnableToEscapeFlag,
  HealthInsuranceInput,
  HousingInput,
  JobPlacementInput,
  LivelihoodInput,
  LoanGrantInput,
  LoanOverdueInput,
  LoanRepaymentInput,
  LoanWriteOffInput,
  MoveHousehold,
  OtherSupportInput,
  ProductionInput,
  SetUnableToEscapeFlag,
  TrainingCompletionInput,
  TrainingDropInput,
  TrainingEnrolmentInput,
  WaterSanitationInput,
} from '@benvung/domain';

/*
 * An amendment replaces an event by what its command would record: the command is pre-filled from the
 * event as it counts now, the user edits its fields, and the server decides it again on the household
 * as it was before that event. The editable fields are read from the domain's command schemas.
 */

/** The least of a zod schema this module reads. */
interface Schema {
  def: { type: string; innerType?: Schema; format?: string | null; values?: unknown[]; element?: Schema };
  shape?: Record<string, Schema>;
  options?: readonly string[];
  isInt?: boolean;
}

interface Amendable {
  /** The command that records this type of event. */
  command: string;
  /** The schema of the fields the user edits. */
  schema: Schema;
  /** Where those fields sit in the command: at its top, or under `action` / `assessment`. */
  under?: 'action' | 'assessment';
}

const top = (command: string, schema: unknown): Amendable => ({ command, schema: schema as Schema });
const support = (schema: unknown): Amendable => ({
  command: 'RecordSupportAction',
  schema: schema as Schema,
  under: 'action',
});

/** The events an amendment may replace, with the command that records each. */
const AMENDABLE: Readonly<Record<string, Amendable>> = {
  NoteAdded: top('AddNote', AddNote),
  HouseholdMembersChanged: top('ChangeHouseholdMembers', ChangeHouseholdMembers),
  HouseholdMoved: top('MoveHousehold', MoveHousehold),
  HouseholdAssessed: { command: 'AssessHousehold', schema: AssessmentInput as unknown as Schema, under: 'assessment' },
  UnableToEscapeFlagSet: top('SetUnableToEscapeFlag', SetUnableToEscapeFlag),
  UnableToEscapeFlagCleared: top('ClearUnableToEscapeFlag', ClearUnableToEscapeFlag),
  LoanGranted: support(LoanGrantInput),
  LoanRepaid: support(LoanRepaymentInput),
  LoanMarkedOverdue: support(LoanOverdueInput),
  LoanWrittenOff: support(LoanWriteOffInput),
  TrainingEnrolled: support(TrainingEnrolmentInput),
  TrainingCompleted: support(TrainingCompletionInput),
  TrainingDropped: support(TrainingDropInput),
  JobPlaced: support(JobPlacementInput),
  LivelihoodSupported: support(LivelihoodInput),
  ProductionSupported: support(ProductionInput),
  HealthInsuranceCardsIssued: support(HealthInsuranceInput),
  HousingSupported: support(HousingInput),
  WaterSanitationSupported: support(WaterSanitationInput),
  OtherSupportProvided: support(OtherSupportInput),
};

export const isAmendable = (type: string) => type in AMENDABLE;

/** Fields an amendment keeps as they are: the loan or training it refers to. */
const IDENTITY = new Set(['loanId', 'trainingId']);
/** The business date of the event, under whichever name its command uses. */
const DATES = new Set(['occurredOn', 'occurredAt', 'effectiveDate']);

export type FieldKind = 'date' | 'text' | 'longText' | 'integer' | 'money' | 'decimal' | 'choice' | 'yesNo' | 'list';

/** One field of the amendment form. */
export interface FieldSpec {
  /** Dotted path in the command's fields (`group.householdCount`). */
  path: string;
  /** The last key of the path: what labels it. */
  key: string;
  kind: FieldKind;
  required: boolean;
  options?: readonly string[];
  /** Shown, not edited (a loan's or training's id). */
  readOnly?: boolean;
}

function unwrap(schema: Schema): { base: Schema; required: boolean } {
  let s = schema;
  let required = true;
  while ((s.def.type === 'optional' || s.def.type === 'default') && s.def.innerType) {
    required = false;
    s = s.def.innerType;
  }
  return { base: s, required };
}

function specsOf(schema: Schema, prefix: string): FieldSpec[] {
  return Object.entries(schema.shape ?? {}).flatMap(([key, field]): FieldSpec[] => {
    if (key === 'householdId' || key === 'type') return [];
    const { base, required } = unwrap(field);
    const path = prefix + key;
    const spec = (kind: FieldKind, extra: Partial<FieldSpec> = {}): FieldSpec[] => [
      { path, key, kind, required, ...extra },
    ];
    switch (base.def.type) {
      case 'literal':
        return [];
      case 'string':
        if (base.def.format === 'date') return spec('date');
        return spec(key === 'text' ? 'longText' : 'text', IDENTITY.has(key) ? { readOnly: true } : {});
      case 'number':
        return spec(key.endsWith('Vnd') ? 'money' : base.isInt ? 'integer' : 'decimal');
      case 'enum':
        return spec('choice', { options: base.options ?? [] });
      case 'boolean':
        return spec('yesNo');
      case 'array':
        return spec('list');
      case 'object':
        return specsOf(base, `${path}.`);
      default:
        return [];
    }
  });
}

/** The fields a user edits to amend an event of this type (none for a type that cannot be amended). */
export function amendmentFields(type: string): FieldSpec[] {
  const amendable = AMENDABLE[type];
  return amendable ? specsOf(amendable.schema, '') : [];
}

type Data = Record<string, unknown>;

/** The command's fields for the event as it counts now: what the amendment starts from. */
export function fieldsOfEvent(type: string, data: Data): Data {
  const amendable = AMENDABLE[type];
  if (!amendable) return {};
  const date = data.occurredOn ?? data.effectiveDate;
  const fill = (schema: Schema, source: Data): Data =>
    Object.fromEntries(
      Object.entries(schema.shape ?? {}).flatMap(([key, field]) => {
        if (key === 'householdId' || key === 'type') return [];
        const { base } = unwrap(field);
        if (base.def.type === 'literal') return [[key, base.def.values?.[0]]];
        if (DATES.has(key)) return [[key, source[key] ?? date]];
        const value = source[key];
        if (value === undefined) return [];
        if (base.def.type === 'object' && typeof value === 'object' && value !== null) {
          return [[key, fill(base, value as Data)]];
        }
        return [[key, value]];
      }),
    );
  return fill(amendable.schema, data);
}

/** The correction command (`type` and its fields, no householdId) that records these fields. */
export function correctionOf(type: string, fields: Data): Data {
  const amendable = AMENDABLE[type];
  if (!amendable) return {};
  return amendable.under
    ? { type: amendable.command, [amendable.under]: fields }
    : { type: amendable.command, ...fields };
}

/** Where a field of the command sits among the form's fields (an issue's path, without `action.`…). */
export function fieldPathOf(type: string, commandPath: readonly PropertyKey[]): string {
  const under = AMENDABLE[type]?.under;
  const path = under && commandPath[0] === under ? commandPath.slice(1) : commandPath;
  return path.map(String).join('.');
}

/** A value as the command takes it: '' and blank text left out, objects left out when empty. */
export function given(value: unknown): unknown {
  if (value === '' || value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value).flatMap(([k, x]) => {
      const g = given(x);
      return g === undefined ? [] : [[k, g] as const];
    });
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
  }
  return value;
}

/** Reads a dotted path. */
export function valueAt(data: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Data)[key] : undefined), data);
}

/** The fields whose value differs between the event and its amendment. */
export function changedFields(specs: readonly FieldSpec[], before: Data, after: Data) {
  return specs.flatMap((spec) => {
    const was = given(valueAt(before, spec.path));
    const now = given(valueAt(after, spec.path));
    return JSON.stringify(was ?? null) === JSON.stringify(now ?? null) ? [] : [{ spec, before: was, after: now }];
  });
}

function setAt(target: Data, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop() as string;
  let node = target;
  for (const key of keys) {
    const child = node[key];
    node[key] = child && typeof child === 'object' && !Array.isArray(child) ? { ...(child as Data) } : {};
    node = node[key] as Data;
  }
  if (value === undefined) delete node[last];
  else node[last] = value;
}

/** The form's values for the command's fields: empty as '' (a list as []), yes/no as 'yes' | 'no' | ''. */
export function toFormInput(specs: readonly FieldSpec[], fields: Data): Data {
  const input: Data = {};
  for (const spec of specs) {
    const value = valueAt(fields, spec.path);
    const shown =
      spec.kind === 'list'
        ? Array.isArray(value)
          ? value
          : []
        : spec.kind === 'yesNo'
          ? value === true
            ? 'yes'
            : value === false
              ? 'no'
              : ''
          : (value ?? '');
    setAt(input, spec.path, shown);
  }
  return input;
}

/** The command's fields from the form: the event's fixed fields (kind, loan id…) and the edited ones. */
export function fromFormInput(specs: readonly FieldSpec[], original: Data, input: Data): Data {
  const fields: Data = structuredClone(original);
  for (const spec of specs) {
    if (spec.readOnly) continue;
    const value = valueAt(input, spec.path);
    setAt(
      fields,
      spec.path,
      spec.kind === 'yesNo' ? (value === 'yes' ? true : value === 'no' ? false : undefined) : given(value),
    );
  }
  return (given(fields) as Data | undefined) ?? {};
}
