import type { OAuthDraft } from './draft';
import { FieldGrid, type GridField } from './FieldGrid';
import type { FieldErrors } from './validation';

interface Props {
  idPrefix: string;
  value: OAuthDraft;
  errors: FieldErrors;
  onChange: (value: OAuthDraft) => void;
}

const FIELDS: GridField<keyof OAuthDraft>[] = [
  {
    key: 'issuer',
    label: 'Issuer',
    placeholder: 'https://auth.example.com',
    hint: 'Endpoints are discovered from it (RFC 8414); leave the fields below empty unless discovery fails.',
  },
  { key: 'authorizationEndpoint', label: 'Authorization endpoint', placeholder: 'https://…/authorize' },
  { key: 'tokenEndpoint', label: 'Token endpoint', placeholder: 'https://…/token' },
  {
    key: 'registrationEndpoint',
    label: 'Registration endpoint',
    placeholder: 'https://…/register',
    hint: 'Used when no client id is given.',
  },
  { key: 'revocationEndpoint', label: 'Revocation endpoint', placeholder: 'https://…/revoke' },
  { key: 'clientId', label: 'Client id', placeholder: 'registered automatically if empty' },
  { key: 'scopes', label: 'Scopes', placeholder: 'llm-all offline_access', hint: 'Space-separated.' },
  {
    key: 'resource',
    label: 'Resource',
    placeholder: 'https://api.example.com',
    hint: 'The API the tokens are for, if the server asks (RFC 8707).',
  },
];

export function OAuthFields({ idPrefix, value, errors, onChange }: Props) {
  return (
    <FieldGrid
      legend="Sign-in (OAuth 2.1 + PKCE)"
      columns={2}
      idPrefix={`${idPrefix}-oauth`}
      errorPrefix="oauth"
      fields={FIELDS}
      value={value}
      errors={errors}
      onChange={onChange}
      input={{ className: 'input mono', spellCheck: false }}
    />
  );
}
