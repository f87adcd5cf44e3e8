/**
 * The synthetic population behind `pnpm seed`, demos and benchmarks: deterministic households of the
 * demo communes, every event decided by the real household decider.
 */
export type { GeneratedHousehold, GenerateOptions, SeedActor, SeededEvent } from './generate.js';
export { generateHousehold } from './generate.js';
export type { SeedPopulationOptions, SeedProgress, SeedResult } from './seed-population.js';
export { seedPopulation } from './seed-population.js';
export { PopulationStats } from './stats.js';
