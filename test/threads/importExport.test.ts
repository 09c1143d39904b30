import type { DatabaseSync } from 'node:sqlite';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ThreadExport } from '../../main/threads/importExportFormat';
import { exportThread, importThread, threadToExport } from '../../main/threads/importExport';
import { messageTree, settings } from './arbitraries';
import { conversation, memoryRepo } from './support';

const NOW = 1_750_000_000_000;

/** Ids replaced by positions, so two exports of the same tree compare equal. */
function canonical(file: ThreadExport) {
  const index = new Map(file.messages.map((m, i) => [m.id, i]));
  const at = (id: string | null) => (id === null ? null : index.get(id));
  return {
    ...file,
    thread: { ...file.thread, id: 'thread', activeLeafId: at(file.thread.activeLeafId) },
    messages: file.messages.map((m) => ({
      ...m,
      id: at(m.id),
      parentId: at(m.parentId),
      threadId: 'thread',
    })),
  };
}

const parse = (text: string) => JSON.parse(text) as ThreadExport;

function withTools(db: DatabaseSync): string[] {
  db.exec(
    `INSERT INTO tools (id, name, parameters_json, created_at, updated_at) VALUES ('t1', 'a', '{}', 0, 0), ('t2', 'b', '{}', 0, 0)`,
  );
  return ['t1', 't2'];
}

describe('export and import', () => {
  it('a JSON export imports as an identical thread: every branch, tool call, logprob and usage', () => {
    const { repo, db } = memoryRepo();
    const tools = withTools(db);
    fc.assert(
      fc.property(
        messageTree,
        settings(tools),
        fc.string({ minLength: 1, maxLength: 60 }),
        fc.boolean(),
        fc.boolean(),
        fc.nat(),
        (tree, threadSettings, title, pinned, archived, leafPick) => {
          const thread = repo.createThread(threadSettings);
          repo.updateThread(thread.id, { title, pinned, archived });
          const ids: string[] = [];
          for (const { body, parent } of tree) {
            ids.push(
              repo.insertMessage({
                ...body,
                threadId: thread.id,
                parentId: parent === null ? null : ids[parent]!,
              }).id,
            );
          }
          if (ids.length > 0) repo.setActiveLeaf(thread.id, ids[leafPick % ids.length]!);
          const original = exportThread(repo, thread.id, 'json', NOW);
          const imported = importThread(repo, original.text, NOW + 1);
          expect(imported.id).not.toBe(thread.id);
          const again = threadToExport(repo, imported.id, NOW);
          expect(canonical(again)).toEqual(canonical(parse(original.text)));
          expect(again.messages.filter((m) => ids.includes(m.id))).toEqual([]);
          expect(repo.getThread(imported.id).totals).toEqual(repo.getThread(thread.id).totals);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('imports into another database without tools it does not have', () => {
    const source = memoryRepo();
    const tools = withTools(source.db);
    const thread = source.repo.createThread({ toolIds: tools, systemPrompt: 'Be kind' });
    conversation(source.repo, thread.id, ['hello', 'hi']);
    const target = memoryRepo();
    const imported = importThread(target.repo, exportThread(source.repo, thread.id, 'json', NOW).text, NOW);
    expect(imported.settings).toMatchObject({ toolIds: [], systemPrompt: 'Be kind' });
    expect(target.repo.activePath(imported.id).map((m) => m.content)).toEqual(['hello', 'hi']);
  });

  it('imports a plain OpenAI messages array as a linear thread', () => {
    const { repo } = memoryRepo();
    const body = {
      model: 'gpt-x',
      messages: [
        { role: 'developer', content: 'You are terse.' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is the weather in Paris?' },
            { type: 'image_url', image_url: { url: 'x' } },
          ],
        },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: 'c1', type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'c1', content: '{"temp":21}' },
        { role: 'assistant', content: 'It is 21 °C.', reasoning_content: 'Read the tool result.' },
      ],
    };
    const thread = importThread(repo, JSON.stringify(body), NOW);
    expect(thread).toMatchObject({ title: 'What is the weather in Paris?', messageCount: 4 });
    expect(thread.settings.systemPrompt).toBe('You are terse.');
    const path = repo.activePath(thread.id);
    expect(path.map((m) => [m.role, m.content])).toEqual([
      ['user', 'What is the weather in Paris?\n[image_url]'],
      ['assistant', ''],
      ['tool', '{"temp":21}'],
      ['assistant', 'It is 21 °C.'],
    ]);
    expect(path[1]?.toolCalls?.[0]?.function.name).toBe('weather');
    expect(path[2]?.toolCallId).toBe('c1');
    expect(path[3]?.reasoning).toBe('Read the tool result.');
    expect(importThread(repo, JSON.stringify(body.messages.slice(1)), NOW).messageCount).toBe(4);
  });

  it('explains what is wrong with a file it cannot import', () => {
    const { repo } = memoryRepo();
    const thread = repo.createThread();
    conversation(repo, thread.id, ['a', 'b']);
    const good = parse(exportThread(repo, thread.id, 'json', NOW).text);
    const attempt = (value: unknown) => {
      try {
        importThread(repo, typeof value === 'string' ? value : JSON.stringify(value), NOW);
        return 'imported';
      } catch (error) {
        return (error as { error: { code: string; message: string } }).error;
      }
    };
    expect(attempt('{ nope')).toMatchObject({
      code: 'invalid_request',
      message: expect.stringMatching(/^The text is not valid JSON/),
    });
    expect(attempt({ hello: 1 })).toMatchObject({
      message: 'This is neither an LLM Desk thread export nor an OpenAI messages array.',
    });
    expect(attempt([{ role: 'wizard', content: 'x' }])).toMatchObject({
      message: expect.stringContaining('(at 0.role)'),
    });
    expect(attempt({ messages: [] })).toMatchObject({ message: expect.stringContaining('(at messages)') });
    expect(attempt({ ...good, version: 2 })).toMatchObject({
      message: expect.stringContaining('format version 2'),
    });
    expect(attempt({ format: 'other.app', version: 1 })).toMatchObject({
      message: expect.stringContaining('not of an LLM Desk thread'),
    });
    const orphan = { ...good, messages: [{ ...good.messages[1]!, parentId: 'missing' }] };
    expect(attempt(orphan)).toMatchObject({ message: expect.stringContaining('not in it') });
    const twice = { ...good, messages: [good.messages[0]!, good.messages[0]!] };
    expect(attempt(twice)).toMatchObject({ message: expect.stringContaining('twice') });
    const badRole = { ...good, messages: [{ ...good.messages[0]!, role: 'robot' }] };
    expect(attempt(badRole)).toMatchObject({ message: expect.stringContaining('(at messages.0.role)') });
    expect(repo.list()).toHaveLength(1);
  });

  it('exports the active branch as Markdown with roles, folded reasoning and tool calls as JSON', () => {
    const { repo } = memoryRepo();
    const thread = repo.createThread({ systemPrompt: 'Answer in code.', model: 'm-1' });
    const [q] = conversation(repo, thread.id, ['Show a fence']);
    repo.insertMessage({
      threadId: thread.id,
      parentId: q!.id,
      role: 'assistant',
      content: 'abandoned branch',
    });
    const answer = repo.insertMessage({
      threadId: thread.id,
      parentId: q!.id,
      role: 'assistant',
      model: 'm-1',
      content: 'Here:\n```js\nx()\n```',
      reasoning: 'Think </details> first',
      toolCalls: [{ id: 'c1', type: 'function', function: { name: 'run', arguments: '{"code":"x()"}' } }],
      status: 'interrupted',
      errorMessage: 'Stopped by you',
    });
    repo.setActiveLeaf(thread.id, answer.id);
    const { filename, text } = exportThread(repo, thread.id, 'markdown', NOW);
    expect(filename).toBe('show-a-fence.md');
    expect(text).not.toContain('abandoned branch');
    expect(text).toContain('# Show a fence\n');
    expect(text).toContain('## System\n\nAnswer in code.');
    expect(text).toContain('## User\n\nShow a fence');
    expect(text).toContain('## Assistant · m-1');
    expect(text).toContain(
      '<details>\n<summary>Reasoning</summary>\n\nThink &lt;/details> first\n\n</details>',
    );
    expect(text).toContain(
      '```json\n{\n  "id": "c1",\n  "name": "run",\n  "arguments": {\n    "code": "x()"\n  }\n}\n```',
    );
    expect(text).toContain('*Interrupted: Stopped by you*');
    expect(exportThread(repo, thread.id, 'json', NOW).filename).toBe('show-a-fence.json');
  });
});
