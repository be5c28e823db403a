import type { Response, Router } from 'express';

import { isNoticeChannel, type NoticeChannel } from '../../../bot/ports/support/failure-notices.js';
import { parseForm, requireCsrf } from '../auth.js';
import { audit, field, requirePermission, sendPage, sessionOf, type ConsoleContext } from '../console-context.js';
import { fromLocalInput } from '../format.js';
import { t } from '../support-texts.js';
import { MAX_NOTICE_LENGTH, isFailureDone, renderFailurePage, type FailureDone, type FailureError } from '../views/failure.view.js';

/** The analyst's failure-message switch: on per channel or for all, with text and optional end; off. */
export function mountFailureRoutes(router: Router, context: ConsoleContext): void {
  const { notices } = context.stores;
  const support = {
    phone: context.options.supportPhone ?? '601 4441234',
    hours: context.options.supportHours ?? t('failure.defaultHours'),
  };

  const show = (res: Response, status: number, extra: { form?: { channel: string; text: string; endsAt: string }; errors?: FailureError[]; done?: FailureDone }) => {
    const now = context.now();
    sendPage(
      context,
      res,
      {
        title: t('failure.title'),
        active: 'failure',
        body: renderFailurePage({
          session: sessionOf(res),
          now,
          active: notices.active(now),
          history: notices.history(20),
          circuit: context.options.agendaCircuit(),
          support,
          ...extra,
        }),
      },
      status,
    );
  };

  router.get('/failure', requirePermission(context, 'runFailureSwitch'), (req, res) => {
    const done = field(req.query, 'done');
    show(res, 200, isFailureDone(done) ? { done } : {});
  });

  router.post('/failure', requirePermission(context, 'runFailureSwitch'), parseForm, requireCsrf(context), (req, res) => {
    const now = context.now();
    const channel = field(req.body, 'channel');
    const text = field(req.body, 'text').replace(/\r\n/g, '\n');
    const endsAtInput = field(req.body, 'endsAt');
    const endsAt = endsAtInput ? fromLocalInput(endsAtInput) : undefined;
    const errors: FailureError[] = [];
    if (!isNoticeChannel(channel)) errors.push('channel');
    if (!text) errors.push('textRequired');
    else if (text.length > MAX_NOTICE_LENGTH) errors.push('textTooLong');
    if (endsAtInput && endsAt === undefined) errors.push('endsAtInvalid');
    else if (endsAt !== undefined && endsAt <= now) errors.push('endsAtPast');
    if (errors.length > 0) return show(res, 400, { form: { channel, text, endsAt: endsAtInput }, errors });

    const { notice, updated } = notices.switchOn({
      channel: channel as NoticeChannel,
      text,
      ...(endsAt !== undefined ? { endsAt } : {}),
      by: sessionOf(res).userName,
      now,
    });
    audit(context, res, updated ? 'failure-notice-update' : 'failure-notice-on', {
      detail: JSON.stringify({ id: notice.id, channel, endsAt: endsAtInput || undefined, text }),
    });
    context.logger.warn({ channel, noticeId: notice.id, updated }, 'support console: failure message switched on');
    res.redirect(303, `/support/failure?done=${updated ? 'updated' : 'on'}`);
  });

  router.post('/failure/:id/off', requirePermission(context, 'runFailureSwitch'), parseForm, requireCsrf(context), (req, res) => {
    const id = Number(req.params.id) || 0;
    const stopped = notices.switchOff({ id, by: sessionOf(res).userName, now: context.now() });
    if (stopped) {
      audit(context, res, 'failure-notice-off', { detail: JSON.stringify({ id, channel: stopped.channel }) });
      context.logger.warn({ channel: stopped.channel, noticeId: id }, 'support console: failure message switched off');
    }
    res.redirect(303, `/support/failure?done=${stopped ? 'off' : 'alreadyOff'}`);
  });
}
