/**
 * What Baileys hands Lina on `messages.upsert`: `WAMessage` (`proto.IWebMessageInfo` plus
 * Baileys' key fields), decoded from WhatsApp's protobuf. See
 * https://baileys.wiki/docs/api/type-aliases/WAMessage and WAProto/WAProto.proto in the package.
 * Only the fields Lina reads are checked; anything else passes through untouched. Wrappers
 * (ephemeral, view once, edits...) hold another message, validated again when unwrapped.
 */
import { z } from 'zod';

const text = z.string().nullish();

/** A wrapper around another message: its content is checked when Lina opens it. */
const wrapper = z.looseObject({ message: z.unknown().nullish() }).nullish();

/** Present-or-not is all Lina needs from media and other content she cannot read. */
const present = z.unknown().optional();

/** `messages.upsert`: `notify` is new mail; `append` is history and Lina's own sends. */
export const messagesUpsertSchema = z.looseObject({
  type: z.string(),
  messages: z.array(z.unknown()),
});

/** The envelope: who wrote, in which chat, with which id. */
export const webMessageSchema = z.looseObject({
  key: z.looseObject({
    remoteJid: z.string().min(1),
    id: z.string().min(1),
    fromMe: z.boolean().nullish(),
    participant: z.string().nullish(),
    /** The same sender's other address (phone JID for a LID chat, and the other way round). */
    remoteJidAlt: z.string().nullish(),
    participantAlt: z.string().nullish(),
    addressingMode: z.string().nullish(),
  }),
  message: z.unknown().nullish(),
  broadcast: z.boolean().nullish(),
});

export type WebMessage = z.infer<typeof webMessageSchema>;

/** The content of a message (`proto.IMessage`), one level deep. */
export const messageContentSchema = z.looseObject({
  conversation: text,
  extendedTextMessage: z.looseObject({ text }).nullish(),

  ephemeralMessage: wrapper,
  viewOnceMessage: wrapper,
  viewOnceMessageV2: wrapper,
  viewOnceMessageV2Extension: wrapper,
  documentWithCaptionMessage: wrapper,
  editedMessage: wrapper,

  listResponseMessage: z
    .looseObject({
      title: text,
      singleSelectReply: z.looseObject({ selectedRowId: text }).nullish(),
    })
    .nullish(),
  buttonsResponseMessage: z.looseObject({ selectedButtonId: text, selectedDisplayText: text }).nullish(),
  templateButtonReplyMessage: z.looseObject({ selectedId: text, selectedDisplayText: text }).nullish(),
  interactiveResponseMessage: z
    .looseObject({
      body: z.looseObject({ text }).nullish(),
      nativeFlowResponseMessage: z.looseObject({ name: text, paramsJson: text }).nullish(),
    })
    .nullish(),

  protocolMessage: z
    .looseObject({
      /** `proto.Message.ProtocolMessage.Type`: 14 is MESSAGE_EDIT, which carries the new text. */
      type: z.number().nullish(),
      editedMessage: z.unknown().nullish(),
    })
    .nullish(),

  audioMessage: present,
  imageMessage: present,
  videoMessage: present,
  ptvMessage: present,
  documentMessage: present,
  stickerMessage: present,
  locationMessage: present,
  liveLocationMessage: present,
  contactMessage: present,
  contactsArrayMessage: present,
  pollCreationMessage: present,
  pollCreationMessageV2: present,
  pollCreationMessageV3: present,
  eventMessage: present,
});

export type MessageContent = z.infer<typeof messageContentSchema>;

/** The parameters of a WhatsApp Flow / native-flow reply; Lina reads its `id`. */
export const nativeFlowParamsSchema = z.looseObject({ id: z.string().min(1) });
