import { readFile } from 'node:fs/promises';
import { createUnitRegistry, type UnitRegistry } from '@benvung/domain';
import { type GeographyReport, type NationalFiles, nationalUnitData } from './national-units.js';

const DATA = new URL('../data/', import.meta.url);

/** The registry a service runs on: the national lists of this package (and the demo units when asked). */
export interface NationalGeography {
  registry: UnitRegistry;
  report: GeographyReport;
}

/** The texts of the shipped national files. */
export async function nationalFiles(): Promise<NationalFiles> {
  const [before, from, crosswalk] = await Promise.all(
    ['units-before-2025-07-01.csv', 'units-from-2025-07-01.csv', 'crosswalk-2025-07-01.csv'].map((f) =>
      readFile(new URL(f, DATA), 'utf8'),
    ),
  );
  return { before: before ?? '', from: from ?? '', crosswalk: crosswalk ?? '' };
}

/** Reads the shipped national files and builds the registry (about 14,000 unit versions). */
export async function loadNationalGeography(options: { demo?: boolean } = {}): Promise<NationalGeography> {
  const { data, report } = nationalUnitData(await nationalFiles(), options);
  return { registry: createUnitRegistry(data), report };
}

const loaded = new Map<boolean, Promise<NationalGeography>>();

/** The same, read once per process for each choice of demo units (tests start many services). */
export function loadGeography(options: { demo?: boolean } = {}): Promise<NationalGeography> {
  const demo = options.demo ?? false;
  let geography = loaded.get(demo);
  if (!geography) {
    geography = loadNationalGeography({ demo });
    loaded.set(demo, geography);
  }
  return geography;
}
