import type { HandlersOf } from '../ipc/handlers';
import { TOOL_EXAMPLES } from './examples';
import { validateSchemaText } from './schema';
import type { ToolsService } from './service';

export interface ToolHandlerDeps {
  tools: ToolsService;
}

/** The tools library screen's channels. */
export function toolHandlers(deps: ToolHandlerDeps): HandlersOf<'tools'> {
  const { tools } = deps;
  return {
    'tools:list': () => tools.list(),
    'tools:create': (input) => tools.create(input),
    'tools:update': (input) => tools.update(input.id, input.patch),
    'tools:duplicate': (input) => tools.duplicate(input.id),
    'tools:delete': (input) => ({ deleted: tools.delete(input.id) }),
    'tools:validateSchema': (input) => ({ issues: validateSchemaText(input.schemaText) }),
    'tools:import': (input) => tools.importText(input.text),
    'tools:export': (input) => ({ text: tools.exportText(input.ids) }),
    'tools:examples': () => TOOL_EXAMPLES.map((example) => structuredClone(example)),
  };
}
