/** Saves text as a file through the browser's download path (no Node, no network). */
export function downloadText(filename: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking during the click can cancel the download; the URL is freed once it has surely started.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
