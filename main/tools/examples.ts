import type { ToolInput } from '../contract';

type Example = ToolInput & { description: string; cannedResult: string | null };

const json = (value: unknown): string => JSON.stringify(value, null, 2);

/** Ready-made tools to start from, each with a canned result for hands-free loops. */
export const TOOL_EXAMPLES: readonly Example[] = [
  {
    name: 'get_weather',
    description: 'Get the current weather for a city.',
    parameters: {
      type: 'object',
      properties: {
        city: { type: 'string', description: 'City name, e.g. "Lisbon" or "San Francisco, CA"' },
        unit: { type: 'string', enum: ['celsius', 'fahrenheit'], description: 'Temperature unit' },
      },
      required: ['city'],
      additionalProperties: false,
    },
    cannedResult: json({
      city: 'Lisbon',
      temperature: 21,
      unit: 'celsius',
      conditions: 'sunny',
      humidity: 0.54,
    }),
  },
  {
    name: 'calculator',
    description: 'Evaluate an arithmetic expression and return the number.',
    parameters: {
      type: 'object',
      properties: {
        expression: { type: 'string', description: 'An arithmetic expression such as "(12.5 * 4) / 3"' },
      },
      required: ['expression'],
      additionalProperties: false,
    },
    cannedResult: json({ result: 16.666666666666668 }),
  },
  {
    name: 'web_search',
    description: 'Search the web and return the top results with titles, links and snippets.',
    parameters: {
      type: 'object',
      properties: {
        query: { type: 'string', description: 'What to search for' },
        max_results: {
          type: 'integer',
          minimum: 1,
          maximum: 10,
          description: 'How many results to return (default 3)',
        },
      },
      required: ['query'],
      additionalProperties: false,
    },
    cannedResult: json({
      results: [
        {
          title: 'OpenAI API reference: function calling',
          url: 'https://platform.openai.com/docs/guides/function-calling',
          snippet: 'Connect models to external tools and data.',
        },
        {
          title: 'JSON Schema: getting started',
          url: 'https://json-schema.org/learn/getting-started-step-by-step',
          snippet: 'Describe the shape of JSON data.',
        },
      ],
    }),
  },
];
