/**
 * The synthetic population behind `pnpm seed`, demos, benchmarks and the national simulation:
 * deterministic households of a commune set (the demo communes by default, or every commune of the
 * country), every event decided by the real household decider.
 */
export { DEMO_SEED_COMMUNES, type SeedCommune, SeedCommuneSet } from './communes.js';
export type { GeneratedHousehold, GenerateOptions, SeedActor, SeededEvent } from './generate.js';
export { generateHousehold } from './generate.js';
export {
  nationalCommunesOf,
  nationalSeedCommunes,
  nationalSeedCommunesOf,
  SEED_COMMUNE_SETS,
  type SeedCommuneSetName,
  seedCommuneSet,
} from './national-communes.js';
export type { SeedPopulationOptions, SeedProgress, SeedResult } from './seed-population.js';
export { seedPopulation } from './seed-population.js';
export { PopulationStats } from './stats.js';
