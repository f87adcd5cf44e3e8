/** A mistake of the caller: printed without a stack, exit code 2. */
export class UsageError extends Error {}

/** Takes `--name VALUE` out of `args`; undefined when absent. */
export function takeOption(args: string[], name: string, usage: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value\n${usage}`);
  args.splice(i, 2);
  return value;
}

/** Takes `--name` out of `args`: whether it was there. */
export function takeFlag(args: string[], name: string): boolean {
  const i = args.indexOf(name);
  if (i >= 0) args.splice(i, 1);
  return i >= 0;
}
