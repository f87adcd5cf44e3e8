/**
 * Upcasters turn an event stored under an older schema into the current one on read, so history is
 * never rewritten. Registered by (type, fromSchemaVersion); applied in a chain until none matches.
 */
export interface StoredShape {
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
}

export interface Upcaster {
  type: string;
  fromSchemaVersion: number;
  /** Must return a higher schemaVersion; it may also rename the type. */
  upcast(event: StoredShape): StoredShape;
}

export class UpcasterRegistry {
  readonly #byKey = new Map<string, Upcaster>();

  constructor(upcasters: readonly Upcaster[] = []) {
    for (const u of upcasters) this.register(u);
  }

  register(upcaster: Upcaster): this {
    const key = `${upcaster.type}@${upcaster.fromSchemaVersion}`;
    if (this.#byKey.has(key)) throw new Error(`an upcaster for ${key} is already registered`);
    this.#byKey.set(key, upcaster);
    return this;
  }

  apply(event: StoredShape): StoredShape {
    if (this.#byKey.size === 0) return event;
    let current = event;
    for (let step = 0; step < 100; step++) {
      const upcaster = this.#byKey.get(`${current.type}@${current.schemaVersion}`);
      if (!upcaster) return current;
      const next = upcaster.upcast(current);
      if (next.schemaVersion <= current.schemaVersion) {
        throw new Error(`upcaster for ${current.type}@${current.schemaVersion} did not raise the schema version`);
      }
      current = next;
    }
    throw new Error(`upcaster chain for ${event.type}@${event.schemaVersion} does not end`);
  }
}
