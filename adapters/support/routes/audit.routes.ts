import type { Router } from 'express';

import { field, requirePermission, sendPage, type ConsoleContext } from '../console-context.js';
import { t } from '../support-texts.js';
import { renderAudit } from '../views/audit.view.js';

const PAGE_SIZE = 50;

/** The audit log, newest first, for supervisors. */
export function mountAuditRoutes(router: Router, context: ConsoleContext): void {
  router.get('/audit', requirePermission(context, 'readAudit'), (req, res) => {
    const conversation = field(req.query, 'conversation').slice(0, 100);
    const user = field(req.query, 'user').slice(0, 64);
    const before = Number(field(req.query, 'before')) || undefined;
    const entries = context.stores.audit.list({
      ...(conversation ? { conversationId: conversation } : {}),
      ...(user ? { userName: user } : {}),
      ...(before ? { beforeId: before } : {}),
      limit: PAGE_SIZE + 1,
    });
    const shown = entries.slice(0, PAGE_SIZE);
    sendPage(context, res, {
      title: t('audit.title'),
      active: 'audit',
      body: renderAudit({ entries: shown, conversation, user, next: entries.length > PAGE_SIZE ? shown.at(-1)?.id : undefined }),
    });
  });
}
