import type { SupportRole } from '../../bot/ports/support/users.js';

/**
 * Who may do what in the console. Agents read transcripts with personal data masked and
 * file incidents; supervisors see data in full, export and read the audit log; analysts run
 * the failure-message switch and the dashboard.
 */
export const PERMISSIONS = {
  searchConversations: ['agent', 'supervisor', 'analyst'],
  seeUnmasked: ['supervisor'],
  exportConversation: ['supervisor'],
  readAudit: ['supervisor'],
  fileIncident: ['agent', 'supervisor', 'analyst'],
  readIncidents: ['agent', 'supervisor', 'analyst'],
  changeIncidentStatus: ['supervisor', 'analyst'],
  runFailureSwitch: ['analyst'],
  readDashboard: ['analyst', 'supervisor'],
} as const satisfies Record<string, readonly SupportRole[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: SupportRole, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly SupportRole[]).includes(role);
}

/** The page each role lands on after signing in. */
export function homeOf(role: SupportRole): string {
  return role === 'analyst' ? '/support/dashboard' : '/support/conversations';
}
