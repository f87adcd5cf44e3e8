// Vietnam has one time zone and no daylight saving: the business day turns at midnight in Hà Nội,
// not in UTC (7 hours earlier), or a review entered at 01:00 would be dated the day before.
const VIETNAM_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });

/** Today's date in Vietnam (YYYY-MM-DD): the default business date of commands and analyses. */
export const today = (now: Date = new Date()): string => VIETNAM_DAY.format(now);
