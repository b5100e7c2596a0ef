import { isValidTimeZone, knownTimeZones } from '../time';
import { closest } from './closest';

/**
 * Time-zone abbreviations people write as a `timezone`, with the IANA zones each can mean, most
 * common first. Several are also legacy IANA names that mean something else (`BST` is Asia/Dhaka,
 * `IST` Asia/Kolkata, `CST` America/Chicago, `EST` a fixed −05:00 without daylight saving), so an
 * abbreviation is never taken as a zone: every time in the document would silently shift.
 */
const ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  PST: ['America/Los_Angeles'],
  PDT: ['America/Los_Angeles'],
  PT: ['America/Los_Angeles'],
  MST: ['America/Denver', 'America/Phoenix'],
  MDT: ['America/Denver'],
  CST: ['America/Chicago', 'Asia/Shanghai', 'Asia/Taipei', 'America/Havana'],
  CDT: ['America/Chicago'],
  CT: ['America/Chicago'],
  EST: ['America/New_York'],
  EDT: ['America/New_York'],
  ET: ['America/New_York'],
  AKST: ['America/Anchorage'],
  HST: ['Pacific/Honolulu'],
  AST: ['America/Halifax', 'Asia/Riyadh'],
  NST: ['America/St_Johns'],
  BRT: ['America/Sao_Paulo'],
  ART: ['America/Argentina/Buenos_Aires'],
  WET: ['Europe/Lisbon'],
  WEST: ['Europe/Lisbon'],
  BST: ['Europe/London', 'Asia/Dhaka'],
  IST: ['Asia/Kolkata', 'Europe/Dublin', 'Asia/Jerusalem'],
  CET: ['Europe/Paris', 'Europe/Berlin'],
  CEST: ['Europe/Paris', 'Europe/Berlin'],
  MET: ['Europe/Paris', 'Europe/Berlin'],
  EET: ['Europe/Athens', 'Europe/Helsinki'],
  EEST: ['Europe/Athens', 'Europe/Helsinki'],
  MSK: ['Europe/Moscow'],
  SAST: ['Africa/Johannesburg'],
  GST: ['Asia/Dubai'],
  PKT: ['Asia/Karachi'],
  ICT: ['Asia/Bangkok', 'Asia/Ho_Chi_Minh'],
  WIB: ['Asia/Jakarta'],
  SGT: ['Asia/Singapore'],
  HKT: ['Asia/Hong_Kong'],
  PHT: ['Asia/Manila'],
  JST: ['Asia/Tokyo'],
  KST: ['Asia/Seoul'],
  AWST: ['Australia/Perth'],
  ACST: ['Australia/Adelaide', 'Australia/Darwin'],
  AEST: ['Australia/Sydney', 'Australia/Brisbane'],
  AEDT: ['Australia/Sydney'],
  NZST: ['Pacific/Auckland'],
  NZDT: ['Pacific/Auckland'],
};

/** The zones an abbreviation can mean, or undefined when the text is not one we know. */
export function abbreviationZones(text: string): readonly string[] | undefined {
  return ABBREVIATIONS[text.trim().toUpperCase()];
}

/**
 * The zone a document's language most likely means, from its region (`en-GB`) or the language
 * alone when it is spoken mostly in one zone (`ja`). Nothing for `en` or `es` alone: no guess.
 */
const BY_TAG: Readonly<Record<string, string>> = {
  ja: 'Asia/Tokyo',
  jp: 'Asia/Tokyo',
  ko: 'Asia/Seoul',
  kr: 'Asia/Seoul',
  zh: 'Asia/Shanghai',
  cn: 'Asia/Shanghai',
  tw: 'Asia/Taipei',
  hk: 'Asia/Hong_Kong',
  th: 'Asia/Bangkok',
  vi: 'Asia/Ho_Chi_Minh',
  vn: 'Asia/Ho_Chi_Minh',
  id: 'Asia/Jakarta',
  sg: 'Asia/Singapore',
  in: 'Asia/Kolkata',
  hi: 'Asia/Kolkata',
  gb: 'Europe/London',
  ie: 'Europe/Dublin',
  de: 'Europe/Berlin',
  fr: 'Europe/Paris',
  it: 'Europe/Rome',
  nl: 'Europe/Amsterdam',
  pl: 'Europe/Warsaw',
  us: 'America/New_York',
  ca: 'America/Toronto',
  br: 'America/Sao_Paulo',
  pt: 'Europe/Lisbon',
  au: 'Australia/Sydney',
  nz: 'Pacific/Auckland',
};

export function zoneOfLanguage(language: string | undefined): string | undefined {
  if (!language) return undefined;
  const [lang, ...rest] = language.toLowerCase().split(/[-_]/);
  const region = rest.find((part) => /^[a-z]{2}$/.test(part));
  return (region && BY_TAG[region]) ?? (lang && ['ja', 'ko', 'zh', 'th', 'vi', 'id', 'hi', 'de', 'fr', 'it', 'nl', 'pl'].includes(lang) ? BY_TAG[lang] : undefined);
}

/**
 * The zones to offer for a document, best first: what its `timezone` text can mean (an
 * abbreviation's zones, a misspelt name's closest), then its language's zone, then UTC.
 */
export function suggestedZones(timezoneText: string | undefined, language: string | undefined): string[] {
  const zones: string[] = [];
  const text = timezoneText?.trim();
  if (text) {
    const meant = abbreviationZones(text);
    if (meant) zones.push(...meant);
    else if (!isValidTimeZone(text)) {
      const near = closestZone(text);
      if (near) zones.push(near);
    }
  }
  const fromLanguage = zoneOfLanguage(language);
  if (fromLanguage) zones.push(fromLanguage);
  zones.push('UTC');
  return [...new Set(zones)];
}

/** The real zone a misspelt name most likely means (`Asia/Tokio` → `Asia/Tokyo`), if one is close. */
export function closestZone(text: string): string | undefined {
  const zones = knownTimeZones();
  const near = closest(text, zones);
  if (near) return near;
  // `Tokio` alone, or with the wrong region: compare the city part.
  const city = text.slice(text.lastIndexOf('/') + 1);
  const byCity = new Map(zones.map((zone) => [zone.slice(zone.lastIndexOf('/') + 1), zone] as const));
  const nearCity = closest(city, [...byCity.keys()]);
  return nearCity ? byCity.get(nearCity) : undefined;
}
