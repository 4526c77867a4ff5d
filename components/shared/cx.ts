/** Joins class names, skipping falsy parts (so `styled && '...'` reads naturally). */
export function cx(...parts: ReadonlyArray<string | false | null | undefined>): string {
  let out = '';
  for (const part of parts) if (part) out = out ? `${out} ${part}` : part;
  return out;
}
