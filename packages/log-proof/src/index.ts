export * from './bytes.js';
export * from './checkpoint.js';
export * from './event-hash.js';
export * from './event-proof.js';
export * from './merkle.js';
