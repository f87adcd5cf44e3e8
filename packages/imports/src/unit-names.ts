import { type AdminUnit, foldText, type UnitRegistry } from '@benvung/domain';

/** A unit's name folded and without its type word (xã, phường, thị trấn, huyện, quận, …). */
const bare = (name: string) =>
  foldText(name).replace(/^(xa|phuong|thi tran|dac khu|huyen|quan|thi xa|thanh pho|tinh)\s+/, '');

/** Communes in force on a date by name (as written, and without its type word). */
export class CommuneNames {
  readonly #byName = new Map<string, AdminUnit[]>();

  constructor(
    private readonly registry: UnitRegistry,
    readonly date: string,
  ) {
    for (const u of registry.units) {
      if (u.level !== 'commune' || registry.find(u.code, date) !== u) continue;
      for (const key of new Set([foldText(u.name), bare(u.name)])) {
        const list = this.#byName.get(key);
        if (list) list.push(u);
        else this.#byName.set(key, [u]);
      }
    }
  }

  /**
   * The communes a name may mean, narrowed by the district (or province) named beside it when there is
   * one: a commune whose parent's name matches.
   */
  find(name: string, parentName?: string): AdminUnit[] {
    const found = this.#byName.get(foldText(name)) ?? this.#byName.get(bare(name)) ?? [];
    if (!parentName || found.length <= 1) return found;
    const parent = bare(parentName);
    return found.filter((u) =>
      this.registry
        .ancestors(u, this.date)
        .some((a) => bare(a.name) === parent || foldText(a.name) === foldText(parentName)),
    );
  }
}
