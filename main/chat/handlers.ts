import type { HandlersOf } from '../ipc/handlers';
import type { ChatService } from './service';

/** The `chat:*` channels, each a thin call into the service with the calling window's id. */
export function chatHandlers(service: ChatService): HandlersOf<'chat'> {
  return {
    'chat:send': (input, ctx) => service.send(input, ctx.senderId),
    'chat:answerTools': (input, ctx) => service.answerTools(input, ctx.senderId),
    'chat:regenerate': (input, ctx) => service.regenerate(input, ctx.senderId),
    'chat:continue': (input, ctx) => service.continue(input, ctx.senderId),
    'chat:compare': (input, ctx) => service.compare(input, ctx.senderId),
    'chat:stop': (input) => service.stop(input),
    'chat:active': () => service.active(),
  };
}
