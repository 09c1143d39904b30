import { useState } from 'react';
import { useStore } from '../../store';
import { Tab, TabList, TabPanel, Tabs } from '../../ui/Tabs';
import { ExperimentBar } from './ExperimentBar';
import { ResultsPanel } from './ResultsPanel';
import { RunCompare } from './RunCompare';
import { SetupPanel } from './SetupPanel';

/** One experiment: its bar (run, cost, progress), then Setup, Results and Compare. */
export function ExperimentView() {
  const hasRun = useStore((s) => s.experimentRuns.length > 0);
  const [tab, setTab] = useState(hasRun ? 'results' : 'setup');
  const error = useStore((s) => s.experimentError);
  return (
    <div className="exp-view">
      <ExperimentBar onStarted={() => setTab('results')} />
      {error ? (
        <div className="banner banner-error exp-banner" role="alert">
          {error}
        </div>
      ) : null}
      <Tabs selectedKey={tab} onSelectionChange={setTab} className="exp-tabs">
        <TabList aria-label="Experiment">
          <Tab id="setup">Setup</Tab>
          <Tab id="results">Results</Tab>
          <Tab id="compare">Compare runs</Tab>
        </TabList>
        <TabPanel id="setup" className="exp-panel">
          <SetupPanel />
        </TabPanel>
        <TabPanel id="results" className="exp-panel">
          <ResultsPanel />
        </TabPanel>
        <TabPanel id="compare" className="exp-panel">
          <RunCompare />
        </TabPanel>
      </Tabs>
    </div>
  );
}
