import { z } from 'zod';
import { channel } from './define';
import { FunctionName } from './chat';

const ToolFields = z.object({
  name: FunctionName,
  description: z.string(),
  /** JSON Schema of the arguments: must compile and describe an object. */
  parameters: z.record(z.string(), z.unknown()),
  cannedResult: z.string().nullable(),
});

export const ToolInput = ToolFields.extend({
  description: z.string().default(''),
  cannedResult: z.string().nullable().default(null),
});
export type ToolInput = z.input<typeof ToolInput>;

/** Only the fields given change (no defaults, so a rename keeps the description). */
export const ToolPatch = ToolFields.partial();
export type ToolPatch = z.infer<typeof ToolPatch>;

export const ToolDef = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  parameters: z.record(z.string(), z.unknown()),
  cannedResult: z.string().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type ToolDef = z.infer<typeof ToolDef>;

/**
 * One problem with a schema or a value: `path` is a JSON Pointer ('' for the whole document);
 * `line`/`column` (1-based) are set when the text itself could not be parsed.
 */
export const SchemaIssue = z.object({
  path: z.string(),
  message: z.string(),
  line: z.number().optional(),
  column: z.number().optional(),
});
export type SchemaIssue = z.infer<typeof SchemaIssue>;

const Id = z.object({ id: z.string().min(1) });

export const toolChannels = {
  'tools:list': channel(z.object({}), z.array(ToolDef)),
  'tools:create': channel(ToolInput, ToolDef),
  'tools:update': channel(Id.extend({ patch: ToolPatch }), ToolDef),
  'tools:duplicate': channel(Id, ToolDef),
  'tools:delete': channel(Id, z.object({ deleted: z.boolean() })),
  'tools:validateSchema': channel(
    z.object({ schemaText: z.string() }),
    z.object({ issues: z.array(SchemaIssue) }),
  ),
  /** Import an OpenAI `tools` array (JSON text). */
  'tools:import': channel(z.object({ text: z.string().min(1) }), z.array(ToolDef)),
  'tools:export': channel(z.object({ ids: z.array(z.string()).optional() }), z.object({ text: z.string() })),
  'tools:examples': channel(z.object({}), z.array(ToolInput.extend({ cannedResult: z.string().nullable() }))),
};
