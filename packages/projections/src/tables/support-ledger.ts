import type { ColumnType, Insertable, Selectable } from 'kysely';

/**
 * One row per support action event (grants, enrolments, one-off support and their follow-ups such as
 * repayments), with the data as it counts now: an amendment replaces it (`amended`), a void marks it
 * (`voided`); neither removes the row.
 */
export interface SupportLedgerTable {
  event_id: string;
  household_id: string;
  /** Stream version of the support event. */
  version: number;
  /** Support kind (`loan`, `training`, …). */
  kind: string;
  /** Event type (`LoanGranted`, `LoanRepaid`, `TrainingEnrolled`, …). */
  event_type: string;
  /** Loans: granted, repaid, overdue, written_off; trainings: enrolled, completed, dropped; else provided. */
  action: string;
  /** Starts a support (a grant, an enrolment, one-off support) rather than following one up. */
  starts_support: boolean;
  occurred_on: string;
  /** int8, so it comes back as a string: the amount the event records (grant, repayment, value, cost). */
  amount_vnd: ColumnType<string | null, number | null, number | null>;
  /** Loan programme, for loan events. */
  programme: string | null;
  /** National Target Programme project (DA1–DA7), when recorded. */
  project: string | null;
  /** Loan or training id the event starts or follows up. */
  reference: string | null;
  /** The event's data as it counts now (support events hold no personal data). */
  details: Record<string, unknown>;
  /** The household's unit as recorded on the day of the action. */
  unit_code: string;
  voided: boolean;
  amended: boolean;
}

export type SupportLedgerRow = Selectable<SupportLedgerTable>;
export type NewSupportLedger = Insertable<SupportLedgerTable>;
