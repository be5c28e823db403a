/**
 * Model-based coverage of every dialog machine (see explore.ts for how, models.ts for what):
 * @xstate/graph explores each machine from a few starting points, a few messages deep, with
 * representative messages read by the real understanding step and representative answers of
 * its actors; every path it generates is replayed against the real machine with fake actors.
 *
 * Each machine's test fails naming every state no replayed path reaches (and whether the model
 * reached it at all), every turn that ends where the engine could not persist the conversation
 * (neither waiting for the member, nor final, nor running a child machine), every turn that
 * ends waiting and said nothing, and every text key said that locales/es-CO/lina.json lacks.
 *
 * Bounds, so it runs in seconds: each start explores at most `maxMessages` messages deep
 * (models.ts, 3 to 5), over abstract states (the state value and what the guards read), and
 * @xstate/graph stops with an error past 50,000 states taken from its queue (explore.ts).
 * The table printed at the end says how much each machine's paths cover.
 */
import assert from 'node:assert/strict';
import { afterAll, describe, it } from '@jest/globals';
import { coverageTable, describedTransitions, emptyReplay, explore, problemsOf, replayPath, stateNodesOf, transitionsOf, type CoverageRow, type DialogModel } from './explore.js';
import { DIALOG_MODELS } from './models.js';

const rows: CoverageRow[] = [];
const untaken: string[] = [];

function covers(model: DialogModel) {
  describe(`${model.name} machine`, () => {
    it('reaches every state along paths replayed against the real machine, each turn ending where the engine can persist it, having said something', async () => {
      const started = Date.now();
      const replay = emptyReplay();
      let modelStates = 0;
      const stuck: string[] = [];
      const reached = new Set<string>();
      for (const start of Object.keys(model.starts)) {
        const exploration = explore(model, start);
        modelStates += exploration.states;
        for (const id of exploration.reached) reached.add(id);
        stuck.push(...exploration.stuck.map((where) => `[${start}] a turn ends in ${where}: it neither waits for the member, nor is final, nor runs a child machine`));
        for (const path of exploration.paths) await replayPath(model, path, replay);
      }
      const states = stateNodesOf(model.machine).map((node) => node.id);
      const transitions = transitionsOf(model.machine);
      rows.push({
        machine: model.name,
        states: states.filter((id) => replay.states.has(id)).length,
        statesTotal: states.length,
        transitions: transitions.filter((key) => replay.transitions.has(key)).length,
        transitionsTotal: transitions.length,
        modelStates,
        paths: replay.paths,
        steps: replay.steps,
        ms: Date.now() - started,
      });
      const described = describedTransitions(model.machine);
      untaken.push(...transitions.filter((key) => !replay.transitions.has(key)).map((key) => `${key} ${described.get(key)}`));

      const unvisited = states
        .filter((id) => !replay.states.has(id))
        .map((id) => `state ${id} is never reached: ${reached.has(id) ? 'the model reaches it, but no replayed path visits it' : 'unreachable, no explored event leads to it'}`);
      assert.deepEqual([...unvisited, ...stuck, ...problemsOf(replay)], [], `${model.name} machine`);
    });
  });
}

for (const model of DIALOG_MODELS) covers(model);

afterAll(() => {
  console.log(`\nDialog model coverage\n${coverageTable(rows)}\n\nTransitions no replayed path takes:\n${untaken.map((key) => `  ${key}`).join('\n')}\n`);
});
