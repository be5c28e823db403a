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
}

export function reply(key: string, params?: ReplyParams, options?: ReplyOption[], items?: ReplyItem[]): Reply {
  return { key, ...(params ? { params } : {}), ...(options ? { options } : {}), ...(items ? { items } : {}) };
}

export function option(value: string, key: string, params?: ReplyParams): ReplyOption {
  return { value, key, ...(params ? { params } : {}) };
}

/** The yes/no pair every confirmation offers; the engine also accepts their aliases. */
export const YES_NO: ReplyOption[] = [option('yes', 'options.yes'), option('no', 'options.no')];
