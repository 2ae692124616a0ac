// RFC 9110 §5.6.7: senders use IMF-fixdate; recipients must also accept rfc850-date and asctime.
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTH = `(${MONTHS.join("|")})`;
const DAY_NAME = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)";
const DAY_NAME_LONG = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
const TIME = "(\\d{2}):(\\d{2}):(\\d{2})";

const IMF_FIXDATE = new RegExp(`^${DAY_NAME}, (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`);
const RFC850_DATE = new RegExp(`^${DAY_NAME_LONG}, (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`);
const ASCTIME_DATE = new RegExp(`^${DAY_NAME} ${MONTH} ( \\d|\\d{2}) ${TIME} (\\d{4})$`);

interface DateFields {
  year: number;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

function toEpochMs(fields: DateFields): number | null {
  const monthIndex = MONTHS.indexOf(fields.month);
  const day = Number(fields.day);
  const hour = Number(fields.hour);
  const minute = Number(fields.minute);
  const second = Number(fields.second);
  if (hour > 23 || minute > 59 || second > 60) return null;
  const date = new Date(0);
  date.setUTCFullYear(fields.year, monthIndex, day);
  date.setUTCHours(hour, minute, second, 0);
  // Reject impossible days such as Feb 30, which Date would roll into March.
  if (date.getUTCMonth() !== monthIndex || date.getUTCDate() !== day) return null;
  return date.getTime();
}

// A two-digit year more than 50 years ahead means the most recent past year with those digits.
function expandTwoDigitYear(twoDigits: number, nowMs: number): number {
  const nowYear = new Date(nowMs).getUTCFullYear();
  let year = Math.floor(nowYear / 100) * 100 + twoDigits;
  if (year > nowYear + 50) year -= 100;
  return year;
}

/**
 * Parses an RFC 9110 HTTP-date (IMF-fixdate, rfc850-date or asctime-date) to epoch ms, or null.
 * Strict on purpose: Date.parse accepts different garbage on Bun and Node.
 */
export function parseHttpDate(value: string, nowMs: number): number | null {
  const imf = IMF_FIXDATE.exec(value);
  if (imf) {
    const [, day = "", month = "", year = "", hour = "", minute = "", second = ""] = imf;
    return toEpochMs({ year: Number(year), month, day, hour, minute, second });
  }
  const rfc850 = RFC850_DATE.exec(value);
  if (rfc850) {
    const [, day = "", month = "", year = "", hour = "", minute = "", second = ""] = rfc850;
    const fullYear = expandTwoDigitYear(Number(year), nowMs);
    return toEpochMs({ year: fullYear, month, day, hour, minute, second });
  }
  const asctime = ASCTIME_DATE.exec(value);
  if (asctime) {
    const [, month = "", day = "", hour = "", minute = "", second = "", year = ""] = asctime;
    return toEpochMs({ year: Number(year), month, day: day.trim(), hour, minute, second });
  }
  return null;
}
