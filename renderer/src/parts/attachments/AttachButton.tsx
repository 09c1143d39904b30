import { Paperclip } from 'lucide-react';
import { memo, useRef } from 'react';
import { useStore } from '../../store';
import { IconButton } from '../../ui/IconButton';
import './attachments.css';

/**
 * The paperclip: opens the system's file picker; the chosen files join the tray. Memoised: the
 * composer renders for each keystroke and the paperclip has nothing to redraw then.
 */
export const AttachButton = memo(function AttachButton({
  threadId,
  disabled,
}: {
  threadId: string;
  disabled?: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  const addFiles = useStore((s) => s.addFiles);
  return (
    <>
      <IconButton
        label="Attach files"
        isDisabled={disabled}
        onPress={() => input.current?.click()}
        className="att-button"
      >
        <Paperclip size={16} />
      </IconButton>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        data-testid="attach-input"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length > 0) addFiles(threadId, files);
        }}
      />
    </>
  );
});
