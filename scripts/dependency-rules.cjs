// @ts-check
/**
 * The layers of Lina's source, as dependency-cruiser rules (`npm run architecture` checks them
 * and draws docs/architecture.md; test/architecture/layers.test.ts fails the build on any
 * forbidden arrow):
 *
 *   bot/main/        the composition root: config → database, stores, agenda, engine, servers, CLI.
 *                    The only place that may import every layer.
 *   adapters/        channels and backends: drive the engine or implement its ports; they get
 *                    their stores from the composition root and import none.
 *   data/            the stores (SQLite), each table's migration next to its store: implement
 *                    the core's ports (bot/ports.ts, bot/ports/).
 *   bot/ (the rest)  the core: engine, turn, ports, domain (with the one catalog), understanding,
 *                    rendering, calendar, clock, simulation. Imports dialogs/, locales and libraries.
 *   dialogs/         the machines: import the core's domain vocabulary and xstate, nothing that does I/O.
 *
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'core-imports-no-adapter-or-store',
      comment: 'The core (bot/ outside bot/main/) runs dialogs and calls ports; adapters and stores are plugged in by the composition root.',
      severity: 'error',
      from: { path: '^bot/', pathNot: '^bot/main/' },
      to: { path: '^(adapters|data)/' },
    },
    {
      name: 'dialogs-import-only-the-domain',
      comment: 'Machines are pure: the domain vocabulary (bot/domain.ts, bot/messages.ts, bot/understanding/types.ts), other dialogs and xstate.',
      severity: 'error',
      from: { path: '^dialogs/' },
      to: { path: '^(bot|adapters|data)/', pathNot: '^bot/(domain|messages|understanding/types)\\.ts$' },
    },
    {
      name: 'the-domain-imports-only-the-domain',
      comment: 'The vocabulary dialogs share with the core depends on nothing else, so the layers form no circle.',
      severity: 'error',
      from: { path: '^bot/(domain|messages|understanding/types)\\.ts$' },
      to: { pathNot: '^bot/(domain|messages|understanding/types)\\.ts$', dependencyTypesNot: ['npm', 'core'] },
    },
    {
      name: 'adapters-import-no-store',
      comment: 'Adapters use the core ports; the stores that implement them are handed over by the composition root.',
      severity: 'error',
      from: { path: '^adapters/' },
      to: { path: '^data/' },
    },
    {
      name: 'stores-import-no-adapter',
      comment: 'Stores implement the core ports; they know no channel.',
      severity: 'error',
      from: { path: '^data/' },
      to: { path: '^adapters/' },
    },
    {
      name: 'only-the-composition-root-imports-the-composition-root',
      comment: 'Nothing depends on how Lina is assembled.',
      severity: 'error',
      from: { pathNot: '^bot/main/' },
      to: { path: '^bot/main/' },
    },
    {
      name: 'no-circular',
      comment: 'No module reaches itself through its imports.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|test)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.json'] },
  },
};
