import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { SchemaIssue, ToolDef, ToolPatch } from '../contract';
import { AppFailure } from '../contract';
import { transaction } from '../db/database';
import { parseToolsArray, toolsArrayText } from './openaiTools';
import { checkFunctionName, checkParametersSchema } from './schema';

interface ToolDbRow {
  id: string;
  name: string;
  description: string;
  parameters_json: string;
  canned_result: string | null;
  created_at: number;
  updated_at: number;
}

export interface NewTool {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
  cannedResult: string | null;
}

function toTool(row: ToolDbRow): ToolDef {
  let parameters: Record<string, unknown> = {};
  try {
    const value: unknown = JSON.parse(row.parameters_json);
    if (value !== null && typeof value === 'object' && !Array.isArray(value))
      parameters = value as Record<string, unknown>;
  } catch {
    // Only this service writes the column, always from a checked object.
  }
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    parameters,
    cannedResult: row.canned_result,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function rejectIfAny(issues: SchemaIssue[], field: string, summary: string): void {
  if (issues.length === 0) return;
  const first = issues[0];
  throw new AppFailure(
    'invalid_request',
    `${summary}: ${first?.path ? `${first.path}: ` : ''}${first?.message ?? ''}`,
    { detail: { field, issues } },
  );
}

const COPY = '-copy';

/**
 * The tools library: function definitions (unique names, checked schemas, optional canned result)
 * that threads attach by id.
 */
export class ToolsService {
  constructor(
    private readonly db: DatabaseSync,
    private readonly now: () => number = Date.now,
    private readonly newId: () => string = randomUUID,
  ) {}

  list(): ToolDef[] {
    return (
      this.db
        .prepare('SELECT * FROM tools ORDER BY name COLLATE NOCASE, name')
        .all() as unknown as ToolDbRow[]
    ).map(toTool);
  }

  get(id: string): ToolDef {
    const row = this.db.prepare('SELECT * FROM tools WHERE id = ?').get(id) as ToolDbRow | undefined;
    if (!row) throw new AppFailure('not_found', 'That tool no longer exists.');
    return toTool(row);
  }

  /** The tools with these ids, in the order asked; ids that no longer exist are skipped. */
  getMany(ids: string[]): ToolDef[] {
    if (ids.length === 0) return [];
    const rows = this.db
      .prepare(`SELECT * FROM tools WHERE id IN (${ids.map(() => '?').join(', ')})`)
      .all(...ids) as unknown as ToolDbRow[];
    const byId = new Map(rows.map((row) => [row.id, toTool(row)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  private findByName(name: string): ToolDef | null {
    const row = this.db.prepare('SELECT * FROM tools WHERE name = ?').get(name) as ToolDbRow | undefined;
    return row ? toTool(row) : null;
  }

  private check(tool: NewTool, selfId: string | null): void {
    rejectIfAny(checkFunctionName(tool.name), 'name', 'The name is not valid');
    const clash = this.findByName(tool.name);
    if (clash && clash.id !== selfId) {
      throw new AppFailure('invalid_request', `A tool named ${tool.name} already exists.`, {
        detail: { field: 'name' },
      });
    }
    rejectIfAny(checkParametersSchema(tool.parameters), 'parameters', 'The parameters schema is not valid');
  }

  create(tool: NewTool): ToolDef {
    this.check(tool, null);
    const at = this.now();
    const row: ToolDbRow = {
      id: this.newId(),
      name: tool.name,
      description: tool.description,
      parameters_json: JSON.stringify(tool.parameters),
      canned_result: tool.cannedResult,
      created_at: at,
      updated_at: at,
    };
    this.db
      .prepare(
        'INSERT INTO tools (id, name, description, parameters_json, canned_result, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        row.id,
        row.name,
        row.description,
        row.parameters_json,
        row.canned_result,
        row.created_at,
        row.updated_at,
      );
    return toTool(row);
  }

  update(id: string, patch: ToolPatch): ToolDef {
    const current = this.get(id);
    const next: NewTool = {
      name: patch.name ?? current.name,
      description: patch.description ?? current.description,
      parameters: patch.parameters ?? current.parameters,
      cannedResult: patch.cannedResult === undefined ? current.cannedResult : patch.cannedResult,
    };
    this.check(next, id);
    this.db
      .prepare(
        'UPDATE tools SET name = ?, description = ?, parameters_json = ?, canned_result = ?, updated_at = ? WHERE id = ?',
      )
      .run(next.name, next.description, JSON.stringify(next.parameters), next.cannedResult, this.now(), id);
    return this.get(id);
  }

  /** A copy named `<name>-copy` (then `-copy-2`, …), shortened to stay within 64 characters. */
  duplicate(id: string): ToolDef {
    const source = this.get(id);
    const base = source.name.endsWith(COPY) ? source.name.slice(0, -COPY.length) : source.name;
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? COPY : `${COPY}-${n}`;
      const name = `${base.slice(0, 64 - suffix.length)}${suffix}`;
      if (!this.findByName(name)) return this.create({ ...source, name });
    }
  }

  delete(id: string): boolean {
    return Number(this.db.prepare('DELETE FROM tools WHERE id = ?').run(id).changes) > 0;
  }

  /**
   * Imports an OpenAI `tools` array. A tool whose name is already in the library is updated in
   * place (its id, thread attachments and canned result stay); the others are added. All or none.
   */
  importText(text: string): ToolDef[] {
    const { tools, issues } = parseToolsArray(text);
    rejectIfAny(issues, 'text', 'The tools could not be imported');
    if (tools.length === 0)
      throw new AppFailure('invalid_request', 'The list has no tools in it.', { detail: { field: 'text' } });
    return transaction(this.db, () =>
      tools.map((tool) => {
        const existing = this.findByName(tool.name);
        return existing ? this.update(existing.id, tool) : this.create({ ...tool, cannedResult: null });
      }),
    );
  }

  /** The library (or the chosen tools, in that order) as an OpenAI `tools` array. */
  exportText(ids?: string[]): string {
    return toolsArrayText(ids === undefined ? this.list() : this.getMany(ids));
  }
}
