/**
 * Direct Line activity ids as Azure writes them: the conversation id, a bar, and the
 * activity's position in the conversation in 7 digits (`abc|0000003`).
 */

export function activityIdFor(conversationId: string, seq: number): string {
  return `${conversationId}|${String(seq).padStart(7, '0')}`;
}

/** The position an activity id of this conversation names, if it is one. */
export function seqOfActivityId(conversationId: string, id: string): number | undefined {
  const prefix = `${conversationId}|`;
  if (!id.startsWith(prefix)) return undefined;
  const digits = id.slice(prefix.length);
  return /^\d{1,12}$/.test(digits) ? Number(digits) : undefined;
}
