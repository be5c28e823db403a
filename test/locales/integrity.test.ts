/**
 * The locale and the code agree, read from both (test/locales/said-keys.ts reads the code with
 * the TypeScript compiler): every key the code can say has a text in locales/es-CO, every text
 * is said somewhere, and every `{{parameter}}` a text uses is given where its key is said (and
 * nothing is given that no text uses). Plurals (`_one`/`_other`, said with `count`), contexts
 * (`_self`, said with `context`) and nesting (`$t(key)`) are read as i18next reads them.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from '@jest/globals';
import { policySectionKeys } from '../../adapters/webchat/policy.html.js';
import { analyse, type ParamSet, type Resolve, type Said } from './said-keys.js';

const LOCALE_FOLDER = new URL('../../locales/es-CO/', import.meta.url);
/** Not texts: the answers each option also accepts, by the option's lina key. */
const ALIASES = 'aliases.json';

/** Every text of a namespace by its full key (arrays by index, as i18next reads `sections.data.items.0`). */
function leaves(tree: unknown, prefix = ''): Array<[string, string]> {
  if (typeof tree === 'string') return [[prefix, tree]];
  if (tree === null || typeof tree !== 'object') return [];
  return Object.entries(tree).flatMap(([name, value]) => leaves(value, prefix ? `${prefix}.${name}` : name));
}

const locales = new Map(
  readdirSync(LOCALE_FOLDER)
    .filter((name) => name.endsWith('.json') && name !== ALIASES)
    .map((name) => [name.replace(/\.json$/, ''), new Map(leaves(JSON.parse(readFileSync(new URL(name, LOCALE_FOLDER), 'utf8'))))] as const),
);
const aliases = JSON.parse(readFileSync(new URL(ALIASES, LOCALE_FOLDER), 'utf8')) as Record<string, string[]>;

/** The event types a folder's code writes (`{ type: 'agenda-error', detail }`). */
function eventsWrittenIn(folder: string): string[] {
  const root = new URL(`../../${folder}`, import.meta.url);
  const sources = readdirSync(root)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => readFileSync(new URL(name, root), 'utf8'));
  return [...new Set(sources.flatMap((source) => [...source.matchAll(/\btype: '([a-z-]+)'/g)].map((match) => match[1] ?? '')))];
}

/** What a template gives whose parts the types cannot tell (`{{x, format}}` values, stored text, the policy's own sections). */
const RULES: Record<string, Record<string, (types: (file: string, name: string) => string[]) => string[]>> = {
  'bot/rendering/renderer.ts': {
    // `{{band, inBand}}` names a band of the day; any band says nothing.
    '`franjas.${value}`': (types) => types('bot/domain.ts', 'Franja').map((band) => `franjas.${band}`),
    // `{{specialty, specialty}}`, `{{specialty, ofSpecialty}}`: the specialty a machine names.
    '`specialties.${String(value)}`': (types) => types('bot/domain.ts', 'Specialty').map((specialty) => `specialties.${specialty}`),
    '`specialties.${value}`': (types) => types('bot/domain.ts', 'Specialty').map((specialty) => `specialties.${specialty}`),
    // `{{noted, notedList}}`: the entities said ahead of their question; sites, days and times are written by the formatter.
    '`noted.${part}`': (types) =>
      [...types('bot/domain.ts', 'Specialty'), ...types('bot/domain.ts', 'VisitType'), ...types('bot/understanding/types.ts', 'Band')].map((part) => `noted.${part}`),
  },
  'adapters/support/views/conversations.view.ts': {
    // A conversation's channel and outcome are stored as text; a label is shown when there is one (`hasText`), else the text.
    '`channels.${channel}`': (types) => types('bot/messages.ts', 'ChannelName').map((channel) => `channels.${channel}`),
    '`outcomes.${outcome}`': (types) => types('dialogs/records.ts', 'Outcome').map((outcome) => `outcomes.${outcome}`),
  },
  'adapters/support/views/transcript.view.ts': {
    // Events are stored as text, labelled when there is a label (`hasText`): the milestones the machines record and the
    // events the turn itself writes (`{ type: 'rate-limited' }` in bot/turn/); outcomes have their own label.
    '`transcript.events.${event.type}`': (types) => [...types('dialogs/records.ts', 'Milestone'), ...eventsWrittenIn('bot/turn/')].map((type) => `transcript.events.${type}`),
  },
};

/** The policy page walks its own sections (`policySectionKeys`): each template gives the keys of its shape. */
const POLICY_FILE = 'adapters/webchat/policy.html.ts';

/** The rules the reading asked for: a rule never asked for is left over from code that changed. */
const rulesUsed = new Set<string>();

const resolve: Resolve = (file, template, types) => {
  const rule = RULES[file]?.[template];
  if (rule) rulesUsed.add(`${file} ${template}`);
  if (rule) return rule(types);
  if (file === POLICY_FILE && template.startsWith('`sections.')) {
    const shape = new RegExp(
      `^${template
        .slice(1, -1)
        .replace(/\./g, '\\.')
        .replace(/\$\{[^}]+\}/g, '[^.]+')}$`,
    );
    return policySectionKeys().filter((key) => shape.test(key));
  }
  return undefined;
};

const analysis = analyse(resolve);

/**
 * The plural categories a count takes in Spanish up to a thousand (`one`, `other`): the forms a
 * text said with `count` needs. (`many` is for millions, a count Lina never says.)
 */
const PLURAL_CATEGORIES = [...new Set(Array.from({ length: 1001 }, (_, count) => new Intl.PluralRules('es-CO').select(count)))];
const PLURAL_SUFFIX = /_(?:zero|one|two|few|many|other)$/;
const PLURAL_FORM = /^(?:zero|one|two|few|many|other)$/;

const PLACEHOLDER = /\{\{\s*-?\s*([^,}\s]+)\s*(?:,\s*([^}]*?))?\s*\}\}/g;
const NESTING = /\$t\(\s*([^,)\s]+)\s*(?:,\s*(\{[^)]*\}))?\s*\)/g;

/** What i18next can make of a key said with some contexts, with or without `count`. */
interface Reading {
  /** Every text it may pick, the texts they nest (`$t(key)`) included. */
  texts: Set<string>;
  /** The ways of saying it that find no text: `(context "day", count in "one")`. */
  missing: string[];
  /** The `context` values given that have a text of their own (a variant), and whether some text picked is a plural form. */
  contextsUsed: Set<string>;
  pluralUsed: boolean;
  /** The placeholders of every text picked (less what a `$t(key, {…})` gives inline). */
  placeholders: Array<{ name: string; format: string | undefined; in: string }>;
}

/**
 * The texts i18next picks, as it picks them: for a context `c` and a plural category `n`, the
 * first of `key_c_n`, `key_c`, `key_n`, `key` that exists. Contexts `any` are every one the
 * locale has for the key; `mayFallBack` adds the key without context, never required.
 */
function read(
  texts: ReadonlyMap<string, string>,
  key: string,
  options: { contexts: Said['contexts']; mayFallBack: boolean; plural: boolean },
  seen: Set<string> = new Set(),
): Reading {
  const reading: Reading = { texts: new Set(), missing: [], contextsUsed: new Set(), pluralUsed: false, placeholders: [] };
  const anyContext = options.contexts === 'any';
  const contexts: Array<string | undefined> =
    options.contexts === 'any'
      ? [
          undefined,
          ...new Set(
            [...texts.keys()]
              .filter((each) => each.startsWith(`${key}_`) && !PLURAL_FORM.test(each.slice(key.length + 1)))
              .map((each) => each.slice(key.length + 1).replace(PLURAL_SUFFIX, '')),
          ),
        ]
      : [...options.contexts];
  const categories = options.plural ? PLURAL_CATEGORIES : [undefined];
  const pick = (context: string | undefined, required: boolean) => {
    for (const category of categories) {
      const chain = [
        context !== undefined && category ? `${key}_${context}_${category}` : undefined,
        context !== undefined ? `${key}_${context}` : undefined,
        category ? `${key}_${category}` : undefined,
        key,
      ];
      const picked = chain.find((each) => each !== undefined && texts.has(each));
      if (picked === undefined) {
        if (required) reading.missing.push([context !== undefined ? `context "${context}"` : '', category ? `count in "${category}"` : ''].filter(Boolean).join(', '));
        continue;
      }
      reading.texts.add(picked);
      if (context !== undefined && picked.startsWith(`${key}_${context}`)) reading.contextsUsed.add(context);
      if (category && picked.endsWith(`_${category}`)) reading.pluralUsed = true;
    }
  };
  for (const context of contexts) pick(context, !anyContext);
  if (options.mayFallBack && !contexts.includes(undefined)) pick(undefined, false);
  if (anyContext && reading.texts.size === 0) reading.missing.push('any context');
  // What each text picked says, and the texts it nests, read with the same options (i18next passes them down).
  for (const picked of [...reading.texts]) {
    const text = texts.get(picked) ?? '';
    for (const match of text.matchAll(PLACEHOLDER)) reading.placeholders.push({ name: (match[1] ?? '').split('.')[0] ?? '', format: match[2]?.trim() || undefined, in: picked });
    for (const match of text.matchAll(NESTING)) {
      const nestedKey = match[1] ?? '';
      if (seen.has(nestedKey)) continue;
      seen.add(nestedKey);
      const inline = match[2] ? (JSON.parse(match[2]) as Record<string, unknown>) : {};
      const nested = read(
        texts,
        nestedKey,
        {
          contexts: typeof inline.context === 'string' ? new Set([inline.context]) : options.contexts,
          mayFallBack: options.mayFallBack,
          plural: 'count' in inline || options.plural,
        },
        seen,
      );
      for (const each of nested.texts) reading.texts.add(each);
      for (const each of nested.contextsUsed) reading.contextsUsed.add(each);
      reading.pluralUsed ||= nested.pluralUsed;
      reading.missing.push(...nested.missing.map((why) => `nested "${nestedKey}"${why ? ` (${why})` : ''}`));
      reading.placeholders.push(...nested.placeholders.filter(({ name }) => !(name in inline)));
    }
  }
  return reading;
}

const locale = (namespace: string) => `locales/es-CO/${namespace}.json`;

/**
 * The other parameters a format of the renderer reads from the options i18next hands it
 * (`{{window, searchWindow}}` reads `agesOut` and `agesOutName`), from the renderer's source.
 */
const FORMAT_READS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  readFileSync(new URL('../../bot/rendering/renderer.ts', import.meta.url), 'utf8')
    .split(/formatter\.add\(/)
    .slice(1)
    .map((chunk) => [/^'([^']+)'/.exec(chunk)?.[1] ?? '', new Set([...chunk.matchAll(/options\?\.(\w+)/g)].map((match) => match[1] ?? ''))] as const),
);
const isPlural = (params: ParamSet) => params.names.has('count');
const readSaid = ({ namespace, key, contexts, mayFallBack, params }: Said) => read(locales.get(namespace) ?? new Map(), key, { contexts, mayFallBack, plural: isPlural(params) });

describe('locale integrity', () => {
  it('finds what the code says, each way it says it', () => {
    const said = new Set(analysis.said.map(({ namespace, key }) => `${namespace}:${key}`));
    // A reply, an option, a template over a union, a key through a wrapper, a formatter's key, each namespace.
    for (const expected of [
      'lina:consent.ask',
      'lina:options.yes',
      'lina:help.explain.band',
      'lina:options.documentType.PT',
      'lina:riss.offer',
      'lina:errors.tooLong',
      'lina:whatsapp.unsupported.sticker',
      'lina:services.890201',
      'support:incidents.statuses.in_progress',
      'support:dashboard.csv.digital_share',
      'webchat:page.tooLong',
      'poster:index.allPosters',
      'policy:sections.rights.items.6',
    ]) {
      assert.ok(said.has(expected), `${expected} not found in the code`);
    }
  });

  it('reads plurals, contexts and nesting as i18next does', async () => {
    const { default: i18next } = await import('i18next');
    const texts = new Map(
      Object.entries({
        plural_one: 'uno',
        plural_other: 'otros',
        onlyOther_other: 'solo otros',
        context: 'sin contexto',
        context_self: 'propio',
        context_self_one: 'propio, uno',
        nests: '$t(plural) y {{name}}',
        nestsWithOptions: '$t(context, {"context": "self"})',
      }),
    );
    const instance = i18next.createInstance();
    await instance.init({ lng: 'es-CO', fallbackLng: false, initAsync: false, resources: { 'es-CO': { translation: Object.fromEntries(texts) } } });
    // What i18next says for a key, and the texts the reading picks for it (every count, since it is not known where said).
    const cases: Array<[string, { context?: string; count?: number }, string, string[]]> = [
      ['plural', { count: 1 }, 'uno', ['plural_one', 'plural_other']],
      ['plural', { count: 7 }, 'otros', ['plural_one', 'plural_other']],
      ['context', { context: 'self' }, 'propio', ['context_self']],
      ['context', { context: 'self', count: 1 }, 'propio, uno', ['context_self', 'context_self_one']],
      ['context', { context: 'self', count: 2 }, 'propio', ['context_self', 'context_self_one']],
      ['context', { context: 'other' }, 'sin contexto', ['context']],
      ['nests', { count: 1 }, 'uno y x', ['nests', 'plural_one', 'plural_other']],
      ['nestsWithOptions', {}, 'propio', ['context_self', 'nestsWithOptions']],
    ];
    for (const [key, options, said, picked] of cases) {
      assert.equal(instance.t(key, { ...options, name: 'x' }), said, `${key} ${JSON.stringify(options)}`);
      const reading = read(texts, key, { contexts: new Set([options.context]), mayFallBack: false, plural: options.count !== undefined });
      assert.deepEqual([...reading.texts].sort(), picked, `${key} ${JSON.stringify(options)}`);
      assert.deepEqual(reading.missing, [], `${key} ${JSON.stringify(options)}`);
    }
    assert.deepEqual(
      read(texts, 'nests', { contexts: new Set([undefined]), mayFallBack: false, plural: true }).placeholders.map(({ name }) => name),
      ['name'],
      'a nested text is read for its placeholders too',
    );
    // Contexts that cannot be enumerated where said: every variant the locale has, plural forms not taken for contexts.
    assert.deepEqual([...read(texts, 'context', { contexts: 'any', mayFallBack: true, plural: false }).texts].sort(), ['context', 'context_self']);
    const anyPlural = read(texts, 'plural', { contexts: 'any', mayFallBack: true, plural: true });
    assert.deepEqual([[...anyPlural.texts].sort(), [...anyPlural.contextsUsed]], [['plural_one', 'plural_other'], []]);
    // Said with `count`, a text with only some plural forms is missing for the others ("solo otros" for 1 is the bare key).
    assert.deepEqual(read(texts, 'onlyOther', { contexts: new Set([undefined]), mayFallBack: false, plural: true }).missing, ['count in "one"']);
    assert.equal(instance.t('onlyOther', { count: 1 }), 'onlyOther');
  });

  it('can enumerate every key the code says', () => {
    assert.deepEqual(
      analysis.unresolved.map(({ namespace, where, expression, why }) => `${where} (${namespace}): ${expression} — ${why}`),
      [],
      'keys whose values neither the types nor a rule of this test can tell',
    );
  });

  it('has no rule left over from code that changed', () => {
    const rules = Object.entries(RULES).flatMap(([file, templates]) => Object.keys(templates).map((template) => `${file} ${template}`));
    assert.deepEqual(
      rules.filter((rule) => !rulesUsed.has(rule)),
      [],
      'rules of this test that no key of the code needs',
    );
  });

  it('has a text for every key the code says', () => {
    const missing = new Set<string>();
    for (const said of analysis.said) {
      const { namespace, key, where } = said;
      if (!locales.has(namespace)) {
        missing.add(`${where}: ${namespace} is not a file of locales/es-CO`);
        continue;
      }
      for (const why of readSaid(said).missing) missing.add(`${where}: "${key}"${why ? ` (${why})` : ''} has no text in ${locale(namespace)}`);
    }
    assert.deepEqual([...missing].sort(), []);
  });

  it('says every text of the locale somewhere', () => {
    const used = new Map<string, Set<string>>([...locales.keys()].map((namespace) => [namespace, new Set<string>()]));
    for (const said of analysis.said) for (const text of readSaid(said).texts) used.get(said.namespace)?.add(text);
    // Subtrees handed over whole (Web Chat's own strings, `resources.webChat`; the policy's sections).
    for (const { namespace, prefix } of analysis.wholeSubtrees) {
      for (const key of locales.get(namespace)?.keys() ?? []) if (key.startsWith(`${prefix}.`)) used.get(namespace)?.add(key);
    }
    const unused = [...locales].flatMap(([namespace, texts]) =>
      [...texts.keys()].filter((key) => !used.get(namespace)?.has(key)).map((key) => `${locale(namespace)}: "${key}" is never said`),
    );
    assert.deepEqual(unused, []);
  });

  it('has aliases only for options the code says', () => {
    const said = new Set(analysis.said.filter(({ namespace }) => namespace === 'lina').map(({ key }) => key));
    assert.deepEqual(
      Object.keys(aliases).filter((key) => !said.has(key)),
      [],
      `keys of locales/es-CO/${ALIASES} that no code says`,
    );
  });

  it('gives every parameter a text uses where its key is said', () => {
    const globals = new Set(analysis.globals.names.keys());
    const problems = new Set<string>();
    for (const said of analysis.said) {
      const { namespace, key, where, params } = said;
      if (params.open) continue;
      for (const placeholder of readSaid(said).placeholders) {
        if (params.names.has(placeholder.name)) continue;
        // The renderer adds its globals to every lina text and writes nothing for an optional part left out.
        if (namespace === 'lina' && (globals.has(placeholder.name) || (placeholder.format && analysis.optionalFormats(placeholder.format)))) continue;
        problems.add(`${where}: "${key}" is said without {{${placeholder.name}}}, which "${placeholder.in}" uses (${locale(namespace)})`);
      }
    }
    assert.deepEqual([...problems].sort(), []);
  });

  it('gives no parameter that no text said with it uses', () => {
    // A name is used where it is written when any key said with it there uses it: a placeholder, `count` for a
    // plural, or code that reads it back from the reply (`prompt.params.site`). A `context` value is used when
    // some key said with it there has a text of its own for it (else i18next silently says the text without).
    const uses = new Map<string, { used: boolean; keys: Set<string> }>();
    const note = (at: string, used: boolean, said: Said) => {
      const entry = uses.get(at) ?? { used: false, keys: new Set<string>() };
      entry.used ||= used;
      entry.keys.add(`${said.namespace}:${said.key}`);
      uses.set(at, entry);
    };
    for (const said of analysis.said) {
      const { namespace, params, contexts } = said;
      if (params.open) continue;
      const reading = readSaid(said);
      const placeholders = new Set(reading.placeholders.flatMap(({ name, format }) => [name, ...(format ? (FORMAT_READS.get(format) ?? []) : [])]));
      for (const [name, origins] of params.origins) {
        for (const origin of origins) {
          if (name === 'context') {
            const given = contexts === 'any' ? [] : [...contexts].filter((context) => context !== undefined);
            for (const context of given) note(`${origin}: context "${context}"`, reading.contextsUsed.has(context), said);
            if (contexts === 'any') note(`${origin}: context`, true, said);
            continue;
          }
          const used = placeholders.has(name) || (name === 'count' && reading.pluralUsed) || (namespace === 'lina' && analysis.paramsReadByCode.has(name));
          note(`${origin}: {{${name}}}`, used, said);
        }
      }
    }
    const unused = [...uses]
      .filter(([, { used }]) => !used)
      .map(([at, { keys }]) =>
        at.includes(': context "')
          ? `${at} is given to ${[...keys].sort().join(', ')}, which has no text for it (i18next says the text without a context)`
          : `${at} is given to ${[...keys].sort().join(', ')}, whose texts never use it`,
      );
    assert.deepEqual(unused.sort(), []);
  });
});
