/*
 * A unit's figures (total households and population, the denominators of its rates) and the
 * poverty-reduction targets it sets itself, per year, in a stream per unit.
 */

export * from './commands.js';
export * from './decide.js';
export * from './events.js';
export * from './values.js';
