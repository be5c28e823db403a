/**
 * Incident reports filed from the support console, as a port. Implemented by
 * data/support/incidents.store.ts.
 */

export const INCIDENT_STATUSES = ['new', 'in_progress', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** The channels an incident may concern (the program's digital channels). */
export const INCIDENT_CHANNELS = ['whatsapp', 'webchat', 'app', 'portal'] as const;
export type IncidentChannel = (typeof INCIDENT_CHANNELS)[number];

/** Where the member was served when the incident was reported (the form's service points). */
export const SERVICE_POINTS = ['call_center_pbs', 'call_center_support', 'in_person', 'social_media'] as const;
export type ServicePoint = (typeof SERVICE_POINTS)[number];

/** What went wrong, as the agent classifies it. */
export const INCIDENT_CATEGORIES = ['service_error', 'flow_blocked', 'wrong_information', 'access', 'other'] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];

/**
 * Cases the program says must not be escalated with this form: they are not channel
 * failures and have their own route.
 */
export const EXCLUDED_CATEGORIES = ['no_availability', 'doctor_sick_leave', 'doctor_contract_end'] as const;
export type ExcludedCategory = (typeof EXCLUDED_CATEGORIES)[number];

export const EVIDENCE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

/** A report filed with the incident form ("Formulario para Call Transar y Embajadores"). */
export interface NewIncident {
  channels: IncidentChannel[];
  category: IncidentCategory;
  documentType: string;
  documentNumber: string;
  memberName: string;
  contactPhone?: string;
  contactEmail?: string;
  /** When the error happened, epoch ms. */
  occurredAt: number;
  servedVia: ServicePoint;
  servedSite?: string;
  /** Who registers it, as written on the form. */
  registeredBy: string;
  description: string;
  errorMessage?: string;
  browser?: string;
  appVersion?: string;
  step?: string;
  evidence?: { type: EvidenceType; data: Buffer };
  /** The conversation the report was started from, when any. */
  conversationId?: string;
  /** The member authorised the use of these data: always true, the form refuses otherwise. */
  authorised: true;
  createdBy: number;
}

export interface Incident extends Omit<NewIncident, 'evidence'> {
  id: number;
  status: IncidentStatus;
  /** The evidence's type, when an image came with the report (the bytes are read apart). */
  evidenceType: EvidenceType | undefined;
  createdByName: string;
  createdAt: number;
  updatedAt: number;
}

export interface IncidentStore {
  create(incident: NewIncident, now: number): Incident;
  get(id: number): Incident | undefined;
  evidence(id: number): { type: EvidenceType; data: Buffer } | undefined;
  /** Newest first; `beforeId` pages on. */
  list(query: { status?: IncidentStatus; beforeId?: number; limit: number }): Incident[];
  /** Reports started from, or about the member of, a conversation. */
  forConversation(params: { conversationId: string; documents: string[]; phones: string[] }): Incident[];
  setStatus(params: { id: number; status: IncidentStatus; now: number }): Incident | undefined;
}
