import { useEffect, useState } from 'react';
import { api } from '../../bridge/api';
import { draftFromTool, type ToolDraft } from '../../parts/tools';

export interface ToolExample {
  name: string;
  description: string;
  draft: ToolDraft;
}

/** The ready-made definitions main ships (weather, calculator, search), as drafts to start from. */
export function useToolExamples(): ToolExample[] {
  const [examples, setExamples] = useState<ToolExample[]>([]);
  useEffect(() => {
    let live = true;
    void api.tools.examples({}).then((result) => {
      if (!live || !result.ok) return;
      setExamples(
        result.value.map((e) => ({
          name: e.name,
          description: e.description ?? '',
          draft: draftFromTool({
            name: e.name,
            description: e.description ?? '',
            parameters: e.parameters,
            cannedResult: e.cannedResult,
          }),
        })),
      );
    });
    return () => {
      live = false;
    };
  }, []);
  return examples;
}
