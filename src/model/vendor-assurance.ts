// How long a vendor's assurance report counts: shared by vendor-assurance (is it current?) and the readiness report
// (when does it stop being current?).
import { addInterval, addMonths, maxDate, minDate, type Interval, type IsoDate } from '../core/dates.js';

/** A bridge letter extends a report by at most this many months. */
export const BRIDGE_MONTHS = 3;

export interface AssuranceWindow {
  /** The report alone counts until this day: its period end plus the maximum age. */
  currentUntil: IsoDate;
  /** A bridge letter counts at most until this day. */
  bridgeLimit: IsoDate;
  /** The last day the report, with its bridge letter, counts. */
  validUntil: IsoDate;
}

/** The days a report ending `periodEnd` (with a bridge letter through `through`) counts, at most `maxAge` old. */
export function assuranceWindow(periodEnd: IsoDate, maxAge: Interval, through?: IsoDate): AssuranceWindow {
  const currentUntil = addInterval(periodEnd, maxAge);
  const bridgeLimit = addMonths(currentUntil, BRIDGE_MONTHS);
  const validUntil = through ? maxDate([currentUntil, minDate([through, bridgeLimit])!])! : currentUntil;
  return { currentUntil, bridgeLimit, validUntil };
}
