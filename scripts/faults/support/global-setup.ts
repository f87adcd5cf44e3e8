import { ensureWebBuild } from '../../lib/web-build.js';

/**
 * The start command builds the web app when its build is stale; doing it here, once, keeps a minute
 * of vite out of the first scenario's time budget.
 */
export default async function setup(): Promise<void> {
  await ensureWebBuild((message) => console.log(`[faults] ${message}`));
}
