import type { ClipboardEvent, DragEvent } from 'react';
import { useState } from 'react';
import { useStore } from '../../store';

const hasFiles = (e: DragEvent): boolean => e.dataTransfer.types.includes('Files');

/**
 * Drop and paste handlers for a place that takes files (the composer, the conversation). A paste
 * of text stays text; only pasted files (a screenshot, files copied in a file manager) attach.
 */
export function useFileDrop(threadId: string | null) {
  const addFiles = useStore((s) => s.addFiles);
  const [over, setOver] = useState(false);
  return {
    over,
    handlers: {
      onDragOver: (e: DragEvent) => {
        if (threadId === null || !hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      },
      onDragLeave: (e: DragEvent) => {
        if (e.currentTarget.contains(e.relatedTarget as Node | null)) return;
        setOver(false);
      },
      onDrop: (e: DragEvent) => {
        setOver(false);
        if (threadId === null || !hasFiles(e)) return;
        e.preventDefault();
        // The composer sits inside the conversation: one drop adds the files once.
        e.stopPropagation();
        addFiles(threadId, [...e.dataTransfer.files]);
      },
      onPaste: (e: ClipboardEvent) => {
        const files = [...e.clipboardData.files];
        if (threadId === null || files.length === 0) return;
        e.preventDefault();
        addFiles(threadId, files);
      },
    },
  };
}
