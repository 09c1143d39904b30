import type { AttachmentChoice, Message, Preflight, Thread } from '../contract';
import { AppFailure } from '../contract';
import type { AttachmentsPort, ModelsPort, ThreadsPort } from '../chat/ports';
import type { RunPlan } from '../chat/request/plan';
import { draft } from '../chat/tree';
import type { Handlers } from '../ipc/handlers';
import { partCapabilities, wantsPages } from './parts';
import { measure, refuseIfBlocked } from './preflight';
import type { AttachmentsService } from './service';

export interface AttachmentHandlerDeps {
  service: AttachmentsService;
  threads: Pick<ThreadsPort, 'getThread' | 'activePath' | 'getMessage'>;
  models: ModelsPort;
  /** The chat engine's own planning, so the preflight measures the very request Send would build. */
  plan: (thread: Thread, path: readonly Message[]) => Promise<RunPlan>;
  /** The model's context window from its listing, when the provider published one. */
  contextOf: (providerId: string, model: string) => Promise<number | null>;
  estimateTokens: (text: string) => number;
}

/** Whether an earlier answer on this path came from a confidential model. */
async function wasConfidential(models: ModelsPort, path: readonly Message[]): Promise<boolean> {
  const seen = new Set<string>();
  for (const message of path) {
    if (message.role !== 'assistant' || !message.providerId || !message.model) continue;
    const key = `${message.providerId}\u0000${message.model}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const described = await models.describe(message.providerId, message.model).catch(() => null);
    if (described?.confidential) return true;
  }
  return false;
}

async function preflightOf(
  deps: Omit<AttachmentHandlerDeps, 'plan'>,
  plan: RunPlan,
  path: readonly Message[],
  ids: readonly string[],
  elidedBytes = 0,
): Promise<Preflight> {
  const contextWindow = await deps.contextOf(plan.provider.id, plan.model).catch(() => null);
  return measure(
    plan,
    path,
    ids,
    contextWindow,
    { limits: (providerId) => deps.service.limits(providerId), estimateTokens: deps.estimateTokens },
    elidedBytes,
  );
}

/** Pages of PDFs that go as images to the thread's model are drawn before they are measured. */
async function drawWantedPages(
  deps: Pick<AttachmentHandlerDeps, 'service' | 'models'>,
  thread: Thread,
  choices: readonly AttachmentChoice[],
): Promise<void> {
  const { providerId, model } = thread.settings;
  if (!providerId || !model || choices.length === 0) return;
  const described = await deps.models.describe(providerId, model).catch(() => null);
  if (!described) return;
  const limits = deps.service.limits(providerId);
  const caps = partCapabilities(model, described.capabilities, limits);
  await deps.service.drawPages(choices, (ref) => wantsPages(ref, caps), limits);
}

/** What the chat engine calls: the parts of a message, and the refusal of an over-limit Send. */
export function attachmentsPort(deps: Omit<AttachmentHandlerDeps, 'plan'>): AttachmentsPort {
  const { service } = deps;
  return {
    refsFor: (choices) => service.refsFor(choices),
    commit: (choices) => service.commit(choices),
    partsFor: (providerId, model, caps) => service.partsFor(providerId, model, caps),
    check: async (plan, path) => refuseIfBlocked(await preflightOf(deps, plan, path, [])),
  };
}

export function attachmentHandlers(
  deps: AttachmentHandlerDeps,
): Pick<
  Handlers,
  | 'attachments:stage'
  | 'attachments:discard'
  | 'attachments:preflight'
  | 'attachments:storage'
  | 'attachments:limits'
  | 'attachments:requestBody'
> {
  const { service } = deps;
  return {
    'attachments:stage': (input) => service.stage(input),
    'attachments:discard': ({ id }) => ({ discarded: service.discard(id) }),
    'attachments:storage': () => service.storage(),
    'attachments:limits': ({ providerId, limits }) =>
      limits ? service.setLimits(providerId, limits) : service.limits(providerId),
    'attachments:requestBody': ({ messageId }) => {
      const meta = deps.threads.getMessage(messageId).meta;
      if (!meta) throw new AppFailure('not_found', 'No request was recorded for this answer.');
      // Reading the stored meta's body rebuilds the exact bytes from the blobs (requestBodies.ts).
      return { body: meta.requestBody };
    },
    'attachments:preflight': async (input) => {
      const thread = deps.threads.getThread(input.threadId);
      const parentId = input.parentId ?? thread.activeLeafId;
      const path = parentId ? deps.threads.activePath(thread.id, parentId) : [];
      const choices: AttachmentChoice[] = input.attachments;
      await drawWantedPages(deps, thread, choices);
      const refs = service.refsFor(choices);
      const sent = [
        ...path,
        draft(thread.id, parentId, 'user', input.content, refs.length > 0 ? { attachments: refs } : {}),
      ];
      const sizing = service.sizing(sent);
      const plan = await deps.plan(thread, sent).finally(() => sizing.release());
      const result = await preflightOf(
        deps,
        plan,
        sent,
        choices.map((c) => c.id),
        sizing.elidedBytes,
      );
      const leaves =
        refs.length > 0 && !plan.description.confidential && (await wasConfidential(deps.models, path));
      // A PDF whose pages could not be drawn says why, in its chip.
      const parts = result.parts.map((part) => {
        const refused = service.pagesRefused(part.id);
        return refused && part.sentAs === 'omitted'
          ? { ...part, note: `its pages cannot be sent as images: ${refused}` }
          : part;
      });
      return { ...result, parts, leavesConfidential: leaves };
    },
  };
}
