import { addDays } from '../../shared/dates.js';
import { type AdminUnit, type CrosswalkEntry, DISTRICTS_ABOLISHED_ON } from '../units.js';

/**
 * INVENTED units for the seed provinces of DOMAIN.md, for demonstrations and tests only; every one
 * is marked `demo: true`. Real commune codes run below 40000 and real district codes below 980, so
 * these codes (9xx districts, 4xxxx–9xxxx communes starting with their province's code) cannot be
 * mistaken for real ones. Real commune lists load from CSV (`parseUnitsCsv`).
 */
const lastOldDay = addDays(DISTRICTS_ABOLISHED_ON, -1);

const district = (code: string, name: string, parentCode: string): AdminUnit => ({
  code,
  name: `Demo district ${name}`,
  level: 'district',
  parentCode,
  validTo: lastOldDay,
  demo: true,
});

const oldCommune = (code: string, name: string, parentCode: string): AdminUnit => ({
  code,
  name: `Demo commune ${name}`,
  level: 'commune',
  parentCode,
  validTo: lastOldDay,
  demo: true,
});

const newCommune = (code: string, name: string, parentCode: string): AdminUnit => ({
  code,
  name: `Demo commune ${name}`,
  level: 'commune',
  parentCode,
  validFrom: DISTRICTS_ABOLISHED_ON,
  demo: true,
});

export const DEMO_UNITS: readonly AdminUnit[] = [
  district('991', 'Tân Lộc (Cà Mau)', '96'),
  district('992', 'Vĩnh Hậu (Bạc Liêu)', '95'),
  district('993', 'Long Hồ (Vĩnh Long)', '86'),
  district('994', 'Mỏ Cày (Bến Tre)', '83'),
  district('995', 'Cầu Kè (Trà Vinh)', '84'),
  district('996', 'Bảo Ninh (Quảng Bình)', '44'),
  district('997', 'Gio Mai (Quảng Trị)', '45'),
  oldCommune('96101', 'Tân Lộc Bắc', '991'),
  oldCommune('96102', 'Tân Lộc Nam', '991'),
  oldCommune('95001', 'Vĩnh Hậu A', '992'),
  oldCommune('95002', 'Vĩnh Hậu B', '992'),
  oldCommune('86101', 'Long Hồ Đông', '993'),
  oldCommune('86102', 'Long Hồ Tây', '993'),
  oldCommune('83001', 'Mỏ Cày', '994'),
  oldCommune('84001', 'Cầu Kè', '995'),
  oldCommune('44101', 'Bảo Ninh', '996'),
  oldCommune('45001', 'Gio Mai Thượng', '997'),
  oldCommune('45002', 'Gio Mai Hạ', '997'),
  newCommune('96001', 'Tân Lộc', '96'),
  newCommune('96002', 'Vĩnh Hậu', '96'),
  newCommune('86001', 'Long Hồ', '86'),
  newCommune('86010', 'Mỏ Cày Bắc', '86'),
  newCommune('86011', 'Mỏ Cày Nam', '86'),
  newCommune('86020', 'Cầu Kè', '86'),
  newCommune('44001', 'Bảo Ninh', '44'),
  newCommune('44002', 'Gio Mai', '44'),
];

const row = (fromCode: string, toCode: string): CrosswalkEntry => ({
  fromCode,
  toCode,
  effectiveOn: DISTRICTS_ABOLISHED_ON,
});

/** Old demo commune → new demo commune; 83001 is split over two successors. */
export const DEMO_CROSSWALK: readonly CrosswalkEntry[] = [
  row('96101', '96001'),
  row('96102', '96001'),
  row('95001', '96002'),
  row('95002', '96002'),
  row('86101', '86001'),
  row('86102', '86001'),
  row('83001', '86010'),
  row('83001', '86011'),
  row('84001', '86020'),
  row('44101', '44001'),
  row('45001', '44002'),
  row('45002', '44002'),
];
