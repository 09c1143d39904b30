import { Plus, Trash2 } from 'lucide-react';
import { useShallow } from 'zustand/react/shallow';
import type { PromptMessage } from '../../../../main/contract/experiments';
import { BUILT_IN_VARIABLES, userVariablesIn } from '../../../../main/contract/templateVars';
import { useStore } from '../../store';
import { Button } from '../../ui/Button';
import { IconButton } from '../../ui/IconButton';
import { Select } from '../../ui';
import type { SelectOption } from '../../ui';
import { PromptFormat } from './PromptFormat';

const ROLES: SelectOption<PromptMessage['role']>[] = (['system', 'user', 'assistant'] as const).map(
  (role) => ({ id: role, label: role }),
);

/** The versioned part: messages with {{variables}}, tools and the response format. The last message must be the user's. */
export function PromptEditor() {
  const { draft, edit, tools } = useStore(
    useShallow((s) => ({ draft: s.experimentDraft, edit: s.editExperiment, tools: s.tools })),
  );
  if (!draft) return null;
  const { prompt } = draft;
  const messages = prompt.messages;
  const setMessages = (next: PromptMessage[]) => edit({ prompt: { ...prompt, messages: next } });
  const variables = userVariablesIn(...messages.map((m) => m.content));
  return (
    <section className="exp-section" aria-labelledby="exp-prompt-title">
      <div className="exp-section-head">
        <h2 id="exp-prompt-title" className="section-title">
          Prompt
        </h2>
        <span className="exp-section-note">
          Variables: {variables.length ? variables.map((v) => `{{${v}}}`).join(' ') : 'none yet'} · built in:{' '}
          {BUILT_IN_VARIABLES.map((v) => `{{${v}}}`).join(' ')}
        </span>
      </div>
      <ol className="exp-messages">
        {messages.map((message, index) => (
          <li key={index} className="exp-message">
            <Select<PromptMessage['role']>
              label={`Role of message ${index + 1}`}
              hideLabel
              className="exp-role"
              options={ROLES}
              value={message.role}
              onChange={(role) => setMessages(messages.map((m, i) => (i === index ? { ...m, role } : m)))}
            />
            <textarea
              className="textarea exp-message-text"
              aria-label={`Message ${index + 1} (${message.role})`}
              rows={Math.min(8, Math.max(2, message.content.split('\n').length))}
              value={message.content}
              onChange={(e) =>
                setMessages(messages.map((m, i) => (i === index ? { ...m, content: e.target.value } : m)))
              }
            />
            <IconButton
              label={`Remove message ${index + 1}`}
              isDisabled={messages.length === 1}
              onPress={() => setMessages(messages.filter((_, i) => i !== index))}
            >
              <Trash2 />
            </IconButton>
          </li>
        ))}
      </ol>
      <div className="exp-row-actions">
        <Button
          size="sm"
          onPress={() =>
            setMessages([
              ...messages,
              { role: messages.at(-1)?.role === 'user' ? 'assistant' : 'user', content: '' },
            ])
          }
        >
          <Plus size={14} /> Message
        </Button>
        {tools.length > 0 ? (
          <details className="exp-tools">
            <summary>Tools ({prompt.toolIds.length})</summary>
            <div className="exp-tools-list">
              {tools.map((tool) => (
                <label key={tool.id} className="exp-check-label">
                  <input
                    type="checkbox"
                    checked={prompt.toolIds.includes(tool.id)}
                    onChange={(e) =>
                      edit({
                        prompt: {
                          ...prompt,
                          toolIds: e.target.checked
                            ? [...prompt.toolIds, tool.id]
                            : prompt.toolIds.filter((id) => id !== tool.id),
                        },
                      })
                    }
                  />
                  <span className="mono">{tool.name}</span>
                </label>
              ))}
            </div>
          </details>
        ) : null}
      </div>
      <PromptFormat />
    </section>
  );
}
