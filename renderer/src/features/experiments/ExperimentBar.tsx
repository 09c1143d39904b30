import { ChevronDown } from 'lucide-react';
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { api } from '../../bridge/api';
import { failureLine } from '../../platform/describeError';
import { downloadText } from '../../platform/files';
import { useStore } from '../../store';
import { Button } from '../../ui/Button';
import { Menu, MenuItem, MenuTrigger } from '../../ui/Menu';
import { Select } from '../../ui/Select';
import { RunProgressBar } from './RunProgressBar';
import { duration, money } from './format';

/** The option for "in no project" (project ids are UUIDs, so this cannot clash). */
const NO_PROJECT = 'none';

/** Name, version, project, the estimate before Start, Start / Stop / Resume, progress and export. */
export function ExperimentBar({ onStarted }: { onStarted: () => void }) {
  const s = useStore(
    useShallow((st) => ({
      experiment: st.experiment,
      draft: st.experimentDraft,
      dirty: st.experimentDirty,
      estimate: st.experimentEstimate,
      unsendable: st.experimentUnsendable,
      run: st.experimentRun,
      edit: st.editExperiment,
      save: st.saveExperiment,
      start: st.startExperiment,
      stop: st.stopExperimentRun,
      resume: st.resumeExperimentRun,
      toast: st.toast,
      projects: st.projects,
      ensureProjects: st.ensureProjectsSync,
    })),
  );
  const { ensureProjects } = s;
  useEffect(() => ensureProjects(), [ensureProjects]);
  if (!s.experiment || !s.draft) return null;
  const version = s.experiment.versions.at(-1)?.number ?? 1;
  const running = s.run?.status === 'running';
  // What cannot be sent as shown comes first: the estimate is of the saved experiment.
  const problems = [...Object.values(s.unsendable), ...(s.estimate?.problems ?? [])];
  const blocked = problems.length > 0;

  const exportAs = async (format: 'json' | 'promptfoo' | 'csv') => {
    if (!s.experiment) return;
    if (s.dirty && !(await s.save())) return;
    const result = await api.experiments.export({ id: s.experiment.id, format, runId: s.run?.id });
    if (!result.ok) return s.toast('error', `Export failed: ${failureLine(result.error)}`);
    downloadText(
      result.value.filename,
      result.value.text,
      format === 'csv' ? 'text/csv' : format === 'json' ? 'application/json' : 'text/yaml',
    );
    s.toast('success', `Saved ${result.value.filename}.`);
  };

  return (
    <div className="exp-bar">
      <div className="exp-bar-row">
        <input
          className="input exp-name"
          aria-label="Experiment name"
          value={s.draft.name}
          onChange={(e) => s.edit({ name: e.target.value })}
        />
        <span className="chip" title="Editing the prompt and saving makes a new version; runs keep theirs.">
          prompt v{version}
          {s.dirty ? ' · edited' : ''}
        </span>
        <Select
          label="Project"
          hideLabel
          size="sm"
          className="exp-project"
          testId="experiment-project"
          options={[
            { id: NO_PROJECT, label: 'No project' },
            ...s.projects.map((p) => ({ id: p.id, label: p.name })),
          ]}
          value={s.draft.projectId ?? NO_PROJECT}
          onChange={(id) => s.edit({ projectId: id === NO_PROJECT ? null : id })}
        />
        <div className="exp-bar-spacer" />
        {(s.estimate || blocked) && !running ? (
          <span className="exp-estimate" data-testid="experiment-estimate">
            {blocked || !s.estimate ? (
              <span className="exp-estimate-blocked">{problems[0]}</span>
            ) : (
              <>
                <strong className="num">{s.estimate.requests}</strong> requests ·{' '}
                {s.estimate.cost === null ? (
                  <span
                    title={`No price for ${s.estimate.unpriced.join(', ')}: add one on the Usage screen.`}
                  >
                    cost unknown
                  </span>
                ) : (
                  <>≈ {money(s.estimate.cost)}</>
                )}{' '}
                · ~{duration(s.estimate.durationMs)}
                {s.estimate.perProvider.some((p) => p.requests > p.perMinute) ? ' (rate-limited)' : ''}
              </>
            )}
          </span>
        ) : null}
        <Button isDisabled={!s.dirty} onPress={() => void s.save()}>
          Save
        </Button>
        <MenuTrigger>
          <Button>
            Export
            <ChevronDown size={14} />
          </Button>
          <Menu
            aria-label="Export"
            onAction={(key) => void exportAs(String(key) as 'json' | 'promptfoo' | 'csv')}
          >
            <MenuItem id="json" hint="to import elsewhere">
              Experiment as JSON
            </MenuItem>
            <MenuItem id="promptfoo" hint="promptfooconfig.yaml">
              Configuration for promptfoo
            </MenuItem>
            <MenuItem id="csv" isDisabled={!s.run} hint="the run shown">
              Results as CSV
            </MenuItem>
          </Menu>
        </MenuTrigger>
        {running && s.run ? (
          <Button variant="danger" onPress={() => s.run && void s.stop(s.run.id)}>
            Stop
          </Button>
        ) : s.run?.status === 'stopped' ? (
          <Button onPress={() => s.run && void s.resume(s.run.id)}>Resume</Button>
        ) : null}
        {running ? null : (
          <Button
            variant="primary"
            isDisabled={blocked}
            onPress={() => void s.start().then(onStarted)}
            title={blocked ? problems.join(' ') : 'Runs every case in every column'}
          >
            Start run
          </Button>
        )}
      </div>
      {s.run && (running || s.run.status === 'stopped') ? <RunProgressBar run={s.run} /> : null}
    </div>
  );
}
