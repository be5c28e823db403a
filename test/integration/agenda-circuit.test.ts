/**
 * The agenda failing for real, behind a proxy that can cut it: after sustained failures the
 * circuit opens and every member gets the contingency failure message instead of a flow;
 * once the agenda answers again, a trial call closes the circuit and the flow works.
 */
import assert from 'node:assert/strict';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from '@jest/globals';
import { testContext } from '../support/test-context.js';
import { setTimeout as wait } from 'node:timers/promises';
import { startAgendaSimulator } from '../../adapters/agenda-simulator/simulator.server.js';
import { ManualClock } from '../../bot/clock.js';
import { loadConfig } from '../../bot/config.js';
import { silentLogger } from '../../bot/logger.js';
import { startRuntime } from '../../bot/main/runtime.js';
import { FAKE_NOW } from '../fakes/agenda.fake.js';
import { startChat } from '../fakes/chat.js';

/** Forwards to the agenda, or answers 503 while `down`. */
async function startSwitchableProxy(target: string) {
  const state = { down: false };
  const server = createServer((req, res) => {
    if (state.down) {
      res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":{"code":"UNAVAILABLE"}}');
      return;
    }
    const upstream = request(new URL(req.url ?? '/', target), { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, state, close: () => new Promise((r) => server.close(r)) };
}

describe('agenda circuit breaker, end to end', () => {
  it('gives the failure message while the agenda is down and the flow again once it is back', async () => {
    const t = testContext();
    const clock = new ManualClock(FAKE_NOW);
    const simulator = await startAgendaSimulator({ clock });
    const proxy = await startSwitchableProxy(simulator.url);
    const runtime = await startRuntime({
      config: loadConfig({
        LINA_DATABASE_PATH: ':memory:',
        AGENDA_URL: proxy.url,
        AGENDA_RETRIES: '0',
        AGENDA_BREAKER_MIN_CALLS: '3',
        AGENDA_BREAKER_RESET_MS: '300',
      }),
      clock,
      logger: silentLogger,
    });
    t.after(async () => {
      await runtime.close();
      await proxy.close();
      await simulator.close();
    });
    const agendaDown = runtime.renderer.text('contingency.agendaDown', {}, clock.now());

    const laura = await startChat({ engine: runtime.engine, clock });
    await laura.say('hola');
    await laura.say('sí');
    proxy.state.down = true;
    for (let attempt = 0; attempt < 3; attempt++) {
      await laura.say('CC 1010101010');
      assert.ok(laura.lastReply().includes(runtime.renderer.text('errors.agendaUnavailable', {}, clock.now())), laura.lastReply());
    }
    assert.equal(runtime.agendaCircuit().open, true);

    // Any member now gets the failure message, and no flow starts.
    const carlos = await startChat({ engine: runtime.engine, clock, from: '+573002223344' });
    await carlos.say('hola');
    assert.equal(carlos.lastReply(), agendaDown);
    await laura.say('CC 1010101010');
    assert.equal(laura.lastReply(), agendaDown);

    proxy.state.down = false;
    await wait(400);
    await laura.say('CC 1010101010');
    assert.match(laura.lastReply(), /Laura/, laura.lastReply());
    assert.equal(runtime.agendaCircuit().open, false);
  });
});
