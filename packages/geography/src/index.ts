/** @benvung/geography: the national unit lists and conversion, loaded into the registry services run on. */
export { GeographyService } from './geography-service.js';
export { loadGeography, loadNationalGeography, type NationalGeography, nationalFiles } from './load.js';
export { type GeographyReport, type NationalFiles, type NationalUnitData, nationalUnitData } from './national-units.js';
export {
  appendUnitList,
  type CheckedUnitList,
  checkUnitList,
  type LoadedUnitList,
  readLoadedLists,
  UNIT_LIST_LOADED,
  UNIT_LISTS_STREAM,
  withLoadedLists,
} from './unit-lists.js';
