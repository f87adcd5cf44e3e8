/** Ends an exhaustive switch: the compiler proves it unreachable, and at run time it refuses loudly. */
export function assertNever(value: never, what: string): never {
  throw new TypeError(`unhandled ${what}: ${JSON.stringify(value)}`);
}
