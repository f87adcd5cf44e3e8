/* What happens to a household besides reviews and support: notes, members, moves, closure. */
import { NOTES, village } from './catalogue.js';
import { communeCodeOn, SEED_COMMUNES, type SeedCommune } from './communes.js';
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

/** Records the household under its commune's new code (same village, same area). */
export function recode(life: HouseholdLife): void {
  const h = life.sim.active;
  if (!h || h.unitCode !== life.commune.code) return;
  life.sim.execute(
    {
      type: 'MoveHousehold',
      householdId: life.sim.householdId,
      toUnitCode: life.successor,
      ...(h.village !== undefined ? { village: h.village } : {}),
      area: h.area,
      occurredOn: life.sim.today,
    },
    life.caseWorker(),
  );
}

/** Moves to another commune of the same province. */
export function moveAway(life: HouseholdLife): void {
  const h = life.sim.active;
  if (!h) return;
  const rng = life.rng;
  const today = life.sim.today;
  let to: SeedCommune | undefined;
  let successor: string;
  if (today < '2025-07-01') {
    const options = SEED_COMMUNES.filter((c) => c.province === life.commune.province && c !== life.commune);
    if (options.length === 0) return;
    to = rng.pick(options);
    successor = rng.pick(to.successors);
  } else {
    const province = life.successor.slice(0, 2);
    const codes = [...new Set(SEED_COMMUNES.flatMap((c) => c.successors))].filter(
      (c) => c.startsWith(province) && c !== life.successor,
    );
    if (codes.length === 0) return;
    successor = rng.pick(codes);
    to = SEED_COMMUNES.find((c) => c.successors.includes(successor));
  }
  if (!to) return;
  const urban = rng.chance(to.urbanShare);
  const moved = life.sim.execute(
    {
      type: 'MoveHousehold',
      householdId: life.sim.householdId,
      toUnitCode: communeCodeOn(to, successor, today),
      village: village(rng, to.south, urban),
      area: urban ? 'urban' : 'rural',
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
