import { useEffect, useState } from 'react';
import { useAttestation } from '../../store/attestation/store';
import { Button, TextField } from '../../ui';

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/**
 * Where this provider's Intel collateral (TCB info, QE identity, CRLs) is fetched: its own PCCS
 * when named here, else the app's source (Intel's PCS). A bad URL is refused with the reason and
 * the text stays in the field to be mended.
 */
export function CollateralSection({ providerId }: { providerId: string }) {
  const setting = useAttestation((s) => s.collateral[providerId]);
  const { loadCollateral, setCollateral } = useAttestation.getState();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void loadCollateral(providerId);
  }, [providerId, loadCollateral]);
  const saved = setting?.url ?? '';
  const value = draft ?? saved;
  const save = async (url: string | null) => {
    const problem = await setCollateral(providerId, url);
    setError(problem);
    if (problem === null) setDraft(null);
  };
  const hint = !setting
    ? undefined
    : setting.url
      ? `Fetched from this PCCS. Clear it to use the app's source again.`
      : setting.effective
        ? `Fetched from ${hostOf(setting.effective)}, the app's source, unless you name this provider's PCCS.`
        : 'The app fetches no collateral, unless you name this provider’s PCCS.';
  return (
    <div className="att-collateral" data-testid="attestation-collateral">
      <TextField
        label="Intel collateral source (PCCS)"
        value={value}
        onChange={(text) => {
          setDraft(text);
          setError(null);
        }}
        placeholder="https://pccs.example.com:8081"
        hint={hint}
        error={error ?? undefined}
        mono
      />
      <div className="att-actions">
        <Button onPress={() => void save(value)} isDisabled={value === saved}>
          Save
        </Button>
        {setting?.url ? <Button onPress={() => void save(null)}>Use the app’s source</Button> : null}
      </div>
    </div>
  );
}
