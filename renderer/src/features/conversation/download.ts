/** Saves text as a file through a Blob link: works in the sandboxed renderer without any file API. */
export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled, or the download may find the URL gone.
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
