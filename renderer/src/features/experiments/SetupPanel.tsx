import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store';
import { CasesEditor } from './CasesEditor';
import { ChecksEditor } from './ChecksEditor';
import { PromptEditor } from './PromptEditor';
import { TargetsEditor } from './TargetsEditor';

/** Everything a run uses: the prompt, the columns, the cases, the checks, k and the seed. */
export function SetupPanel() {
  const { draft, edit } = useStore(useShallow((s) => ({ draft: s.experimentDraft, edit: s.editExperiment })));
  if (!draft) return null;
  const { config } = draft;
  return (
    <div className="exp-setup scroll">
      <PromptEditor />
      <TargetsEditor />
      <section className="exp-section" aria-labelledby="exp-runs-title">
        <h2 id="exp-runs-title" className="section-title">
          Repetitions
        </h2>
        <div className="exp-inline-fields">
          <label className="field exp-small-field">
            <span className="label">Runs per cell (k)</span>
            <input
              className="input num"
              type="number"
              min={1}
              max={10}
              value={config.k}
              onChange={(e) =>
                edit({ config: { ...config, k: Math.min(10, Math.max(1, Number(e.target.value) || 1)) } })
              }
            />
          </label>
          <label className="field exp-small-field">
            <span className="label">Seed (optional)</span>
            <input
              className="input num"
              type="number"
              value={config.seed ?? ''}
              placeholder="none"
              onChange={(e) =>
                edit({
                  config: {
                    ...config,
                    seed: e.target.value === '' ? null : Math.trunc(Number(e.target.value)),
                  },
                })
              }
            />
          </label>
          <p className="field-hint exp-inline-hint">
            k &gt; 1 shows how much answers vary: the grid gives each cell&apos;s spread.
          </p>
        </div>
      </section>
      <CasesEditor />
      <ChecksEditor />
    </div>
  );
}
