import type { EventSink, HandlersOf } from '../ipc/handlers';
import type { ModelsService } from '../models/service';
import type { ProvidersService } from './service';

export interface ProviderHandlerDeps {
  providers: ProvidersService;
  models: ModelsService;
  events: EventSink;
}

/**
 * The `providers:*` and `models:*` channels. Every change (including a background token refresh)
 * reaches all windows as `providers:changed`, so each can re-read what it shows.
 */
export function providerHandlers(deps: ProviderHandlerDeps): HandlersOf<'providers'> & HandlersOf<'models'> {
  const { providers, models, events } = deps;
  providers.onChanged((providerId) => events.broadcast('providers:changed', { providerId }));
  providers.onSignInUrl((providerId, url) => events.broadcast('providers:signInUrl', { providerId, url }));
  return {
    'providers:presets': () => providers.presets(),
    'providers:list': () => providers.list(),
    'providers:create': (input) => providers.create(input),
    'providers:update': ({ id, patch }) => providers.update(id, patch),
    'providers:duplicate': ({ id }) => providers.duplicate(id),
    'providers:delete': ({ id }) => providers.delete(id),
    'providers:reorder': ({ ids }) => providers.reorder(ids),
    'providers:setSecret': ({ id, secret }) => providers.setSecret(id, secret),
    'providers:clearSecret': ({ id }) => providers.clearSecret(id),
    'providers:signIn': ({ id }) => providers.signIn(id),
    'providers:signOut': ({ id }) => providers.signOut(id),
    'providers:cancelSignIn': ({ id }) => providers.cancelSignIn(id),
    'models:list': ({ providerId, refresh }) => models.list(providerId, refresh),
    'models:setOverride': ({ providerId, modelId, capabilities }) =>
      models.setOverride(providerId, modelId, capabilities),
  };
}
