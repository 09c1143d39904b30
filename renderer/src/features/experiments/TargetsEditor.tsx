import { Plus, Trash2 } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ParamVariant } from '../../../../main/contract/experiments';
import { defaultPerMinute } from '../../../../main/contract/experiments';
import { useStore } from '../../store';
import { Button } from '../../ui/Button';
import { IconButton } from '../../ui/IconButton';
import { Select } from '../../ui';
import { VariantRow } from './VariantRow';

/** Columns are every model × every variant: models on one side, parameter variants on the other. */
export function TargetsEditor() {
  const s = useStore(
    useShallow((st) => ({
      draft: st.experimentDraft,
      edit: st.editExperiment,
      providers: st.providers,
      models: st.models,
      loadModels: st.loadModels,
      ensureProviders: st.ensureProvidersSync,
    })),
  );
  const [providerId, setProviderId] = useState('');
  const { ensureProviders, loadModels } = s;
  useEffect(() => ensureProviders(), [ensureProviders]);
  const chosenProvider = providerId || s.providers[0]?.id || '';
  useEffect(() => {
    if (chosenProvider) void loadModels(chosenProvider);
  }, [chosenProvider, loadModels]);
  if (!s.draft) return null;
  const { config } = s.draft;
  const available = (s.models[chosenProvider]?.models ?? []).filter((m) => m.allowed);
  const providerName = (id: string) => s.providers.find((p) => p.id === id)?.name ?? 'missing provider';
  const setVariants = (variants: ParamVariant[]) => s.edit({ config: { ...config, variants } });

  return (
    <section className="exp-section" aria-labelledby="exp-models-title">
      <div className="exp-section-head">
        <h2 id="exp-models-title" className="section-title">
          Models and variants
        </h2>
        <span className="exp-section-note">
          {config.targets.length * config.variants.length} column
          {config.targets.length * config.variants.length === 1 ? '' : 's'}
        </span>
      </div>
      <div className="exp-two-col">
        <div>
          <ul className="exp-chips" aria-label="Models">
            {config.targets.map((t, index) => (
              <li key={`${t.providerId}|${t.model}`} className="exp-chip">
                <span className="mono">{t.model}</span>
                <span className="exp-chip-sub">{providerName(t.providerId)}</span>
                <IconButton
                  label={`Remove ${t.model}`}
                  size="sm"
                  onPress={() =>
                    s.edit({ config: { ...config, targets: config.targets.filter((_, i) => i !== index) } })
                  }
                >
                  <Trash2 />
                </IconButton>
              </li>
            ))}
          </ul>
          {[...new Set(config.targets.map((t) => t.providerId))].map((id) => {
            const preset = s.providers.find((p) => p.id === id)?.preset ?? '';
            return (
              <label key={id} className="exp-rate">
                <span>{providerName(id)}</span>
                <input
                  className="input num"
                  type="number"
                  min={1}
                  aria-label={`Requests a minute to ${providerName(id)}`}
                  placeholder={String(defaultPerMinute(preset))}
                  value={config.rateLimits[id] ?? ''}
                  onChange={(e) => {
                    const value = Math.trunc(Number(e.target.value));
                    const rateLimits = { ...config.rateLimits };
                    if (e.target.value === '' || !(value > 0)) delete rateLimits[id];
                    else rateLimits[id] = value;
                    s.edit({ config: { ...config, rateLimits } });
                  }}
                />
                <span className="exp-chip-sub">requests a minute</span>
              </label>
            );
          })}
          <div className="exp-add-model">
            <Select
              label="Provider"
              hideLabel
              className="exp-add-provider"
              options={s.providers.map((p) => ({ id: p.id, label: p.name }))}
              value={chosenProvider || null}
              onChange={setProviderId}
            />
            {/* An action, not a value: it always shows its placeholder, and a pick adds a column. */}
            <Select
              label="Add a model"
              hideLabel
              mono
              className="exp-add-target"
              placeholder={available.length ? 'Add a model…' : 'No models (check the provider)'}
              isDisabled={available.length === 0}
              options={available.map((m) => ({
                id: m.id,
                label: m.id,
                // Already a column: offered, but not twice.
                isDisabled: config.targets.some((t) => t.providerId === chosenProvider && t.model === m.id),
              }))}
              value={null}
              onChange={(model) => {
                if (config.targets.some((t) => t.providerId === chosenProvider && t.model === model)) return;
                s.edit({
                  config: { ...config, targets: [...config.targets, { providerId: chosenProvider, model }] },
                });
              }}
            />
          </div>
        </div>
        <div>
          <ul className="exp-variants" aria-label="Parameter variants">
            {config.variants.map((variant, index) => (
              <VariantRow
                key={variant.id}
                variant={variant}
                promptFormat={s.draft?.prompt.responseFormat ?? null}
                canRemove={config.variants.length > 1}
                onChange={(next) => setVariants(config.variants.map((v, i) => (i === index ? next : v)))}
                onRemove={() => setVariants(config.variants.filter((_, i) => i !== index))}
              />
            ))}
          </ul>
          <Button
            size="sm"
            onPress={() =>
              setVariants([
                ...config.variants,
                {
                  id: crypto.randomUUID(),
                  label: `variant ${config.variants.length + 1}`,
                  params: { temperature: 0 },
                },
              ])
            }
          >
            <Plus size={14} /> Variant
          </Button>
        </div>
      </div>
    </section>
  );
}
