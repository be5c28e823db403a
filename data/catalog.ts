import type { Cups, SiteCode, Specialty, VisitType } from '../bot/domain.js';

/** The plan's clinic sites (USS), in the order the program lists them. */
export const SITES: ReadonlyArray<{ code: SiteCode; name: string }> = [
  { code: 'CALLE42', name: 'USS Calle 42' },
  { code: 'AUTOSUR', name: 'USS Autopista Sur' },
  { code: 'CALLE26', name: 'USS Calle 26' },
  { code: 'KENNEDY', name: 'USS Kennedy' },
  { code: 'SUBA', name: 'USS Suba' },
  { code: 'CHIA', name: 'USS Chía' },
  { code: 'PRIMEROMAYO', name: 'USS Primero de Mayo' },
  { code: 'FONTIBON', name: 'USS Fontibón' },
  { code: 'FACATATIVA', name: 'USS Facatativá' },
];

export function siteName(code: SiteCode): string {
  return SITES.find((site) => site.code === code)?.name ?? code;
}

export function isSiteCode(value: string): value is SiteCode {
  return SITES.some((site) => site.code === value);
}

/** The services Lina schedules, by CUPS code. */
export const SERVICES: ReadonlyArray<{ cups: Cups; specialty: Specialty; visitType: VisitType }> = [
  { cups: '890201', specialty: 'medicina_general', visitType: 'primera_vez' },
  { cups: '890301', specialty: 'medicina_general', visitType: 'control' },
  { cups: '89020110', specialty: 'medicina_general', visitType: 'no_programada' },
  { cups: '890283', specialty: 'pediatria', visitType: 'primera_vez' },
  { cups: '890383', specialty: 'pediatria', visitType: 'control' },
  { cups: '89020271', specialty: 'pediatria', visitType: 'no_programada' },
];

export function cupsFor(specialty: Specialty, visitType: VisitType): Cups {
  const service = SERVICES.find((s) => s.specialty === specialty && s.visitType === visitType);
  if (!service) throw new Error(`No CUPS for ${specialty}/${visitType}`);
  return service.cups;
}

export function serviceOf(cups: Cups): { specialty: Specialty; visitType: VisitType } {
  const service = SERVICES.find((s) => s.cups === cups);
  if (!service) throw new Error(`Unknown CUPS ${cups}`);
  return service;
}

export function isCups(value: string): value is Cups {
  return SERVICES.some((s) => s.cups === value);
}

/** Pediatrics is for patients under this age. */
export const PEDIATRICS_MAX_AGE = 18;
