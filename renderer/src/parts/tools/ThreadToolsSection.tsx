import { useEffect, useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store';
import { Select } from '../../ui';
import type { SelectOption } from '../../ui';
import { AttachedToolsList } from './AttachedToolsList';
import { McpThreadTools } from './McpThreadTools';
import { ToolAnsweringFields } from './ToolAnsweringFields';
import {
  danglingChoice,
  toolChoiceFromKey,
  toolChoiceKey,
  toolsSupport,
  withToolChoice,
} from './threadTools';
import type { ToolChoiceKey } from './threadTools';
import { useThreadSettings } from './useThreadSettings';
import './threadTools.css';

const TOOL_CHOICES: SelectOption<ToolChoiceKey>[] = [
  { id: 'default', label: 'Not sent (provider default)' },
  { id: 'auto', label: 'auto: the model decides' },
  { id: 'none', label: 'none: never call a tool' },
  { id: 'required', label: 'required: must call a tool' },
];

/** The inspector's Tools tab: which functions this thread offers, tool_choice, and who answers calls. */
export function ThreadToolsSection({ threadId }: { threadId: string }) {
  const ids = useId();
  const { settings, save } = useThreadSettings(threadId);
  const { tools, toolsLoaded, loadTools, models, loadModels, setModelOverride, setScreen } = useStore(
    useShallow((s) => ({
      tools: s.tools,
      toolsLoaded: s.toolsLoaded,
      loadTools: s.loadTools,
      models: s.models,
      loadModels: s.loadModels,
      setModelOverride: s.setModelOverride,
      setScreen: s.setScreen,
    })),
  );
  const providerId = settings?.providerId ?? null;
  const model = settings?.model ?? null;

  useEffect(() => {
    if (!toolsLoaded) void loadTools();
  }, [toolsLoaded, loadTools]);
  useEffect(() => {
    if (providerId !== null && models[providerId] === undefined) void loadModels(providerId);
  }, [providerId, models, loadModels]);

  if (!settings) return <p className="field-hint ttools-pad">Loading the thread…</p>;

  const support = toolsSupport(providerId === null ? undefined : models[providerId], providerId, model);
  const disabled = support.state === 'unsupported';
  const attached = tools.filter((t) => settings.toolIds.includes(t.id));
  const missing = settings.toolIds.filter((id) => !tools.some((t) => t.id === id));
  const choice = settings.params.tool_choice;
  const dangling = danglingChoice(
    choice,
    attached.map((t) => t.name),
  );

  const toggle = (id: string, on: boolean) =>
    void save({ toolIds: on ? [...settings.toolIds, id] : settings.toolIds.filter((t) => t !== id) });

  return (
    <section className="ttools" aria-label="Tools for this thread">
      {support.state === 'unsupported' ? (
        <div className="banner banner-warn ttools-banner" role="status">
          <p>{support.reason}</p>
          <button
            type="button"
            className="btn"
            onClick={() => providerId && model && void setModelOverride(providerId, model, { tools: true })}
          >
            Use anyway
          </button>
        </div>
      ) : null}
      {support.state === 'unknown' ? <p className="field-hint">{support.reason}</p> : null}
      {support.state === 'supported' && support.overridden ? (
        <p className="field-hint">Tools turned on by your override for {model}.</p>
      ) : null}
      <fieldset
        className="ttools-fieldset"
        disabled={disabled}
        aria-describedby={disabled ? `${ids}-why` : undefined}
      >
        {disabled ? (
          <span id={`${ids}-why`} className="visually-hidden">
            {support.reason}
          </span>
        ) : null}
        <AttachedToolsList
          tools={tools}
          attachedIds={settings.toolIds}
          missingCount={missing.length}
          onToggle={toggle}
          onOpenLibrary={() => setScreen('tools')}
        />
        <McpThreadTools
          threadId={threadId}
          maxRounds={settings.maxToolRounds}
          showRounds={settings.toolMode !== 'canned'}
          onMaxRounds={(maxToolRounds) => void save({ maxToolRounds })}
        />
        <Select<ToolChoiceKey>
          label="tool_choice"
          // The fieldset disables native controls only; the widget's button is told too.
          isDisabled={disabled}
          value={toolChoiceKey(choice)}
          options={TOOL_CHOICES}
          sections={
            attached.length > 0 || dangling
              ? [
                  {
                    title: 'Call this function',
                    options: [
                      ...attached.map((t) => ({ id: `fn:${t.name}` as const, label: t.name })),
                      ...(dangling
                        ? [{ id: `fn:${dangling}` as const, label: `${dangling} (not attached)` }]
                        : []),
                    ],
                  },
                ]
              : []
          }
          onChange={(key) => void save({ params: withToolChoice(settings.params, toolChoiceFromKey(key)) })}
          error={
            dangling
              ? `tool_choice names ${dangling}, which is not attached: attach it or pick another choice.`
              : null
          }
        />
        <ToolAnsweringFields
          mode={settings.toolMode}
          maxRounds={settings.maxToolRounds}
          withoutCanned={attached.filter((t) => t.cannedResult === null).map((t) => t.name)}
          onMode={(toolMode) => void save({ toolMode })}
          onMaxRounds={(maxToolRounds) => void save({ maxToolRounds })}
        />
      </fieldset>
    </section>
  );
}
