/* What happens to a household besides reviews and support: notes, members, moves, closure. */
import { DISTRICTS_ABOLISHED_ON } from '@benvung/domain';
import { NOTES, village } from './catalogue.js';
import { communeCodeOn, type SeedCommune } from './communes.js';
import type { HouseholdLife } from './household.js';

/** A case worker's note (now and then voided: written on the wrong household). */
export function note(life: HouseholdLife): void {
  if (!life.sim.active) return;
  const rng = life.rng;
  const category = rng.weighted([
    ['visit', 5],
    ['call', 3],
    ['observation', 2],
    ['other', 0.5],
  ] as const);
  const [added] = life.sim.execute(
    {
      type: 'AddNote',
      householdId: life.sim.householdId,
      text: rng.pick(NOTES[category]),
      category,
      occurredOn: life.sim.today,
    },
    life.caseWorker(),
  );
  if (added && rng.chance(0.04)) life.voidLater(added.eventId, rng.int(1, 10), 'Ghi nhầm hộ');
}

/** A birth, a marriage, a death: one member more or fewer, within 1–8. */
export function changeMembers(life: HouseholdLife): void {
  const h = life.sim.active;
  if (!h) return;
  const rng = life.rng;
  const grow = h.memberCount === 1 || (h.memberCount < 8 && rng.chance(0.55));
  const reason = grow
    ? rng.pick(['Sinh con', 'Con dâu nhập hộ', 'Người thân về ở chung'])
    : rng.pick(['Con kết hôn, tách hộ', 'Thành viên qua đời', 'Thành viên chuyển đi nơi khác']);
  life.sim.execute(
    {
      type: 'ChangeHouseholdMembers',
      householdId: life.sim.householdId,
      memberCount: h.memberCount + (grow ? 1 : -1),
      reason,
      occurredOn: life.sim.today,
    },
    life.caseWorker(),
  );
}

/**
 * Records the household under its commune's new code (same village; same area, unless the new
 * commune's kind sets another). A commune whose code the new one kept with the same area has nothing
 * to record.
 */
export function recode(life: HouseholdLife): void {
  const h = life.sim.active;
  if (!h || h.unitCode !== life.commune.code) return;
  const area = life.communes.areaOf(life.successor, life.sim.today) ?? h.area;
  if (life.successor === h.unitCode && area === h.area) return;
  life.sim.execute(
    {
      type: 'MoveHousehold',
      householdId: life.sim.householdId,
      toUnitCode: life.successor,
      ...(h.village !== undefined ? { village: h.village } : {}),
      area,
      occurredOn: life.sim.today,
    },
    life.caseWorker(),
  );
}

/** Moves to another commune of the same province (the old province before July 2025, the new one after). */
export function moveAway(life: HouseholdLife): void {
  const h = life.sim.active;
  if (!h) return;
  const rng = life.rng;
  const today = life.sim.today;
  const communes = life.communes;
  let to: SeedCommune | undefined;
  let successor: string;
  if (today < DISTRICTS_ABOLISHED_ON) {
    to = communes.neighbourOf(rng, life.commune);
    if (!to) return;
    successor = rng.pick(to.successors);
  } else {
    const code = communes.successorNeighbourOf(rng, life.successor);
    if (code === undefined) return;
    successor = code;
    to = communes.holderOf(successor);
  }
  if (!to) return;
  const toUnitCode = communeCodeOn(to, successor, today);
  const drawn = rng.chance(to.urbanShare) ? 'urban' : 'rural';
  const area = communes.areaOf(toUnitCode, today) ?? drawn;
  const moved = life.sim.execute(
    {
      type: 'MoveHousehold',
      householdId: life.sim.householdId,
      toUnitCode,
      village: village(rng, to.south, area === 'urban'),
      area,
      occurredOn: today,
    },
    life.caseWorker(),
  );
  if (moved.length > 0) {
    life.commune = to;
    life.successor = successor;
  }
}

/** The household leaves follow-up: deceased (an old person alone), moved away or dissolved. */
export function close(life: HouseholdLife): void {
  const h = life.sim.active;
  if (!h) return;
  const reason =
    h.memberCount === 1 && life.birthYear < 1955
      ? 'deceased'
      : life.rng.weighted([
          ['moved_away', 6],
          ['dissolved', 4],
        ] as const);
  life.sim.execute(
    { type: 'CloseHousehold', householdId: life.sim.householdId, reason, occurredOn: life.sim.today },
    life.caseWorker(),
  );
}
