import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { openDatabase } from '../../../data/database.js';
import type { WhatsAppAddress } from '../../../bot/ports/whatsapp.js';
import { createPeopleStore } from '../../../data/whatsapp/people.store.js';

const pn = (user: string): WhatsAppAddress => ({ jid: `${user}@s.whatsapp.net`, kind: 'pn', user });
const lid = (user: string): WhatsAppAddress => ({ jid: `${user}@lid`, kind: 'lid', user });

const LAURA = '573001112233';
const LAURA_LID = '204857261920345';

describe('WhatsApp people', () => {
  it('names a person by the phone when a phone address is known', () => {
    const people = createPeopleStore(openDatabase(':memory:'));
    assert.deepEqual(people.resolve([pn(LAURA)]), { personId: LAURA, phone: '+573001112233' });
    assert.deepEqual(people.resolve([lid(LAURA_LID), pn(LAURA)]), { personId: LAURA, phone: '+573001112233' });
  });

  it('names a person by the LID when no phone is known, apart from any phone number', () => {
    const people = createPeopleStore(openDatabase(':memory:'));
    assert.deepEqual(people.resolve([lid(LAURA_LID)]), { personId: `lid:${LAURA_LID}` });
  });

  it('keeps one person when the chat moves from the phone to the LID', () => {
    const people = createPeopleStore(openDatabase(':memory:'));
    people.resolve([pn(LAURA)]);
    assert.deepEqual(people.resolve([lid(LAURA_LID), pn(LAURA)]), { personId: LAURA, phone: '+573001112233' });
    // Later messages on the LID alone still belong to Laura, and still vouch for her phone.
    assert.deepEqual(people.resolve([lid(LAURA_LID)]), { personId: LAURA, phone: '+573001112233' });
  });

  it('keeps the LID person and learns the phone when WhatsApp reveals it later', () => {
    const people = createPeopleStore(openDatabase(':memory:'));
    people.resolve([lid(LAURA_LID)]);
    assert.deepEqual(people.resolve([lid(LAURA_LID), pn(LAURA)]), { personId: `lid:${LAURA_LID}`, phone: '+573001112233' });
    assert.deepEqual(people.resolve([pn(LAURA)]), { personId: `lid:${LAURA_LID}`, phone: '+573001112233' });
  });

  it('keeps different people apart', () => {
    const people = createPeopleStore(openDatabase(':memory:'));
    const laura = people.resolve([lid(LAURA_LID), pn(LAURA)]);
    const other = people.resolve([lid('998877665544332'), pn('573219876543')]);
    assert.notEqual(laura.personId, other.personId);
    assert.equal(other.phone, '+573219876543');
  });

  it('survives a restart: the mapping is in the database', () => {
    const db = openDatabase(':memory:');
    createPeopleStore(db).resolve([lid(LAURA_LID), pn(LAURA)]);
    assert.deepEqual(createPeopleStore(db).resolve([lid(LAURA_LID)]), { personId: LAURA, phone: '+573001112233' });
  });
});
