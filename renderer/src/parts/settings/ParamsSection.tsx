import { ResponseFormatEditor } from '../tools';
import { LogitBiasParam } from './LogitBiasParam';
import { NumberParam } from './NumberParam';
import { ParamGroup } from './ParamGroup';
import type { BoolKey, NumberKey, ParamsDraft } from './paramsModel';
import { BOOL_FIELDS, NUMBER_FIELDS } from './paramsModel';
import { PresetsMenu } from './PresetsMenu';
import { StopParam } from './StopParam';
import { TextParam } from './TextParam';
import { ToggleParam } from './ToggleParam';
import { useParamsDraft } from './useParamsDraft';
import './settings.css';

/** Every request parameter of the thread, grouped; anything left unset is not sent. */
export function ParamsSection({ threadId }: { threadId: string }) {
  const { draft, errors, saveError, change, reset, apply, current, setUnsendable } = useParamsDraft(threadId);
  const setNumber = (key: NumberKey) => (value: string) =>
    change((d) => ({ ...d, numbers: { ...d.numbers, [key]: value } }));
  const setBool = (key: BoolKey) => (value: boolean | null) =>
    change((d) => ({ ...d, bools: { ...d.bools, [key]: value } }));
  const set =
    <K extends keyof ParamsDraft>(key: K) =>
    (value: ParamsDraft[K]) =>
      change((d) => ({ ...d, [key]: value }));

  const number = (key: NumberKey, disabled = false) => {
    const field = NUMBER_FIELDS.find((f) => f.key === key);
    return field ? (
      <NumberParam
        field={field}
        value={draft.numbers[key]}
        error={errors[key]}
        disabled={disabled}
        onChange={setNumber(key)}
      />
    ) : null;
  };
  const toggle = (key: BoolKey) => {
    const field = BOOL_FIELDS.find((f) => f.key === key);
    return field ? (
      <ToggleParam
        name={key}
        hint={field.hint}
        apiDefault={field.apiDefault}
        value={draft.bools[key]}
        error={errors[key]}
        onChange={setBool(key)}
      />
    ) : null;
  };
  const setCount =
    Object.values(draft.numbers).filter((v) => v !== '').length +
    Object.values(draft.bools).filter((v) => v !== null).length;

  return (
    <div className="params">
      <div className="params-head">
        <h2 className="params-title">
          Parameters{' '}
          <span className="num params-count">{setCount > 0 ? `${setCount} set` : 'all default'}</span>
        </h2>
        <PresetsMenu onApply={apply} current={current} />
        <button
          type="button"
          className="btn btn-ghost"
          onClick={reset}
          title="Unset every parameter: nothing is sent, the API defaults apply"
        >
          Reset
        </button>
      </div>
      {saveError ? <p className="banner banner-error">{saveError}</p> : null}
      <ParamGroup title="Sampling">
        {number('temperature')}
        {number('top_p')}
        {number('presence_penalty')}
        {number('frequency_penalty')}
        {number('seed')}
      </ParamGroup>
      <ParamGroup title="Length and shape">
        {number('max_tokens')}
        {number('n')}
        <StopParam value={draft.stop} error={errors.stop} onChange={set('stop')} />
        <div className="param param-wide">
          <span className="param-name mono">response_format</span>
          <ResponseFormatEditor
            value={draft.responseFormat}
            onChange={set('responseFormat')}
            onUnsendable={setUnsendable}
          />
          {errors.response_format ? <p className="field-error">{errors.response_format}</p> : null}
        </div>
      </ParamGroup>
      <ParamGroup title="Streaming">
        {toggle('stream')}
        {toggle('include_usage')}
      </ParamGroup>
      <ParamGroup title="Token probabilities">
        {toggle('logprobs')}
        {number('top_logprobs', draft.bools.logprobs !== true)}
        <LogitBiasParam rows={draft.logitBias} error={errors.logit_bias} onChange={set('logitBias')} />
      </ParamGroup>
      <ParamGroup title="Other">
        {toggle('parallel_tool_calls')}
        <TextParam
          name="user"
          hint="An id for the end user, for the provider's abuse monitoring."
          placeholder="not sent"
          value={draft.user}
          error={errors.user}
          onChange={set('user')}
        />
        <TextParam
          name="extra_body"
          hint="Extra JSON fields merged into the request, for providers with extensions."
          placeholder={'{ "top_k": 40 }'}
          value={draft.extraBody}
          error={errors.extra_body}
          multiline
          onChange={set('extraBody')}
        />
      </ParamGroup>
    </div>
  );
}
