import { useEffect, useRef, useState } from 'react';
import { apiBase } from './demoApi.js';

/** Where the demo shows the reference (a hash, so the server's single-page fallback is not involved). */
export const apiReferenceHash = '#api-reference';

/**
 * The API reference: the server's `GET /api/openapi.json` rendered by Scalar. The viewer is
 * imported only when this page opens, so neither the demo's first load nor the library carries it.
 */
export function ApiReferencePage() {
  const container = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let unmount: (() => void) | undefined;
    let cancelled = false;
    Promise.all([import('@scalar/api-reference'), import('@scalar/api-reference/style.css')])
      .then(([{ createApiReference }]) => {
        if (cancelled || !container.current) return;
        const reference = createApiReference(container.current, {
          url: `${apiBase}/openapi.json`,
          // A plain, offline reference: no hosted extras, no telemetry, the page's own fonts.
          hideClientButton: true,
          telemetry: false,
          withDefaultFonts: false,
          showDeveloperTools: 'never',
          agent: { disabled: true },
          mcp: { disabled: true },
        });
        unmount = () => reference.destroy();
      })
      .catch((reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)));
    return () => {
      cancelled = true;
      unmount?.();
    };
  }, []);

  // Scalar follows the system's light or dark scheme; the bar above it follows it too (system
  // colours under `color-scheme: light dark`), rather than staying white over a dark reference.
  return (
    <div style={{ colorScheme: 'light dark', background: 'Canvas', color: 'CanvasText' }}>
      <nav className="border-b px-6 py-3 text-sm">
        <a className="underline" href="#">
          ← Back to the demo
        </a>{' '}
        · <a className="underline" href={`${apiBase}/openapi.json`}>{`${apiBase}/openapi.json`}</a>
      </nav>
      {error && (
        <p role="alert" className="p-6">
          The API reference did not load: {error}
        </p>
      )}
      <div ref={container} />
    </div>
  );
}
