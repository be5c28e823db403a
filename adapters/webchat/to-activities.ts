/** How Lina's replies look on web chat. Pure: no clock, no I/O. */
import type { Activity, CardAction } from 'botbuilder';
import { renderPlainText, type OutboundMessage } from '../../bot/messages.js';

/**
 * One message activity per reply. A reply's options become suggested actions (buttons): the
 * button shows the option's label, sends its value, and the member's bubble shows the label
 * again (`messageBack` with `displayText`; an `imBack` would print the bare value, e.g. "yes").
 *
 * Web Chat only shows the suggested actions of the last activity, so options of an earlier
 * reply in the same turn are written into its text as a numbered list instead: a member can
 * still answer them by number or by words.
 */
export function toActivities(messages: readonly OutboundMessage[]): Array<Partial<Activity>> {
  return messages.map((message, index) => {
    const options = message.options ?? [];
    const showsButtons = options.length > 0 && index === messages.length - 1;
    return {
      type: 'message',
      textFormat: 'plain',
      text: showsButtons ? message.text : renderPlainText(message),
      ...(showsButtons
        ? {
            inputHint: 'expectingInput',
            suggestedActions: {
              to: [],
              actions: options.map((option): CardAction => ({
                type: 'messageBack',
                title: option.label,
                displayText: option.label,
                text: option.value,
                value: option.value,
              })),
            },
          }
        : {}),
    };
  });
}
