import { ChevronDown } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { ChatParams, ParamPreset } from '../../../../main/contract';
import { api } from '../../bridge/api';
import { useStore } from '../../store';
import { failureLine } from '../../platform/describeError';
import { Button, IconButton, PopoverDialog } from '../../ui';
import './settings.css';

interface Props {
  onApply: (params: ChatParams) => void;
  current: () => ChatParams;
}

/** Saved parameter sets: apply one to this thread, save the current values under a name, delete. */
export function PresetsMenu({ onApply, current }: Props) {
  const [open, setOpen] = useState(false);
  const [presets, setPresets] = useState<ParamPreset[]>([]);
  const [name, setName] = useState('');
  const toast = useStore((s) => s.toast);

  useEffect(() => {
    if (!open) return;
    void api.presets.list({}).then((r) => {
      if (r.ok) setPresets(r.value);
    });
  }, [open]);

  const save = async () => {
    const trimmed = name.trim();
    if (trimmed === '') return;
    const result = await api.presets.save({ name: trimmed, params: current() });
    if (!result.ok) {
      toast('error', `Could not save the preset: ${failureLine(result.error)}`);
      return;
    }
    setPresets((list) => [...list.filter((p) => p.id !== result.value.id), result.value]);
    setName('');
    toast('success', `Saved preset “${result.value.name}”`);
  };

  const remove = async (preset: ParamPreset) => {
    const result = await api.presets.delete({ id: preset.id });
    if (result.ok) setPresets((list) => list.filter((p) => p.id !== preset.id));
    else toast('error', `Could not delete the preset: ${failureLine(result.error)}`);
  };

  return (
    <PopoverDialog
      label="Parameter presets"
      isOpen={open}
      onOpenChange={setOpen}
      className="presets-pop"
      trigger={
        <Button variant="quiet">
          Presets
          <ChevronDown size={14} />
        </Button>
      }
    >
      {presets.length === 0 ? (
        <p className="field-hint">No presets yet. Save the current parameters under a name below.</p>
      ) : null}
      <ul className="presets-list">
        {presets.map((p) => (
          <li key={p.id}>
            <Button
              variant="bare"
              className="presets-apply"
              title={JSON.stringify(p.params)}
              onPress={() => {
                onApply(p.params);
                setOpen(false);
              }}
            >
              {p.name}
              <span className="presets-count num">{Object.keys(p.params).length} set</span>
            </Button>
            <IconButton label={`Delete preset ${p.name}`} tooltip={false} onPress={() => void remove(p)}>
              ×
            </IconButton>
          </li>
        ))}
      </ul>
      <form
        className="presets-save"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <input
          className="input"
          aria-label="Preset name"
          placeholder="Save current as…"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className="btn" disabled={name.trim() === ''}>
          Save
        </button>
      </form>
    </PopoverDialog>
  );
}
