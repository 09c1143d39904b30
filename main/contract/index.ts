import type { z } from 'zod';
import { appChannels, appEvents } from './app';
import { attestationChannels, attestationEvents } from './attestation';
import { attachmentChannels } from './attachments';
import { budgetChannels, budgetEvents } from './budgets';
import { chatChannels, chatEvents } from './chat';
import { mcpChannels, mcpEvents } from './mcp';
import { mcpLedgerChannels } from './mcpLedger';
import type { Channel, ChannelKey } from './define';
import { experimentChannels, experimentEvents } from './experiments';
import { projectChannels, projectEvents } from './projects';
import { providerChannels, providerEvents } from './providers';
import { threadChannels, threadEvents } from './threads';
import { toolChannels } from './tools';
import { usageChannels, usageEvents } from './usage';

export * from './app';
export * from './attestation';
export * from './attachments';
export * from './budgets';
export * from './chat';
export * from './errors';
export * from './mcp';
export * from './mcpLedger';
export * from './experiments';
export * from './templateVars';
export * from './projects';
export * from './providers';
export * from './threads';
export * from './tools';
export * from './usage';

/** Every request/response channel of the app, declared once. */
export const channels = {
  ...appChannels,
  ...providerChannels,
  ...chatChannels,
  ...threadChannels,
  ...toolChannels,
  ...usageChannels,
  ...budgetChannels,
  ...projectChannels,
  ...attestationChannels,
  ...attachmentChannels,
  ...mcpChannels,
  ...mcpLedgerChannels,
  ...experimentChannels,
} satisfies Record<ChannelKey, Channel>;

/** Every push event main sends to a window. */
export const events = {
  ...appEvents,
  ...chatEvents,
  ...providerEvents,
  ...threadEvents,
  ...usageEvents,
  ...budgetEvents,
  ...projectEvents,
  ...attestationEvents,
  ...mcpEvents,
  ...experimentEvents,
} satisfies Record<ChannelKey, z.ZodType>;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type EventName = keyof typeof events;

/** What a caller passes (defaults not yet applied). */
export type Input<C extends ChannelName> = z.input<Channels[C]['input']>;
/** What a handler receives after validation. */
export type Parsed<C extends ChannelName> = z.output<Channels[C]['input']>;
export type Output<C extends ChannelName> = z.output<Channels[C]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const channelNames = Object.keys(channels) as ChannelName[];
export const eventNames = Object.keys(events) as EventName[];
