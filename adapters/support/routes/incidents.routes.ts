import express, { type NextFunction, type Request, type Response, type Router } from 'express';

import { INCIDENT_STATUSES, type IncidentStatus } from '../../../bot/ports/support/incidents.js';
import { parseForm, requireCsrf } from '../auth.js';
import { audit, field, requirePermission, sendMessage, sendPage, sessionOf, type ConsoleContext } from '../console-context.js';
import { toLocalInput } from '../format.js';
import { MAX_EVIDENCE_BYTES, draftOf, formInputOf, formInputOfFields, readIncidentForm, type FormInput } from '../incident-form.js';
import { can } from '../roles.js';
import { t } from '../support-texts.js';
import { renderIncidentDetail, renderIncidentForm, renderIncidentsPage } from '../views/incidents.view.js';

const PAGE_SIZE = 25;
const readMultipart = express.raw({ type: 'multipart/form-data', limit: MAX_EVIDENCE_BYTES + 256 * 1024 });

/**
 * Reads the incident form, multipart (with its optional image) or url-encoded, into
 * `res.locals.form`, and its CSRF token into `req.body` for `requireCsrf`.
 */
function readIncidentBody(req: Request, res: Response, next: NextFunction): void {
  if (req.is('multipart/form-data')) {
    readMultipart(req, res, (error?: unknown) => {
      if (error) return next(error);
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      new Response(body, { headers: { 'content-type': req.headers['content-type'] ?? '' } })
        .formData()
        .then(formInputOf)
        .then((input) => {
          (res.locals as { form?: FormInput }).form = input;
          req.body = { _csrf: input.get('_csrf') };
          next();
        })
        .catch(() => next(Object.assign(new Error('unreadable multipart body'), { status: 400 })));
    });
    return;
  }
  parseForm(req, res, (error?: unknown) => {
    if (error) return next(error);
    (res.locals as { form?: FormInput }).form = formInputOfFields((req.body ?? {}) as Record<string, unknown>);
    next();
  });
}

/** The incident form, the list with statuses, each report with its linked conversations. */
export function mountIncidentRoutes(router: Router, context: ConsoleContext): void {
  const { incidents, conversations } = context.stores;

  router.get('/incidents', requirePermission(context, 'readIncidents'), (req, res) => {
    const statusParam = field(req.query, 'status');
    const status = (INCIDENT_STATUSES as readonly string[]).includes(statusParam) ? (statusParam as IncidentStatus) : undefined;
    const before = Number(field(req.query, 'before')) || undefined;
    const created = Number(field(req.query, 'created')) || undefined;
    const page = incidents.list({ ...(status ? { status } : {}), ...(before ? { beforeId: before } : {}), limit: PAGE_SIZE + 1 });
    const shown = page.slice(0, PAGE_SIZE);
    sendPage(context, res, {
      title: t('incidents.title'),
      active: 'incidents',
      body: renderIncidentsPage({
        incidents: shown,
        status,
        next: page.length > PAGE_SIZE ? shown.at(-1)?.id : undefined,
        unmasked: can(sessionOf(res).role, 'seeUnmasked'),
        ...(created ? { created } : {}),
      }),
    });
  });

  router.get('/incidents/new', requirePermission(context, 'fileIncident'), (req, res) => {
    const conversationId = field(req.query, 'conversation');
    const conversation = /^[\w-]{1,100}$/.test(conversationId) ? conversations.get(conversationId) : undefined;
    const draft: Record<string, string> = { occurredAt: toLocalInput(conversation?.updatedAt ?? context.now()) };
    if (conversation) {
      draft.conversationId = conversation.id;
      const channel = conversation.channel === 'whatsapp' || conversation.channel === 'webchat' ? conversation.channel : '';
      if (channel) draft.channels = channel;
    }
    sendPage(context, res, {
      title: t('incidents.newTitle'),
      active: 'incidents',
      body: renderIncidentForm({ session: sessionOf(res), draft, errors: {} }),
    });
  });

  router.post('/incidents', requirePermission(context, 'fileIncident'), readIncidentBody, requireCsrf(context), (_req, res) => {
    const session = sessionOf(res);
    const input = (res.locals as { form?: FormInput }).form as FormInput;
    const result = readIncidentForm(input, context.now());
    const draft = draftOf(input);
    if (result.kind === 'excluded') {
      context.logger.info({ reason: result.reason }, 'support console: incident refused, not for this form');
      return sendPage(
        context,
        res,
        {
          title: t('incidents.newTitle'),
          active: 'incidents',
          body: renderIncidentForm({ session, draft, errors: {}, excluded: { reason: result.reason, confirmable: result.confirmable } }),
        },
        422,
      );
    }
    if (result.kind === 'invalid') {
      return sendPage(context, res, { title: t('incidents.newTitle'), active: 'incidents', body: renderIncidentForm({ session, draft, errors: result.errors }) }, 400);
    }
    const linked = result.incident.conversationId && conversations.get(result.incident.conversationId) ? result.incident.conversationId : undefined;
    const { conversationId: _unchecked, ...incident } = result.incident;
    const created = incidents.create({ ...incident, ...(linked ? { conversationId: linked } : {}), createdBy: session.userId }, context.now());
    audit(context, res, 'incident-create', { incidentId: created.id, ...(linked ? { conversationId: linked } : {}) });
    res.redirect(303, `/support/incidents?created=${created.id}`);
  });

  router.get('/incidents/:id', requirePermission(context, 'readIncidents'), (req, res) => {
    const incident = incidents.get(Number(req.params.id) || 0);
    if (!incident) return sendMessage(context, res, 404, t('incidents.notFound'), { href: '/support/incidents', label: t('incidents.title') });
    const session = sessionOf(res);
    audit(context, res, 'incident-view', { incidentId: incident.id });
    const related = conversations.about({
      documents: [incident.documentNumber],
      phones: incident.contactPhone ? [incident.contactPhone] : [],
      limit: 20,
    });
    const own = incident.conversationId ? conversations.get(incident.conversationId) : undefined;
    const linked = own && !related.some((conversation) => conversation.id === own.id) ? [own, ...related] : related;
    sendPage(context, res, {
      title: t('incidents.detailTitle', { id: incident.id }),
      active: 'incidents',
      body: renderIncidentDetail({
        incident,
        conversations: linked,
        unmasked: can(session.role, 'seeUnmasked'),
        canChangeStatus: can(session.role, 'changeIncidentStatus'),
        session,
      }),
    });
  });

  router.get('/incidents/:id/evidence', requirePermission(context, 'readIncidents'), (req, res) => {
    const id = Number(req.params.id) || 0;
    const evidence = incidents.evidence(id);
    if (!evidence) return sendMessage(context, res, 404, t('incidents.noEvidence'));
    audit(context, res, 'incident-evidence-view', { incidentId: id });
    // Served with its sniffed type, never run: no script can come from an uploaded file.
    res.status(200).set({ 'Content-Type': evidence.type, 'Content-Disposition': 'inline', 'Content-Security-Policy': "default-src 'none'; sandbox" }).send(evidence.data);
  });

  router.post('/incidents/:id/status', requirePermission(context, 'changeIncidentStatus'), parseForm, requireCsrf(context), (req, res) => {
    const id = Number(req.params.id) || 0;
    const status = field(req.body, 'status');
    if (!(INCIDENT_STATUSES as readonly string[]).includes(status)) return sendMessage(context, res, 400, t('incidents.badStatus'));
    const updated = incidents.setStatus({ id, status: status as IncidentStatus, now: context.now() });
    if (!updated) return sendMessage(context, res, 404, t('incidents.notFound'));
    audit(context, res, 'incident-status', { incidentId: id, detail: status });
    res.redirect(303, `/support/incidents/${id}`);
  });
}
