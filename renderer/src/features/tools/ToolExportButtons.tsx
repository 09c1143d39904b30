import { api } from '../../bridge/api';
import { useStore } from '../../store';
import { copyText, downloadText } from '../../platform/files';
import { failureLine } from '../../platform/describeError';

/** Export the whole library as an OpenAI `tools` array: to the clipboard or to a file. */
export function ToolExportButtons({ disabled }: { disabled: boolean }) {
  const toast = useStore((s) => s.toast);

  const exportAll = async (target: 'copy' | 'download') => {
    const result = await api.tools.export({});
    if (!result.ok) {
      toast('error', `Export failed: ${failureLine(result.error)}`);
      return;
    }
    if (target === 'download') {
      downloadText('tools.json', result.value.text);
      toast('success', 'Saved tools.json');
    } else if (await copyText(result.value.text)) {
      toast('success', 'Copied the tools array');
    } else {
      toast('error', 'Could not reach the clipboard');
    }
  };

  return (
    <div className="tools-export" role="group" aria-label="Export all tools">
      <button type="button" className="btn" disabled={disabled} onClick={() => void exportAll('copy')}>
        Copy all
      </button>
      <button type="button" className="btn" disabled={disabled} onClick={() => void exportAll('download')}>
        Export…
      </button>
    </div>
  );
}
