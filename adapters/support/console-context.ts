import type { Request, Response } from 'express';

import type { Logger } from '../../bot/logger.js';
import type { AgendaService, Clock } from '../../bot/ports.js';
import type { AuditAction, AuditLog } from '../../bot/ports/support/audit-log.js';
import type { ConversationStore } from '../../bot/ports/support/conversations.js';
import type { DashboardStore } from '../../bot/ports/support/dashboard.js';
import type { FailureNoticeStore } from '../../bot/ports/support/failure-notices.js';
import type { IncidentStore } from '../../bot/ports/support/incidents.js';
import type { LoginAttemptStore } from '../../bot/ports/support/login-attempts.js';
import type { SupportSession, SupportSessionStore } from '../../bot/ports/support/sessions.js';
import type { SupportUserStore } from '../../bot/ports/support/users.js';
import { can, type Permission } from './roles.js';
import { t } from './support-texts.js';
import { renderMessagePage, renderPage, type BannerItem, type PageFrame } from './views/layout.view.js';

export interface SupportConsoleOptions {
  /** Every store the console reads and writes, built by the composition root over Lina's database. */
  stores: ConsoleStores;
  clock: Clock;
  logger: Logger;
  agenda: AgendaService;
  /** The conversation as Bot Framework activities (the web chat's exporter). */
  exportTranscript: (conversationId: string) => unknown[];
  /** The agenda's circuit breaker: open while the agenda is failing. */
  agendaCircuit: () => { open: boolean; since?: Date };
  /** Mark cookies `Secure` (behind HTTPS). */
  secureCookies?: boolean;
  /**
   * Express's `trust proxy` for the sign-in limit per address: behind a reverse proxy,
   * name it (e.g. `'loopback'`), or every sign-in would count against the proxy's address.
   * Off by default, so a client cannot pick its address with `X-Forwarded-For`.
   */
  trustProxy?: boolean | number | string;
  /** The Línea de citas médicas PBS and its hours, for the proposed failure message. */
  supportPhone?: string;
  supportHours?: string;
}

export interface ConsoleStores {
  users: SupportUserStore;
  sessions: SupportSessionStore;
  attempts: LoginAttemptStore;
  audit: AuditLog;
  incidents: IncidentStore;
  /**
   * The manual failure-message switch: the same instance the engine reads, so a change
   * reaches Lina at once.
   */
  notices: FailureNoticeStore;
  conversations: ConversationStore;
  dashboard: DashboardStore;
}

/** What every route of the console shares. */
export interface ConsoleContext {
  options: SupportConsoleOptions;
  stores: ConsoleStores;
  logger: Logger;
  now(): number;
  /** Failures in progress: manual notices and the agenda's open circuit. */
  banner(): BannerItem[];
}

/** The signed-in session of a request that passed `requireSession`. */
export function sessionOf(res: Response): SupportSession {
  const session = (res.locals as { session?: SupportSession }).session;
  if (!session) throw new Error('Route reached without a session');
  return session;
}

/** Sends a full page with the session's navigation and the failure banner. */
export function sendPage(context: ConsoleContext, res: Response, frame: Omit<PageFrame, 'now' | 'session' | 'banner'>, status = 200): void {
  const session = (res.locals as { session?: SupportSession }).session;
  res
    .status(status)
    .type('html')
    .send(renderPage({ ...frame, now: context.now(), ...(session ? { session, banner: context.banner() } : {}) }));
}

/** Sends a short page with one message (refusals, not found, bad input). */
export function sendMessage(context: ConsoleContext, res: Response, status: number, message: string, back?: { href: string; label: string }): void {
  const session = (res.locals as { session?: SupportSession }).session;
  res
    .status(status)
    .type('html')
    .send(
      renderMessagePage({
        title: t(`status.${status}`),
        now: context.now(),
        message,
        ...(back ? { back } : {}),
        ...(session ? { session, banner: context.banner() } : {}),
      }),
    );
}

/** Refuses with 403 unless the session's role has `permission`. */
export function requirePermission(context: ConsoleContext, permission: Permission) {
  return (_req: Request, res: Response, next: () => void): void => {
    if (can(sessionOf(res).role, permission)) return next();
    sendMessage(context, res, 403, t('errors.forbidden'));
  };
}

/** Writes one audit entry for the request's user. */
export function audit(context: ConsoleContext, res: Response, action: AuditAction, details: { conversationId?: string; incidentId?: number; detail?: string } = {}): void {
  const session = sessionOf(res);
  context.stores.audit.record({ at: context.now(), userId: session.userId, userName: session.userName, action, ...details });
}

/** A query-string or form value as one trimmed string (`''` when absent or repeated oddly). */
export function field(source: unknown, name: string): string {
  const value = (source as Record<string, unknown> | undefined)?.[name];
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0].trim();
  return '';
}
