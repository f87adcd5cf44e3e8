/**
 * The synthetic population behind `pnpm seed`, demos and benchmarks: deterministic households of the
 * demo communes, every event decided by the real household decider.
 */
export { FIRST_YEAR, LAST_YEAR, SIMULATION_END } from './calendar.js';
export type { GeneratedHousehold, GenerateOptions, SeedActor, SeededEvent } from './generate.js';
export { generateHousehold, toEventToAppend } from './generate.js';
export { IdSource, Rng } from './rng.js';
export type { SeedPopulationOptions, SeedProgress, SeedResult } from './seed-population.js';
export { seedPopulation } from './seed-population.js';
export { PopulationStats, type YearFigures } from './stats.js';
