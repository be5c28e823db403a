/**
 * The analyst's manual failure-message switch (contingency protocol), as a port: the engine
 * reads it as a `ContingencySwitch`, the console turns it on and off. Implemented by
 * data/support/failure-notice.store.ts.
 */
import { CHANNELS, type ChannelName } from '../../messages.js';
import type { ContingencySwitch } from '../../ports.js';

/** A notice covers one channel or every channel at once. */
export type NoticeChannel = ChannelName | 'all';
export const NOTICE_CHANNELS: readonly NoticeChannel[] = ['all', ...CHANNELS];

export function isNoticeChannel(value: string): value is NoticeChannel {
  return (NOTICE_CHANNELS as readonly string[]).includes(value);
}

/** A manual failure notice as an analyst switched it on, and maybe off. */
export interface ManualFailureNotice {
  id: number;
  channel: NoticeChannel;
  text: string;
  startedAt: number;
  /** When it switches itself off; `undefined` keeps it on until someone switches it off. */
  endsAt: number | undefined;
  startedBy: string;
  stoppedAt: number | undefined;
  stoppedBy: string | undefined;
}

export interface FailureNoticeStore extends ContingencySwitch {
  /**
   * Switches the notice on for a channel. When one is already on for exactly that channel,
   * its text and end change and it keeps its start, so the time since the failure began
   * (and the 3-hour escalation) is not reset.
   */
  switchOn(params: { channel: NoticeChannel; text: string; endsAt?: number; by: string; now: number }): { notice: ManualFailureNotice; updated: boolean };
  /** Switches a notice off; `undefined` when it was not on. */
  switchOff(params: { id: number; by: string; now: number }): ManualFailureNotice | undefined;
  /** Notices on at `now`, newest first. */
  active(now: number): ManualFailureNotice[];
  /** The latest notices, on or off, newest first. */
  history(limit: number): ManualFailureNotice[];
}
