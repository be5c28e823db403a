/** What was wrong with the inputs of the QR codes and posters, for the CLI to report. */
export type SiteQrErrorCode = 'INVALID_WHATSAPP_NUMBER' | 'INVALID_PUBLIC_URL' | 'INVALID_SITES';

/**
 * Raised before anything is written when an input would print a code that cannot work
 * (a malformed number, a URL phones cannot open, an unknown site).
 */
export class SiteQrInputError extends Error {
  override readonly name = 'SiteQrInputError';

  constructor(
    readonly code: SiteQrErrorCode,
    message: string,
  ) {
    super(message);
  }
}
