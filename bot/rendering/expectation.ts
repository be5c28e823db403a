/**
 * What the question a conversation waits on expects, as the understanding step compares
 * answers with it: the question and its options as shown (labels, aliases, and the start,
 * service and doctor of each slot or appointment).
 */
import { readFileSync } from 'node:fs';
import type { Reply, ReplyParams } from '../../dialogs/replies.js';
import type { Expectation, ShownOption } from '../understanding/types.js';

/** The other words members use for an option, by the option's text key. */
const aliasesByKey = JSON.parse(readFileSync(new URL('../../locales/es-CO/aliases.json', import.meta.url), 'utf8')) as Record<string, string[]>;

/** The expectation of `pending`, its labels written by `label`; a conversation that waits on nothing expects `other`. */
export function expectationOf(pending: Reply | undefined, label: (key: string, params: ReplyParams | undefined) => string): Expectation {
  const options: ShownOption[] = (pending?.options ?? []).map((choice) => {
    const start = choice.params?.start;
    const service = choice.params?.service;
    const doctor = choice.params?.doctor;
    const site = choice.params?.site;
    return {
      value: choice.value,
      label: label(choice.key, choice.params),
      aliases: Object.hasOwn(aliasesByKey, choice.key) ? (aliasesByKey[choice.key] ?? []) : [],
      ...(typeof start === 'string' ? { start } : {}),
      ...(typeof service === 'string' ? { service } : {}),
      ...(typeof doctor === 'string' ? { doctor } : {}),
      ...(typeof site === 'string' ? { site } : {}),
    };
  });
  const pointed = pending?.pointed !== undefined && options.some((shown) => shown.value === pending.pointed) ? pending.pointed : undefined;
  return { question: pending?.expects ?? 'other', options, ...(pointed !== undefined ? { pointed } : {}) };
}
