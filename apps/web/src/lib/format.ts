import type { Language } from './i18n';

/**
 * Dates and numbers in the user's language, in Kazakhstan time. Month names and digit grouping are
 * shipped here rather than taken from the browser: Chromium builds without Kazakh locale data print
 * "M11" for қараша and "12,000" for 12 000.
 */
export const TIME_ZONE = 'Asia/Almaty';

const MONTHS: Record<Language, readonly string[]> = {
  kk: ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'],
  ru: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

const almatyParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function partsOf(date: Date): { year: number; month: number; day: number; hour: string; minute: string } {
  const parts = Object.fromEntries(almatyParts.formatToParts(date).map((p) => [p.type, p.value]));
  return { year: Number(parts['year']), month: Number(parts['month']), day: Number(parts['day']), hour: parts['hour'] ?? '00', minute: parts['minute'] ?? '00' };
}

/** "23 қараша 2026, 14:05" / "23 ноября 2026, 14:05" / "23 November 2026, 14:05". */
export function formatDateTime(value: string | Date, language: Language): string {
  const p = partsOf(typeof value === 'string' ? new Date(value) : value);
  const month = MONTHS[language][p.month - 1];
  const date = language === 'kk' ? `${p.year} ж. ${p.day} ${month}` : `${p.day} ${month} ${p.year}`;
  return `${date}, ${p.hour}:${p.minute}`;
}

export function formatDate(value: string | Date, language: Language): string {
  return formatDateTime(value, language).split(', ')[0]!;
}

/** Whole numbers with the language's grouping: 12 000 in Kazakh and Russian, 12,000 in English. */
export function formatNumber(value: number, language: Language): string {
  const separator = language === 'en' ? ',' : '\u00a0';
  const [whole, fraction] = Math.abs(value).toString().split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  return `${value < 0 ? '−' : ''}${grouped}${fraction ? (language === 'en' ? '.' : ',') + fraction : ''}`;
}

/** The value for a datetime-local input: now, as the wall clock in Almaty shows it. */
export function almatyLocalInput(date: Date): string {
  const p = partsOf(date);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${p.hour}:${p.minute}`;
}

/** A datetime-local value read as Almaty time (UTC+5, no daylight saving) to an ISO instant. */
export function almatyInputToIso(value: string): string {
  return new Date(`${value}:00+05:00`).toISOString();
}

/** "наурыз 2026" / "марта 2026" → as a heading: the month name in the nominative where the language needs it. */
const MONTHS_NOMINATIVE: Record<Language, readonly string[]> = {
  kk: MONTHS.kk,
  ru: ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'],
  en: MONTHS.en,
};

/** A reporting month, "2026-03", in words: "2026 ж. наурыз", "март 2026", "March 2026". */
export function formatMonth(month: string, language: Language): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const name = MONTHS_NOMINATIVE[language][number - 1] ?? month;
  return language === 'kk' ? `${year} ж. ${name}` : `${name} ${year}`;
}
