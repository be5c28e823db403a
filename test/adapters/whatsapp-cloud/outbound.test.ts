import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { CLOUD_LIMITS, shortened, toCloudMessages, type CloudMessage } from '../../../adapters/whatsapp-cloud/cloud-outbound.js';
import { toWhatsAppTexts } from '../../../adapters/whatsapp/outbound.js';
import type { OutboundMessage, ReplyOption } from '../../../bot/messages.js';

const LIST_BUTTON = 'Ver opciones';
const render = (...messages: OutboundMessage[]) => toCloudMessages(messages, { listButton: LIST_BUTTON });
const options = (...labels: string[]): ReplyOption[] => labels.map((label, index) => ({ label, value: `v${index + 1}` }));

/** The text a member reads in a message, whatever its type. */
const bodyOf = (message: CloudMessage) => (message.type === 'text' ? message.text.body : message.type === 'interactive' ? message.interactive.body.text : '');

describe('Cloud API replies: what each reply becomes', () => {
  it('sends a reply without options as text, bold the WhatsApp way, like Baileys', () => {
    const reply = { text: 'Tu radicado es **RISS-2026-000101**.' };
    assert.deepEqual(render(reply), [{ type: 'text', text: { body: 'Tu radicado es *RISS-2026-000101*.', preview_url: false } }]);
    assert.deepEqual(render(reply).map(bodyOf), toWhatsAppTexts([reply]));
  });

  it('shows up to 3 short options as reply buttons whose ids are the values', () => {
    const [message] = render({
      text: '¿Confirmo la cita?',
      options: [
        { label: 'Sí, confirmar', value: 'si' },
        { label: '**No**', value: 'no' },
      ],
    });
    assert.deepEqual(message, {
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: '¿Confirmo la cita?' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'si', title: 'Sí, confirmar' } },
            { type: 'reply', reply: { id: 'no', title: 'No' } },
          ],
        },
      },
    });
  });

  it('takes a list when a button title would pass 20 characters or there are more than 3', () => {
    const long = render({ text: '¿Qué quieres hacer?', options: options('Agendar', 'Consultar mis citas!', 'Cancelar una cita ya') })[0];
    assert.equal(long?.type === 'interactive' && long.interactive.type, 'button');
    const longer = render({ text: '¿Qué quieres hacer?', options: options('Agendar', 'Consultar mis próximas citas') })[0];
    assert.equal(longer?.type === 'interactive' && longer.interactive.type, 'list');
    const four = render({ text: '¿Qué quieres hacer?', options: options('A', 'B', 'C', 'D') })[0];
    assert.deepEqual(four, {
      type: 'interactive',
      interactive: {
        type: 'list',
        body: { text: '¿Qué quieres hacer?' },
        action: {
          button: LIST_BUTTON,
          sections: [
            {
              rows: [
                { id: 'v1', title: 'A' },
                { id: 'v2', title: 'B' },
                { id: 'v3', title: 'C' },
                { id: 'v4', title: 'D' },
              ],
            },
          ],
        },
      },
    });
  });

  it('puts a label longer than a row title whole in the description under a shortened title', () => {
    const label = 'Miércoles 9 de diciembre, 7:40 a. m., Dra. Gómez (Kennedy)';
    const [message] = render({ text: 'Estas son las citas:', options: [...options('Otro día', 'Otra sede', 'Ninguna'), { label, value: 'slot-1' }] });
    assert.ok(message?.type === 'interactive' && message.interactive.type === 'list');
    const row = message.interactive.action.sections[0]?.rows[3];
    assert.ok(row);
    assert.equal(row.description, label);
    assert.ok(row.title.length <= CLOUD_LIMITS.rowTitle, row.title);
    assert.ok(label.startsWith(row.title.replace(/…$/, '')));
    assert.equal(row.id, 'slot-1');
  });

  it('keeps long row titles apart: what all labels start with goes to the description only, the doctor by surname, else they are numbered', () => {
    const slots = ['9:00 a. m. – Dra. Adriana López', '9:20 a. m. – Dr. Mauricio Cárdenas', '10:00 a. m. – Dr. Mauricio Cárdenas'].map((time, index) => ({
      label: `lunes 23 de noviembre, ${time}`,
      value: `slot-${index}`,
    }));
    const [message] = render({ text: 'Estos son los horarios:', options: [...slots, { label: 'Otro día', value: 'otro' }] });
    assert.ok(message?.type === 'interactive' && message.interactive.type === 'list');
    const rows = message.interactive.action.sections[0]?.rows ?? [];
    assert.deepEqual(
      rows.map((row) => row.title),
      ['9:00 a. m. – López', '9:20 a. m. – Cárdenas', '10:00 a. m. – Cárdenas', 'Otro día'],
    );
    assert.deepEqual(
      rows.map((row) => row.description),
      [...slots.map((slot) => slot.label), undefined],
    );
    const alike = ['x'.repeat(30) + '1', 'x'.repeat(30) + '2'].map((label, index) => ({ label, value: String(index) }));
    const [numbered] = render({ text: 'Elige:', options: [...alike, ...options('A', 'B')] });
    assert.ok(numbered?.type === 'interactive' && numbered.interactive.type === 'list');
    assert.deepEqual(
      numbered.interactive.action.sections[0]?.rows.map((row) => row.title.slice(0, 3)),
      ['1. ', '2. ', '3. ', '4. '],
    );
  });

  it('falls back to numbered text past 10 options, a label past 72 characters, repeated values or titles', () => {
    const eleven = { text: 'Elige:', options: options(...'ABCDEFGHIJK'.split('')) };
    const tooLong = { text: 'Elige:', options: options('Sí', 'x'.repeat(73)) };
    const repeatedValues = {
      text: 'Elige:',
      options: [
        { label: 'Uno', value: 'same' },
        { label: 'Dos', value: 'same' },
      ],
    };
    for (const reply of [eleven, tooLong, repeatedValues]) {
      assert.deepEqual(render(reply), [{ type: 'text', text: { body: toWhatsAppTexts([reply])[0] ?? '', preview_url: false } }]);
    }
    // Two buttons with one title would be refused by WhatsApp: a list shows them, ids apart.
    const [twins] = render({
      text: 'Elige:',
      options: [
        { label: 'Igual', value: 'a' },
        { label: 'Igual', value: 'b' },
      ],
    });
    assert.equal(twins?.type === 'interactive' && twins.interactive.type, 'list');
  });

  it('keeps an interactive body within 1,024 characters: what comes before goes first as text, cut between lines', () => {
    const paragraphs = Array.from({ length: 30 }, (_, index) => `Párrafo ${index + 1}: ${'palabra '.repeat(8).trim()}.`);
    const text = paragraphs.join('\n');
    assert.ok(text.length > CLOUD_LIMITS.interactiveBody);
    const messages = render({ text, options: options('Sí', 'No') });
    const last = messages.at(-1);
    assert.ok(last?.type === 'interactive');
    assert.ok(last.interactive.body.text.length <= CLOUD_LIMITS.interactiveBody);
    assert.ok(messages.slice(0, -1).every((message) => message.type === 'text'));
    // Nothing lost, nothing cut inside a line.
    const pieces = messages.map(bodyOf);
    assert.equal(pieces.join('\n'), text);
    for (const piece of pieces) for (const line of piece.split('\n')) assert.ok(paragraphs.includes(line), line);
  });

  it('cuts a text longer than 4,096 characters at paragraph, line or word boundaries', () => {
    const words = Array.from({ length: 1500 }, (_, index) => `palabra${index}`).join(' ');
    const messages = render({ text: words });
    assert.ok(messages.length >= 4);
    for (const body of messages.map(bodyOf)) {
      assert.ok(body.length <= CLOUD_LIMITS.textBody);
      assert.match(body, /^palabra\d+( palabra\d+)*$/);
    }
    assert.equal(messages.map(bodyOf).join(' '), words);
  });

  it('sends nothing for a blank reply, and shortens a long list button label', () => {
    assert.deepEqual(render({ text: '  ' }), []);
    const [message] = toCloudMessages([{ text: 'Elige', options: options('A', 'B', 'C', 'D') }], { listButton: 'Ver todas las opciones disponibles' });
    assert.ok(message?.type === 'interactive' && message.interactive.type === 'list');
    assert.ok(message.interactive.action.button.length <= CLOUD_LIMITS.listButton);
  });

  it('shortens between words when it can', () => {
    assert.equal(shortened('corto', 24), 'corto');
    assert.equal(shortened('Miércoles 9 de diciembre a las 7:40', 24), 'Miércoles 9 de…');
    assert.equal(shortened('Supercalifragilisticoespialidoso', 10), 'Supercali…');
  });
});
