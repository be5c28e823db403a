import type { Router } from 'express';

import { bogotaDate, toBogotaIso } from '../../../bot/calendar.js';
import { audit, requirePermission, sendMessage, sendPage, sessionOf, type ConsoleContext } from '../console-context.js';
import { toCsv } from '../csv.js';
import { can } from '../roles.js';
import { PAGE_SIZE, parseSearch } from '../search-query.js';
import { t } from '../support-texts.js';
import { renderSearch } from '../views/conversations.view.js';
import { renderTranscript } from '../views/transcript.view.js';

const CONVERSATION_ID = /^[\w-]{1,100}$/;

/** Search, transcript, and the supervisor's exports (CSV and Bot Framework `.transcript`). */
export function mountConversationRoutes(router: Router, context: ConsoleContext): void {
  const { conversations, incidents } = context.stores;

  router.get('/conversations', requirePermission(context, 'searchConversations'), (req, res) => {
    const session = sessionOf(res);
    const query = Object.fromEntries(Object.entries(req.query).flatMap(([name, value]) => (typeof value === 'string' ? [[name, value]] : [])));
    const parsed = parseSearch(query, new Date(context.now()));
    const { rows, next } = conversations.search(parsed.filters, { limit: PAGE_SIZE, ...(parsed.after ? { after: parsed.after } : {}) });
    // Looking a member up by phone, document or radicado is itself access to personal data.
    if (parsed.filters.phones || parsed.filters.documents || parsed.filters.radicado) {
      audit(context, res, 'conversation-search', {
        detail: JSON.stringify(Object.fromEntries(Object.entries(parsed.form).filter(([, value]) => value))),
      });
    }
    sendPage(context, res, {
      title: t('search.title'),
      active: 'conversations',
      body: renderSearch({
        form: parsed.form,
        errors: parsed.errors,
        rows,
        subjects: conversations.subjectsOf(rows.map((row) => row.id)),
        next,
        paged: parsed.after !== undefined,
        unmasked: can(session.role, 'seeUnmasked'),
      }),
    });
  });

  router.get('/conversations/:id', requirePermission(context, 'searchConversations'), (req, res) => {
    const id = String(req.params.id);
    const conversation = CONVERSATION_ID.test(id) ? conversations.get(id) : undefined;
    if (!conversation) return sendMessage(context, res, 404, t('transcript.notFound'), { href: '/support/conversations', label: t('search.title') });
    const session = sessionOf(res);
    audit(context, res, 'conversation-view', { conversationId: id });
    const subjects = conversations.subjects(id);
    const valuesOf = (kind: string) => subjects.filter((subject) => subject.kind === kind).map((subject) => subject.value);
    sendPage(context, res, {
      title: t('transcript.title'),
      active: 'conversations',
      body: renderTranscript({
        conversation,
        lines: conversations.transcript(id),
        events: conversations.events(id),
        deliveries: conversations.deliveries(id),
        subjects,
        incidents: incidents.forConversation({ conversationId: id, documents: valuesOf('document'), phones: valuesOf('phone') }),
        unmasked: can(session.role, 'seeUnmasked'),
        canExport: can(session.role, 'exportConversation'),
      }),
    });
  });

  router.get('/conversations/:id/export.csv', requirePermission(context, 'exportConversation'), (req, res) => {
    const id = String(req.params.id);
    const conversation = CONVERSATION_ID.test(id) ? conversations.get(id) : undefined;
    if (!conversation) return sendMessage(context, res, 404, t('transcript.notFound'));
    audit(context, res, 'conversation-export-csv', { conversationId: id });
    const csv = toCsv(
      ['conversation_id', 'channel', 'site', 'at', 'direction', 'text', 'options', 'state'],
      conversations
        .transcript(id)
        .map((line) => [id, conversation.channel, conversation.site, toBogotaIso(new Date(line.at)), line.direction, line.text, line.options.join(' | '), line.state]),
    );
    res
      .status(200)
      .type('text/csv; charset=utf-8')
      .attachment(`conversacion-${bogotaDate(new Date(conversation.startedAt))}-${id}.csv`)
      .send(csv);
  });

  router.get('/conversations/:id/export.transcript', requirePermission(context, 'exportConversation'), (req, res) => {
    const id = String(req.params.id);
    const conversation = CONVERSATION_ID.test(id) ? conversations.get(id) : undefined;
    if (!conversation) return sendMessage(context, res, 404, t('transcript.notFound'));
    const activities = context.options.exportTranscript(id);
    audit(context, res, 'conversation-export-transcript', { conversationId: id });
    res
      .status(200)
      .type('application/json; charset=utf-8')
      .attachment(`conversacion-${bogotaDate(new Date(conversation.startedAt))}-${id}.transcript`)
      .send(JSON.stringify(activities, null, 2));
  });
}
