/** DEMO_UNITS as the gateway reads it: the commands must see the same units as the server they work beside. */
export function demoUnitsFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  return ['true', '1', 'yes'].includes(env.DEMO_UNITS ?? '');
}
