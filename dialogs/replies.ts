/** What machines say: locale keys with parameters, options and items, never sentences. */
import type { Question } from '../bot/understanding/types.js';

/**
 * What a machine says: locale keys and parameters, never sentences. The engine renders them.
 */
export type ReplyParams = Record<string, string | number | boolean | undefined>;

/** One numbered option. `value` is what the machine receives as `choice` when it is picked. */
export interface ReplyOption {
  value: string;
  key: string;
  params?: ReplyParams;
}

/** One line of a list shown under a text (e.g. each upcoming appointment). */
export interface ReplyItem {
  key: string;
  params?: ReplyParams;
}

export interface Reply {
  key: string;
  params?: ReplyParams;
  options?: ReplyOption[];
  items?: ReplyItem[];
  /** Set on a question: what kind of answer it waits for, so the answer is read as one. */
  expects?: Question;
  /** On a question asked again after a question about one of its options ("¿con qué doctor es la primera?"): that option, which "esa" picks. */
  pointed?: string;
}

export function reply(key: string, params?: ReplyParams, options?: ReplyOption[], items?: ReplyItem[]): Reply {
  return { key, ...(params ? { params } : {}), ...(options ? { options } : {}), ...(items ? { items } : {}) };
}

/** A question: a reply that waits for an answer of kind `expects`. */
export function ask(expects: Question, key: string, params?: ReplyParams, options?: ReplyOption[], items?: ReplyItem[]): Reply {
  return { ...reply(key, params, options, items), expects };
}

export function option(value: string, key: string, params?: ReplyParams): ReplyOption {
  return { value, key, ...(params ? { params } : {}) };
}

/** The yes/no pair every confirmation offers; the engine also accepts their aliases. */
export const YES_NO: ReplyOption[] = [option('yes', 'options.yes'), option('no', 'options.no')];
