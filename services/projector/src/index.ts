export { loadProjectorConfig, ProjectorConfig } from './config.js';
export type { ProjectorWorker } from './worker.js';
export { startProjectorWorker } from './worker.js';
