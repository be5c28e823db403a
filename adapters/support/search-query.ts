/**
 * The transcript search form, read from the query string into store filters. Anything
 * malformed becomes a message for the agent, never an error page.
 */
import { addDays, bogotaDate } from '../../bot/calendar.js';
import { SITE_CODES, type SiteCode } from '../../bot/domain.js';
import { CHANNELS, type ChannelName } from '../../bot/messages.js';
import { OUTCOMES, type ConversationFilters, type Outcome, type SearchCursor } from '../../bot/ports/support/conversations.js';
import { dayRange, isDay } from './format.js';

/** Without a phone, document or radicado, a search looks this many days back by default. */
export const DEFAULT_SEARCH_DAYS = 30;
export const PAGE_SIZE = 25;

/** The form as the agent filled it in, to show it again. */
export interface SearchForm {
  phone: string;
  document: string;
  radicado: string;
  site: string;
  channel: string;
  outcome: string;
  from: string;
  to: string;
}

export interface ParsedSearch {
  form: SearchForm;
  filters: ConversationFilters;
  after: SearchCursor | undefined;
  /** Keys of `search.errors.*` for what could not be read. */
  errors: SearchError[];
}

/** What a search form field could not be read as (`search.errors.*`). */
export type SearchError = 'phone' | 'document' | 'radicado' | 'site' | 'channel' | 'outcome' | 'from' | 'to' | 'range';

const DOCUMENT_PREFIX = /^(CC|TI|RC|CE|PA|PT)[\s.:-]*/i;

/**
 * The spellings a phone may be stored with, the likeliest first: the channel gives E.164
 * (`+573001112233`); a Colombian mobile typed without its country code gets it added.
 */
export function phoneCandidates(input: string): string[] | undefined {
  const digits = input.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return undefined;
  const national = digits.length === 12 && digits.startsWith('57') ? digits.slice(2) : digits;
  const colombianMobile = national.length === 10 && national.startsWith('3');
  return colombianMobile ? [`+57${national}`, `57${national}`, national] : [`+${digits}`, digits];
}

/** A document number as the engine stores it: letters and digits, no type, dots or spaces. */
export function normalizeDocument(input: string): string | undefined {
  const number = input
    .trim()
    .replace(DOCUMENT_PREFIX, '')
    .replace(/[\s.,-]/g, '')
    .toUpperCase();
  return /^[0-9A-Z]{3,20}$/.test(number) ? number : undefined;
}

export function normalizeRadicado(input: string): string | undefined {
  const value = input.trim().toUpperCase();
  return /^RISS-\d{4}-\d{6}$/.test(value) ? value : undefined;
}

/** `1732366800000_<conversation id>`: the last row of the page before. */
export function encodeCursor(cursor: SearchCursor): string {
  return `${cursor.startedAt}_${cursor.id}`;
}

function decodeCursor(value: string): SearchCursor | undefined {
  const match = /^(\d{1,15})_([\w-]{1,100})$/.exec(value);
  return match ? { startedAt: Number(match[1]), id: match[2] ?? '' } : undefined;
}

export function parseSearch(query: Record<string, string>, now: Date): ParsedSearch {
  const errors: SearchError[] = [];
  const filters: ConversationFilters = {};
  const read = (name: keyof SearchForm) => (query[name] ?? '').trim().slice(0, 100);
  const form: SearchForm = {
    phone: read('phone'),
    document: read('document'),
    radicado: read('radicado'),
    site: read('site'),
    channel: read('channel'),
    outcome: read('outcome'),
    from: read('from'),
    to: read('to'),
  };

  if (form.phone) {
    const phones = phoneCandidates(form.phone);
    if (phones) filters.phones = phones;
    else errors.push('phone');
  }
  if (form.document) {
    const document = normalizeDocument(form.document);
    if (document) filters.documents = [document];
    else errors.push('document');
  }
  if (form.radicado) {
    const radicado = normalizeRadicado(form.radicado);
    if (radicado) filters.radicado = radicado;
    else errors.push('radicado');
  }
  if (form.site) {
    if (form.site === 'none' || (SITE_CODES as readonly string[]).includes(form.site)) filters.site = form.site as SiteCode | 'none';
    else errors.push('site');
  }
  if (form.channel) {
    if ((CHANNELS as readonly string[]).includes(form.channel)) filters.channel = form.channel as ChannelName;
    else errors.push('channel');
  }
  if (form.outcome) {
    if ((OUTCOMES as readonly string[]).includes(form.outcome)) filters.outcome = form.outcome as Outcome;
    else errors.push('outcome');
  }

  // A phone, document or radicado finds a member's conversations of any date; a broader
  // search looks at the last days unless told otherwise, so it always walks a date range.
  const bySubject = Boolean(filters.phones || filters.documents || filters.radicado);
  if (!form.from && !bySubject) form.from = addDays(bogotaDate(now), -(DEFAULT_SEARCH_DAYS - 1));
  const from = form.from && isDay(form.from) ? form.from : undefined;
  const to = form.to && isDay(form.to) ? form.to : undefined;
  if (form.from && !from) errors.push('from');
  if (form.to && !to) errors.push('to');
  if (from && to && from > to) errors.push('range');
  else {
    if (from) filters.from = dayRange(from, from).from;
    if (to) filters.to = dayRange(to, to).to;
  }
  if (!bySubject && filters.from === undefined) {
    // An unreadable start date still searches the default window rather than everything.
    filters.from = dayRange(addDays(bogotaDate(now), -(DEFAULT_SEARCH_DAYS - 1)), bogotaDate(now)).from;
  }

  const after = query.after ? decodeCursor(query.after) : undefined;
  return { form, filters, after, errors };
}

/** The query string of a search page (the form, plus where the page starts). */
export function searchQueryString(form: SearchForm, after?: SearchCursor): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(form) as Array<[string, string]>) if (value) params.set(name, value);
  if (after) params.set('after', encodeCursor(after));
  return params.toString();
}
