import type { ConversationEvent, ConversationSummary, ReplyDelivery, Subject, TranscriptEntry } from '../../../bot/ports/support/conversations.js';
import type { Incident } from '../../../bot/ports/support/incidents.js';
import { formatClock, formatInstant } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import { maskLinaText, maskText } from '../masking.js';
import { hasText, t } from '../support-texts.js';
import { channelLabel, outcomeLabel, siteLabel, subjectValue } from './conversations.view.js';
import { renderIncidentList } from './incidents.view.js';

type TimelineItem = { kind: 'line'; line: TranscriptEntry } | { kind: 'event'; event: ConversationEvent } | { kind: 'delivery'; deliveries: ReplyDelivery[] };

/**
 * Lines and events in the order they happened. A turn is the member's line and Lina's
 * answers, stored together with one instant; the events of that commit (agenda errors,
 * outcomes) share the instant and go between the two, so an error sits right before the
 * answer it caused. What became of the answers on the WhatsApp Cloud API follows them.
 */
export function timelineOf(lines: TranscriptEntry[], events: ConversationEvent[], deliveries: ReplyDelivery[] = []): TimelineItem[] {
  const deliveriesOf = new Map<number, ReplyDelivery[]>();
  for (const delivery of deliveries) deliveriesOf.set(delivery.lineId, [...(deliveriesOf.get(delivery.lineId) ?? []), delivery]);
  const turns: Array<{ at: number; lines: TranscriptEntry[]; events: ConversationEvent[] }> = [];
  for (const line of [...lines].sort((a, b) => a.id - b.id)) {
    const current = turns.at(-1);
    if (!current || line.direction === 'in' || current.at !== line.at) turns.push({ at: line.at, lines: [line], events: [] });
    else current.lines.push(line);
  }
  const lastTurnAt = new Map(turns.map((turn, index) => [turn.at, index]));
  const loose: ConversationEvent[] = [];
  for (const event of [...events].sort((a, b) => a.id - b.id)) {
    const index = lastTurnAt.get(event.at);
    if (index === undefined) loose.push(event);
    else turns[index]?.events.push(event);
  }
  const items: TimelineItem[] = [];
  const flushLoose = (before: number) => {
    while (loose.length > 0 && (loose[0]?.at ?? 0) < before) items.push({ kind: 'event', event: loose.shift() as ConversationEvent });
  };
  for (const turn of turns) {
    flushLoose(turn.at);
    const [first, ...rest] = turn.lines;
    const memberFirst = first?.direction === 'in';
    if (first && memberFirst) items.push({ kind: 'line', line: first });
    items.push(...turn.events.map((event) => ({ kind: 'event' as const, event })));
    items.push(...(memberFirst ? rest : turn.lines).map((line) => ({ kind: 'line' as const, line })));
    const delivered = memberFirst ? deliveriesOf.get(first.id) : undefined;
    if (delivered) items.push({ kind: 'delivery', deliveries: delivered });
  }
  flushLoose(Number.POSITIVE_INFINITY);
  return items;
}

function eventLabel(event: ConversationEvent): string {
  if (event.type.startsWith('outcome:')) return t('transcript.events.outcome', { outcome: outcomeLabel(event.type.slice(8)) });
  const key = `transcript.events.${event.type}`;
  return hasText(key) ? t(key, { detail: event.detail ?? '' }) : event.type;
}

const DELIVERY_KEYS = { sent: 'sent', delivered: 'delivered', read: 'read', failed: 'failed', not_sent: 'notSent' } as const;

/** Why replies did not go, as the Cloud API channel records it (its error codes), each with words for support. */
const DELIVERY_REASONS = ['WINDOW_CLOSED', 'RATE_LIMITED', 'RECIPIENT_UNAVAILABLE', 'AUTH_FAILED', 'BAD_PARAMETER', 'SERVER_ERROR', 'NETWORK', 'UNKNOWN'] as const;
type DeliveryReason = (typeof DELIVERY_REASONS)[number];
const isDeliveryReason = (detail: string): detail is DeliveryReason => (DELIVERY_REASONS as readonly string[]).includes(detail);

/** "WhatsApp: 2 leídas, 1 sin enviar: …": a turn's replies by what became of them, in the order first seen. */
export function deliveryLabel(deliveries: ReplyDelivery[]): string {
  const groups = new Map<string, { delivery: ReplyDelivery; count: number }>();
  for (const delivery of deliveries) {
    const key = `${delivery.status} ${delivery.detail ?? ''}`;
    const group = groups.get(key);
    if (group) group.count += delivery.count;
    else groups.set(key, { delivery, count: delivery.count });
  }
  const parts = [...groups.values()].map(({ delivery, count }) => {
    const detail = delivery.detail ?? '';
    const reason = isDeliveryReason(detail) ? t(`transcript.delivery.reasons.${detail}`) : detail;
    return t(`transcript.delivery.${DELIVERY_KEYS[delivery.status]}`, { count, detail, reason });
  });
  return t('transcript.delivery.label', { parts: parts.join(', ') });
}

export function renderTranscript(params: {
  conversation: ConversationSummary;
  lines: TranscriptEntry[];
  events: ConversationEvent[];
  /** What became of Lina's replies on the WhatsApp Cloud API (none on other channels). */
  deliveries?: ReplyDelivery[];
  subjects: Subject[];
  incidents: Incident[];
  unmasked: boolean;
  canExport: boolean;
}): SafeHtml {
  const { conversation, unmasked } = params;
  // What members wrote may hold any personal data; Lina's own lines name the member and their
  // family and may repeat an email. The conversation's documents and phones are hidden
  // wherever they appear.
  const known = { knownValues: params.subjects.filter((subject) => subject.kind !== 'radicado').map((subject) => subject.value) };
  const show = (text: string, direction: 'in' | 'out') => (unmasked ? text : direction === 'in' ? maskText(text, known) : maskLinaText(text, known));
  const failedTurns = new Set(params.events.filter((event) => event.type === 'agenda-error').map((event) => event.at));
  const subjects = (kind: Subject['kind']) =>
    params.subjects
      .filter((subject) => subject.kind === kind)
      .map((subject) => subjectValue(subject, unmasked))
      .join(', ') || '—';
  const id = encodeURIComponent(conversation.id);

  return html`
<section class="card details">
<dl>
  <dt>${t('transcript.channel')}</dt><dd>${channelLabel(conversation.channel)}</dd>
  <dt>${t('transcript.site')}</dt><dd>${siteLabel(conversation.site)}</dd>
  <dt>${t('transcript.started')}</dt><dd>${formatInstant(conversation.startedAt)}</dd>
  <dt>${t('transcript.updated')}</dt><dd>${formatInstant(conversation.updatedAt)}</dd>
  <dt>${t('transcript.outcome')}</dt><dd>${outcomeLabel(conversation.outcome)}</dd>
  <dt>${t('transcript.phone')}</dt><dd>${subjects('phone')}</dd>
  <dt>${t('transcript.document')}</dt><dd class="document">${subjects('document')}</dd>
  <dt>${t('transcript.radicado')}</dt><dd>${subjects('radicado')}</dd>
</dl>
<p class="actions">
  ${
    params.canExport
      ? html`<a class="button" href="/support/conversations/${id}/export.csv">${t('transcript.exportCsv')}</a>
  <a class="button" href="/support/conversations/${id}/export.transcript">${t('transcript.exportTranscript')}</a>`
      : ''
  }
  <a class="button secondary" href="/support/incidents/new?conversation=${id}">${t('transcript.reportIncident')}</a>
</p>
${unmasked ? '' : html`<p class="hint">${t('transcript.maskedHint')}</p>`}
</section>
<ol class="chat" aria-label="${t('transcript.label')}">
${params.lines.length === 0 && params.events.length === 0 ? html`<li class="empty">${t('transcript.empty')}</li>` : ''}
${timelineOf(params.lines, params.events, params.deliveries).map((item) => {
  if (item.kind === 'delivery') {
    const troubled = item.deliveries.some((delivery) => delivery.status === 'failed' || delivery.status === 'not_sent');
    const at = Math.max(...item.deliveries.map((delivery) => delivery.at));
    return html`<li class="event event-${troubled ? 'error' : 'info'} delivery" data-type="delivery"><time>${formatClock(at)}</time> ${deliveryLabel(item.deliveries)}</li>`;
  }
  if (item.kind === 'event') {
    const { event } = item;
    const tone = event.type === 'agenda-error' || event.type === 'outcome:error' ? 'error' : event.type === 'failure-notice' ? 'warning' : 'info';
    return html`<li class="event event-${tone}" data-type="${event.type}"><time>${formatClock(event.at)}</time> ${eventLabel(event)}</li>`;
  }
  const { line } = item;
  const who = line.direction === 'in' ? t('transcript.member') : t('transcript.lina');
  return html`<li class="${['bubble', line.direction === 'in' ? 'from-member' : 'from-lina', line.direction === 'out' && failedTurns.has(line.at) ? 'turn-error' : ''].join(' ').trim()}">
  <div class="meta"><span class="who">${who}</span> <time>${formatClock(line.at)}</time>${line.state ? html` <code class="state" title="${t('transcript.state')}">${line.state}</code>` : ''}</div>
  <div class="text">${show(line.text, line.direction)}</div>
  ${line.options.length ? html`<ol class="options">${line.options.map((label) => html`<li>${show(label, line.direction)}</li>`)}</ol>` : ''}
</li>`;
})}
</ol>
<section>
<h2>${t('transcript.incidents')}</h2>
${params.incidents.length ? renderIncidentList(params.incidents, unmasked) : html`<p class="empty">${t('transcript.noIncidents')}</p>`}
</section>`;
}
