/**
 * The support console's stores over Lina's database: the composition root builds them and
 * hands them to the console (adapters/support/), which never opens the database itself.
 * Loaded with the console, on its first request.
 */
import type { ConsoleStores } from '../../adapters/support/console-context.js';
import type { SqliteDatabase } from '../../data/database.js';
import { createAuditLog } from '../../data/support/audit-log.store.js';
import { createConversationStore } from '../../data/support/conversations.store.js';
import { createDashboardStore } from '../../data/support/dashboard.store.js';
import { createIncidentStore } from '../../data/support/incidents.store.js';
import { createLoginAttemptStore } from '../../data/support/login-attempts.store.js';
import { createSupportSessionStore } from '../../data/support/support-sessions.store.js';
import { createSupportUserStore } from '../../data/support/support-users.store.js';
import type { FailureNoticeStore } from '../ports/support/failure-notices.js';

/**
 * Every store of the console over `db`. `notices` is the failure-message switch the engine
 * reads too (`sharedFailureNoticeStore(db)`), so the console's changes reach Lina at once.
 */
export function createConsoleStores(db: SqliteDatabase, notices: FailureNoticeStore): ConsoleStores {
  return {
    users: createSupportUserStore(db),
    sessions: createSupportSessionStore(db),
    attempts: createLoginAttemptStore(db),
    audit: createAuditLog(db),
    incidents: createIncidentStore(db),
    notices,
    conversations: createConversationStore(db),
    dashboard: createDashboardStore(db),
  };
}
