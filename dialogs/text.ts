/** How answers are compared: text lower-cased, without accents, with white space collapsed. */
const NOT_ASCII = /\P{ASCII}/u;
const MARK = /\p{M}/u;
const MARKS = /\p{M}/gu;
/** White space that `\s+ → ' '` would change: a run, or anything but a plain space. */
const UNEVEN_SPACE = /\s{2,}|[^\S ]/;
const WHITE_SPACE = /\s+/g;

/**
 * The last text normalised and its result: the understanding step's readers (days, documents,
 * dates of birth, e-mails) each start from the same message, which is normalised once.
 */
let lastText = '';
let lastNormalized = '';

/** Lower-cased, without accents, with runs of white space collapsed: how answers are compared. */
export function normalizeText(text: string): string {
  if (text === lastText) return lastNormalized;
  const normalized = normalizeUncached(text);
  lastText = text;
  lastNormalized = normalized;
  return normalized;
}

function normalizeUncached(text: string): string {
  // Every member message and option passes here: skip the steps that would change nothing
  // (ASCII has no decompositions and no marks; single plain spaces stay as they are).
  let normalized = text;
  if (NOT_ASCII.test(normalized)) {
    normalized = normalized.normalize('NFD');
    if (MARK.test(normalized)) normalized = normalized.replace(MARKS, '');
  }
  normalized = normalized.toLowerCase();
  if (UNEVEN_SPACE.test(normalized)) normalized = normalized.replace(WHITE_SPACE, ' ');
  return normalized.trim();
}
