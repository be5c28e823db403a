import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import fc from 'fast-check';
import { toInboundEvent, type InboundEvent } from '../../../adapters/whatsapp/inbound.js';
import * as wa from '../../fixtures/whatsapp/messages.js';

function textOf(event: InboundEvent): string {
  assert.equal(event.kind, 'text', `expected a text, got ${JSON.stringify(event)}`);
  return event.kind === 'text' ? event.text : '';
}

describe('WhatsApp inbound mapper', () => {
  it('reads plain, extended, disappearing and view-once texts', () => {
    assert.equal(textOf(toInboundEvent(wa.text('hola'))), 'hola');
    assert.equal(textOf(toInboundEvent(wa.extendedText('CC 1010101010'))), 'CC 1010101010');
    assert.equal(textOf(toInboundEvent(wa.ephemeralText('sí'))), 'sí');
    assert.equal(textOf(toInboundEvent(wa.viewOnceText('agendar'))), 'agendar');
  });

  it('keeps the chat, the id and the key for the reply and the read receipt', () => {
    const message = wa.text('hola');
    const event = toInboundEvent(message);
    assert.equal(event.kind, 'text');
    if (event.kind !== 'text') return;
    assert.equal(event.chatJid, wa.LAURA_PN);
    assert.equal(event.messageId, message.key.id);
    assert.equal(event.key.id, message.key.id);
    assert.equal(event.key.remoteJid, wa.LAURA_PN);
    assert.deepEqual(event.addresses, [{ jid: wa.LAURA_PN, kind: 'pn', user: '573001112233' }]);
  });

  it('gives both addresses of a LID sender, the chat’s own first', () => {
    const event = toInboundEvent(wa.text('hola', { from: wa.LAURA_LID, alt: wa.LAURA_PN }));
    assert.equal(event.kind, 'text');
    if (event.kind !== 'text') return;
    assert.equal(event.chatJid, wa.LAURA_LID);
    assert.deepEqual(event.addresses, [
      { jid: wa.LAURA_LID, kind: 'lid', user: '204857261920345' },
      { jid: wa.LAURA_PN, kind: 'pn', user: '573001112233' },
    ]);
  });

  it('drops device suffixes and the old c.us server from addresses, but replies where the message came from', () => {
    const event = toInboundEvent(wa.text('hola', { from: '573001112233:7@s.whatsapp.net', alt: '204857261920345:7@lid' }));
    assert.equal(event.kind, 'text');
    if (event.kind !== 'text') return;
    assert.equal(event.chatJid, '573001112233:7@s.whatsapp.net');
    assert.deepEqual(
      event.addresses.map((address) => address.jid),
      [wa.LAURA_PN, wa.LAURA_LID],
    );
    const legacy = toInboundEvent(wa.text('hola', { from: '573001112233@c.us' }));
    assert.equal(legacy.kind === 'text' && legacy.addresses[0]?.jid, wa.LAURA_PN);
  });

  it('reads the choice of list, button, template and flow replies', () => {
    assert.equal(textOf(toInboundEvent(wa.listReply('agendar', 'Agendar cita'))), 'agendar');
    assert.equal(textOf(toInboundEvent(wa.listReply('', 'Agendar cita'))), 'Agendar cita');
    assert.equal(textOf(toInboundEvent(wa.buttonReply('si', 'Sí'))), 'si');
    assert.equal(textOf(toInboundEvent(wa.buttonReply('', 'Sí'))), 'Sí');
    assert.equal(textOf(toInboundEvent(wa.templateButtonReply('consultar', 'Consultar citas'))), 'consultar');
    assert.equal(textOf(toInboundEvent(wa.interactiveReply('{"id":"cancelar","description":"Cancelar cita"}', 'Cancelar cita'))), 'cancelar');
    assert.equal(textOf(toInboundEvent(wa.interactiveReply('not json', 'Cancelar cita'))), 'Cancelar cita');
    assert.equal(textOf(toInboundEvent(wa.interactiveReply('{"id":42}', 'Cancelar cita'))), 'Cancelar cita');
  });

  it('reads an edited message as its new text', () => {
    const original = wa.text('CC 101010101');
    assert.equal(textOf(toInboundEvent(wa.edit(original.key, 'CC 1010101010'))), 'CC 1010101010');
  });

  it('answers media, locations and contacts as content Lina cannot read', () => {
    const kinds: Array<[ReturnType<typeof wa.text>, string]> = [
      [wa.audio(), 'audio'],
      [wa.image(), 'image'],
      [wa.image('mi orden médica'), 'image'],
      [wa.viewOnceImage(), 'image'],
      [wa.video(), 'video'],
      [wa.documentWithCaption('orden.pdf', 'la orden'), 'document'],
      [wa.sticker(), 'sticker'],
      [wa.location(), 'location'],
      [wa.contact(), 'contact'],
    ];
    for (const [message, kind] of kinds) {
      const event = toInboundEvent(message);
      assert.equal(event.kind, 'unsupported', kind);
      assert.equal(event.kind === 'unsupported' && event.content, kind);
    }
  });

  it('ignores what is not a member writing to Lina', () => {
    const hola = wa.text('hola');
    const cases: Array<[unknown, string]> = [
      [wa.ownText('hola'), 'fromMe'],
      [wa.groupText('hola'), 'group'],
      [wa.statusUpdate('hola'), 'status'],
      [wa.text('hola', { from: '573001112233@broadcast' }), 'broadcast'],
      [wa.newsletterPost('hola'), 'newsletter'],
      [wa.text('hola', { from: '867051314767696@bot' }), 'notAPerson'],
      [wa.reaction(hola.key, '👍'), 'silent'],
      [wa.revoke(hola.key), 'silent'],
      [wa.undecryptable(), 'noContent'],
      [wa.makeMessage({ pollUpdateMessage: { pollCreationMessageKey: hola.key } }), 'silent'],
      [wa.makeMessage({ someFutureMessage: { foo: 1 } } as never), 'unknownContent'],
    ];
    for (const [message, reason] of cases) assert.deepEqual(toInboundEvent(message), { kind: 'ignored', reason }, reason);
  });

  it('never throws on shapes it does not expect', () => {
    const odd: unknown[] = [
      undefined,
      null,
      42,
      'hola',
      [],
      {},
      { key: null },
      { key: { remoteJid: wa.LAURA_PN } },
      { key: { remoteJid: wa.LAURA_PN, id: 'X' }, message: { conversation: 7 } },
      { key: { remoteJid: wa.LAURA_PN, id: 'X' }, message: { extendedTextMessage: 'hola' } },
      { key: { remoteJid: wa.LAURA_PN, id: 'X' }, message: { ephemeralMessage: { message: { ephemeralMessage: { message: 'x' } } } } },
      { key: { remoteJid: wa.LAURA_PN, id: 'X', fromMe: 'yes' }, message: { conversation: 'hola' } },
    ];
    for (const raw of odd) {
      const event = toInboundEvent(raw);
      assert.equal(event.kind, 'ignored');
    }
    fc.assert(
      fc.property(fc.anything(), (message) => {
        const event = toInboundEvent({ key: { remoteJid: wa.LAURA_PN, id: 'X' }, message });
        return ['text', 'unsupported', 'ignored'].includes(event.kind);
      }),
    );
  });

  it('stops unwrapping wrappers nested without end', () => {
    let message: Record<string, unknown> = { conversation: 'hola' };
    for (let depth = 0; depth < 50; depth++) message = { ephemeralMessage: { message } };
    assert.deepEqual(toInboundEvent({ key: { remoteJid: wa.LAURA_PN, id: 'X' }, message }), { kind: 'ignored', reason: 'noContent' });
  });
});
