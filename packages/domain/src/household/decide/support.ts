import type { z } from 'zod';
import type { RuleSet } from '../../rules/rule-book.js';
import { domainError } from '../../shared/error-codes.js';
import { assertNever } from '../../shared/exhaustive.js';
import type { RecordSupportAction } from '../commands.js';
import type { HouseholdEvent } from '../events.js';
import type { TrainingInput } from '../inputs/support-action-input.js';
import { SUPPORT_LIMITS } from '../limits.js';
import type { ActiveHousehold, HouseholdState } from '../state.js';
import type { DecideContext } from './context.js';
import { checkAmount, checkCount, checkNotBefore, checkOptionalAmount, requireActive } from './guards.js';
import { decideLoan } from './loans.js';
import { componentFields } from './programme-component.js';

const MAX = SUPPORT_LIMITS.maxValueVnd;
const opt = <K extends string, V>(key: K, value: V | undefined) =>
  (value !== undefined ? { [key]: value } : {}) as Partial<Record<K, V>>;

function decideTraining(
  household: ActiveHousehold,
  input: z.infer<typeof TrainingInput>,
  rules: RuleSet,
): HouseholdEvent {
  if (input.stage === 'enrolled') {
    if (household.trainings[input.trainingId]) {
      throw domainError('TRAINING_ALREADY_RECORDED', `training ${input.trainingId} is already recorded`, {
        trainingId: input.trainingId,
      });
    }
    checkOptionalAmount('costVnd', input.costVnd, MAX);
    return {
      type: 'TrainingEnrolled',
      data: {
        trainingId: input.trainingId,
        course: input.course,
        ...opt('provider', input.provider),
        ...opt('occupation', input.occupation),
        ...opt('costVnd', input.costVnd),
        ...componentFields(input, rules),
        occurredOn: input.occurredAt,
      },
    };
  }
  const training = household.trainings[input.trainingId];
  if (!training) {
    throw domainError('TRAINING_NOT_FOUND', `no training ${input.trainingId} is recorded`, {
      trainingId: input.trainingId,
    });
  }
  if (training.status !== 'enrolled') {
    throw domainError('TRAINING_ALREADY_ENDED', `training ${input.trainingId} is already ${training.status}`, {
      trainingId: input.trainingId,
      trainingStatus: training.status,
    });
  }
  checkNotBefore('date', input.occurredAt, training.enrolledOn);
  switch (input.stage) {
    case 'completed':
      return {
        type: 'TrainingCompleted',
        data: { trainingId: input.trainingId, ...opt('certified', input.certified), occurredOn: input.occurredAt },
      };
    case 'dropped':
      return {
        type: 'TrainingDropped',
        data: { trainingId: input.trainingId, ...opt('reason', input.reason), occurredOn: input.occurredAt },
      };
    default:
      return assertNever(input, 'training stage');
  }
}

function decideAction(household: ActiveHousehold, command: RecordSupportAction, ctx: DecideContext): HouseholdEvent {
  const a = command.action;
  // The rules in force on the action's date: its programme component, a loan's programme, rate and cap.
  const rules = ctx.rules.on(a.occurredAt);
  switch (a.kind) {
    case 'loan':
      return decideLoan(household, a, ctx);
    case 'training':
      return decideTraining(household, a, rules);
    case 'job_placement':
      checkOptionalAmount('monthlyWageVnd', a.monthlyWageVnd, SUPPORT_LIMITS.maxMonthlyWageVnd);
      return {
        type: 'JobPlaced',
        data: {
          channel: a.channel,
          ...opt('employer', a.employer),
          ...opt('occupation', a.occupation),
          ...opt('country', a.country),
          ...opt('monthlyWageVnd', a.monthlyWageVnd),
          ...componentFields(a, rules),
          occurredOn: a.occurredAt,
        },
      };
    case 'livelihood':
      checkAmount('valueVnd', a.valueVnd, MAX);
      return {
        type: 'LivelihoodSupported',
        data: {
          model: a.model,
          modelType: a.modelType,
          valueVnd: a.valueVnd,
          ...opt('group', a.group),
          ...componentFields(a, rules),
          occurredOn: a.occurredAt,
        },
      };
    case 'production':
      checkOptionalAmount('valueVnd', a.valueVnd, MAX);
      return {
        type: 'ProductionSupported',
        data: {
          items: a.items,
          ...opt('valueVnd', a.valueVnd),
          ...componentFields(a, rules),
          occurredOn: a.occurredAt,
        },
      };
    case 'health_insurance':
      checkCount('cardCount', a.cardCount, SUPPORT_LIMITS.maxMemberCount);
      if (a.cardCount > household.memberCount) {
        throw domainError(
          'HEALTH_CARDS_EXCEED_MEMBERS',
          `${a.cardCount} cards for ${household.memberCount} member(s)`,
          {
            cardCount: a.cardCount,
            memberCount: household.memberCount,
          },
        );
      }
      if (a.validUntil <= a.occurredAt) {
        throw domainError('CARD_VALIDITY_BEFORE_ISSUE', `cards valid until ${a.validUntil} issued on ${a.occurredAt}`, {
          validUntil: a.validUntil,
          occurredAt: a.occurredAt,
        });
      }
      return {
        type: 'HealthInsuranceCardsIssued',
        data: { cardCount: a.cardCount, validUntil: a.validUntil, occurredOn: a.occurredAt },
      };
    case 'housing':
      checkAmount('valueVnd', a.valueVnd, MAX);
      return {
        type: 'HousingSupported',
        data: { support: a.support, valueVnd: a.valueVnd, ...componentFields(a, rules), occurredOn: a.occurredAt },
      };
    case 'water_sanitation':
      checkOptionalAmount('valueVnd', a.valueVnd, MAX);
      return {
        type: 'WaterSanitationSupported',
        data: {
          facility: a.facility,
          ...opt('valueVnd', a.valueVnd),
          ...componentFields(a, rules),
          occurredOn: a.occurredAt,
        },
      };
    case 'other':
      checkOptionalAmount('valueVnd', a.valueVnd, MAX);
      return {
        type: 'OtherSupportProvided',
        data: {
          description: a.description,
          ...opt('valueVnd', a.valueVnd),
          ...componentFields(a, rules),
          occurredOn: a.occurredAt,
        },
      };
    default:
      return assertNever(a, 'support action kind');
  }
}

/** Records a support action or a loan / training follow-up. */
export function recordSupport(
  command: RecordSupportAction,
  state: HouseholdState,
  ctx: DecideContext,
): HouseholdEvent[] {
  return [decideAction(requireActive(state, command.householdId), command, ctx)];
}
