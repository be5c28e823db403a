/**
 * The dialog scripts written for web chat, played through the web chat channel instead of
 * straight into the engine: Lina runs as `startLina` runs her (runtime, in-memory SQLite, the
 * embedded agenda, the web server), and each script is a member on her web chat page talking to
 * her own Direct Line over real HTTP, as Web Chat does: a token, a conversation started, each
 * member line posted as a message activity, Lina's reply activities read back by watermark. A
 * script passes here as it passes on the engine: the channel changes nothing of the conversation.
 *
 * Starting the conversation is the page opening: Lina greets before the member writes anything
 * (her greeting and the consent question, the engine's answer to a conversation's first "hola").
 * So the page opening is the member's hello, as the QR code's prefilled greeting is on WhatsApp:
 * - a script's first line that only greets (`isBareGreeting`, test/support/channel-scripts.ts:
 *   "hola", "buenas noches", "Hola Lina") is not typed: the page opening stands for it, and its
 *   greeting is that line's replies, checked against the line's expectations, unchanged;
 * - any other first line ("hola q citas tengo") is typed once the page has greeted, as a member
 *   does; the greeting answers no line of the script and is read past.
 * Later lines are typed as written.
 *
 * Lina's reply activities are read back as the engine's replies: a message's text, and its
 * suggested actions as the options they were made from (the button's title is the option's
 * label, its value the option's value). The runner renders them as it renders the engine's
 * (`renderPlainText`, options as numbered lines); an earlier reply of a turn whose options Web
 * Chat would not show as buttons already carries them in its text, as the engine's rendering
 * writes them.
 *
 * Scripts with a `site:` line start from a site's QR code, which opens the page at `/?site=CODE`:
 * the page asks for its token with that site (`POST /tokens/generate` with `{ site }`), the
 * conversation starts with it, and every activity the page posts names it in
 * `channelData.site`. So here the token is asked for with the script's site and the lines are
 * posted as the page posts them; the text is typed as written.
 *
 * Posts a minute per conversation and the engine's rate limit are set out of reach: scripts
 * replay their turns faster than any person could.
 */
import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { ManualClock } from '../../bot/clock.js';
import type { SiteCode } from '../../bot/domain.js';
import { silentLogger } from '../../bot/logger.js';
import { startLina } from '../../bot/main/server.js';
import type { Engine, OutboundMessage } from '../../bot/messages.js';
import type { StartConversation } from '../../bot/simulation/run-scripts.js';
import { directLineClient, type DirectLineActivity, type DirectLineClient, type StartedConversation } from '../adapters/webchat/harness.js';
import { assertScriptsPass, isBareGreeting, scriptsWrittenFor } from '../support/channel-scripts.js';
import { scriptConfig } from '../support/dialog-scripts.js';

const scripts = scriptsWrittenFor('webchat');

// (An in-memory database, the embedded agenda, no logs, no rate limit: scriptConfig's; this channel's settings on top.)
const config = scriptConfig({
  LINA_DIRECTLINE_POSTS_PER_MINUTE: '600',
});

/** A reply activity as the engine's reply: its suggested actions are the options they show. */
function asReply(activity: DirectLineActivity): OutboundMessage {
  const options = (activity.suggestedActions?.actions ?? []).map((action) => ({ label: action.title, value: String(action.value) }));
  return options.length > 0 ? { text: activity.text ?? '', options } : { text: activity.text ?? '' };
}

/** The member on the web chat page: a started conversation, read up to `watermark`. */
interface Page {
  directLine: DirectLineClient;
  conversation: StartedConversation;
  site: SiteCode | undefined;
  /** What Lina said as the page opened. */
  greeting: OutboundMessage[];
  watermark: string;
}

/** Lina's reply activities among `activities`, as the engine's replies. */
function linaSays(activities: DirectLineActivity[]): OutboundMessage[] {
  const fromLina = activities.filter((activity) => activity.from.role === 'bot');
  assert.ok(
    fromLina.every((activity) => activity.type === 'message'),
    'Lina keeps nothing but messages in the conversation',
  );
  return fromLina.map(asReply);
}

/** Opens the page (from `site`'s QR code, when given): a token, then the conversation, which Lina greets. */
async function openPage(directLine: DirectLineClient, site: SiteCode | undefined): Promise<Page> {
  const conversation = await directLine.start(site ? { site } : {});
  const read = await directLine.activities(conversation);
  assert.equal(read.status, 200);
  const greeting = linaSays(read.body.activities);
  assert.ok(greeting.length > 0, 'Lina greets as the page opens');
  return { directLine, conversation, site, greeting, watermark: read.body.watermark };
}

/** An engine as the scripts see it, that is really a member typing on Lina's web chat page. */
function memberOn(page: Page): Engine {
  let lines = 0;
  return {
    async handle(message) {
      lines += 1;
      // The page opening is the member's hello (see the header).
      if (lines === 1 && isBareGreeting(message.text)) return page.greeting;
      const posted = await page.directLine.post(page.conversation, {
        type: 'message',
        text: message.text,
        textFormat: 'plain',
        locale: 'es-CO',
        from: { id: 'member', role: 'user' },
        channelData: { clientActivityID: `client-${lines}`, ...(page.site ? { site: page.site } : {}) },
      });
      assert.equal(posted.status, 200, `the Direct Line took the message: ${JSON.stringify(posted.body)}`);
      const read = await page.directLine.activities(page.conversation, page.watermark);
      assert.equal(read.status, 200);
      page.watermark = read.body.watermark;
      return linaSays(read.body.activities);
    },
  };
}

describe('dialog scripts over web chat', () => {
  it(`play the ${scripts.length} web chat scripts through Lina's Direct Line as on the engine, those from a QR code included`, async () => {
    const startConversation: StartConversation = async ({ now, site }) => {
      const clock = new ManualClock(now);
      const lina = await startLina({ config, clock, logger: silentLogger });
      const page = await openPage(directLineClient(lina.web.url), site);
      return { engine: memberOn(page), clock, close: () => lina.close() };
    };
    await assertScriptsPass(scripts, { atLeast: 20, startConversation });
  }, 600_000);
});
