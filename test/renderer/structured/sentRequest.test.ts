import { describe, expect, it } from 'vitest';
import { readSentRequest, sentFormat } from '../../../renderer/src/parts/structured/sentRequest';

const schemaA = { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] };

describe('the format an answer was asked for', () => {
  it('is read from the request stored with the answer', () => {
    const body = JSON.stringify({
      model: 'm',
      messages: [],
      response_format: { type: 'json_schema', json_schema: { name: 'A', schema: schemaA } },
    });
    expect(sentFormat({ meta: { requestBody: body } as never })).toEqual({
      type: 'json_schema',
      json_schema: { name: 'A', schema: schemaA },
    });
  });

  it('is none when the request sent none, when it was not stored, or is unreadable', () => {
    expect(readSentRequest(JSON.stringify({ model: 'm' }))).toEqual({ responseFormat: null });
    expect(sentFormat({ meta: null })).toBeNull();
    expect(readSentRequest('{not json')).toBeNull();
    expect(readSentRequest(JSON.stringify({ response_format: { type: 'bogus' } }))).toEqual({
      responseFormat: null,
    });
  });
});
