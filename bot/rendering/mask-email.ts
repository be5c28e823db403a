/** E-mail addresses as Lina shows them back: enough to recognise, too little to harvest. */

/** `laura.gomez@example.com` → `l***z@example.com`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  const local = email.slice(0, at);
  const last = local.length > 1 ? local.slice(-1) : '';
  return `${local[0]}***${last}${email.slice(at)}`;
}
