/**
 * Writes `text` to the clipboard from a click, even when the text is still being made (the
 * tracked link of `POST /shares`): Safari forgets the click after an `await`, so the promise goes
 * into a `ClipboardItem` written at once; where that is unsupported, the text is awaited first.
 * Rejects when the clipboard refuses (no permission, an insecure page).
 */
export async function copyText(text: string | Promise<string>): Promise<void> {
  const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
  if (!clipboard) throw new Error('copyText: no clipboard on this page');
  if (
    typeof text !== 'string' &&
    typeof ClipboardItem !== 'undefined' &&
    typeof clipboard.write === 'function'
  ) {
    try {
      const blob = text.then((value) => new Blob([value], { type: 'text/plain' }));
      await clipboard.write([new ClipboardItem({ 'text/plain': blob })]);
      return;
    } catch {
      // Browsers without promises in ClipboardItem (older Firefox) take the plain path below.
    }
  }
  await clipboard.writeText(await text);
}
