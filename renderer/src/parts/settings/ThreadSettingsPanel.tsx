import { useStore } from '../../store';
import { AttachmentSettings } from '../attachments';
import { ModelPickerButton, useSetThreadModel } from '../models';
import { focusComposer } from '../../platform/keyboard';
import { ParamsSection } from './ParamsSection';
import { SystemPromptField } from './SystemPromptField';
import './settings.css';

/** The inspector's Parameters tab: system prompt, provider and model, and every request parameter. */
export function ThreadSettingsPanel({ threadId }: { threadId: string }) {
  const providerId = useStore((s) => s.details[threadId]?.thread.settings.providerId ?? null);
  const model = useStore((s) => s.details[threadId]?.thread.settings.model ?? null);
  const loaded = useStore((s) => s.details[threadId] !== undefined);
  const setModel = useSetThreadModel(threadId);

  if (!loaded)
    return (
      <p className="settings-loading" data-loading>
        Loading…
      </p>
    );
  return (
    <div className="settings" key={threadId}>
      <div className="field settings-model">
        <span className="label">Model</span>
        <ModelPickerButton
          providerId={providerId}
          model={model}
          onChange={setModel}
          afterPick={focusComposer}
        />
      </div>
      <SystemPromptField key={`system-${threadId}`} threadId={threadId} />
      <ParamsSection key={`params-${threadId}`} threadId={threadId} />
      {providerId ? <AttachmentSettings key={`attach-${providerId}`} providerId={providerId} /> : null}
    </div>
  );
}
