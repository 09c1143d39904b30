import { describe, expect, it } from 'vitest';
import { harness } from '../chat/support/harness';
import { useMock } from './support';

const m = useMock();
const sentBodies = () => m.chatBodies<{ messages: { role: string; content: string }[] }>();

describe('{{variables}} in a thread', () => {
  it('fills the system prompt and the user turn in the request; the stored message keeps what was written', async () => {
    const h = harness({
      mock: m.mock,
      settings: {
        systemPrompt: 'You help {{who}}. Today is {{date}}.',
        variables: { who: 'Ada', topic: 'maths' },
      },
    });
    const sent = await h.service.send({ threadId: h.threadId, content: 'Explain {{topic}} at {{time}}' }, 1);
    const ended = await h.sink.ended(sent.streamId);
    expect(ended.messages[0]?.status).toBe('complete');
    const [body] = sentBodies();
    expect(body?.messages[0]?.content).toMatch(/^You help Ada\. Today is \d{4}-\d\d-\d\d\.$/);
    expect(body?.messages[1]?.content).toMatch(/^Explain maths at \d\d:\d\d$/);
    expect(sent.userMessage?.content).toBe('Explain {{topic}} at {{time}}');
    // The inspector reads the request stored with the answer: it shows the filled text.
    const stored = h.repo.getMessage(ended.messages[0]?.id ?? '');
    expect(stored.meta?.requestBody).toContain('Explain maths at ');
  });

  it('an unfilled variable refuses the send by name; nothing is stored or sent', async () => {
    const h = harness({ mock: m.mock, settings: { systemPrompt: 'Write as {{persona}}.', variables: {} } });
    await expect(
      h.service.send({ threadId: h.threadId, content: 'About {{city}}' }, 1),
    ).rejects.toMatchObject({
      error: {
        code: 'invalid_request',
        message: 'The variables {{persona}}, {{city}} have no value: fill them in before sending.',
        detail: { field: 'variables' },
      },
    });
    expect(h.repo.activePath(h.threadId)).toEqual([]);
    expect(sentBodies()).toEqual([]);
  });

  it('answers are not filled: a model that wrote {{x}} meant it', async () => {
    const h = harness({ mock: m.mock, settings: { variables: {} } });
    m.mock.script({ reply: { content: 'Use {{name}} in a Mustache template.' } });
    const first = await h.service.send({ threadId: h.threadId, content: 'How do templates look?' }, 1);
    await h.sink.ended(first.streamId);
    const second = await h.service.send({ threadId: h.threadId, content: 'Thanks' }, 1);
    await h.sink.ended(second.streamId);
    expect(sentBodies()[1]?.messages[1]?.content).toBe('Use {{name}} in a Mustache template.');
  });
});
