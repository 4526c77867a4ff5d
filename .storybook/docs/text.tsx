import type { CSSProperties } from 'react';

/** Plain text with `code` spans, as written in JSDoc and story descriptions. */
export function Text({ children }: { children: string }) {
  return (
    <>{children.split('`').map((part, index) => (index % 2 ? <code key={index}>{part}</code> : part))}</>
  );
}

/** The docs pages' few styles: system fonts, readable width, a bordered table. */
export const docsStyles = {
  page: {
    fontFamily: 'system-ui, sans-serif',
    color: '#111827',
    background: '#ffffff',
    lineHeight: 1.55,
    maxWidth: 960,
    margin: '0 auto',
    padding: '2rem 1.5rem 4rem',
  },
  table: { width: '100%', borderCollapse: 'collapse', fontSize: 14 },
  head: { textAlign: 'left', borderBottom: '2px solid #e5e7eb', padding: '0.5rem' },
  cell: { verticalAlign: 'top', borderBottom: '1px solid #e5e7eb', padding: '0.5rem' },
  type: { fontFamily: 'ui-monospace, monospace', fontSize: 12, color: '#4b5563', marginTop: 4 },
  pre: {
    background: '#f3f4f6',
    padding: '0.75rem 1rem',
    borderRadius: 6,
    overflowX: 'auto',
    fontSize: 13,
  },
} satisfies Record<string, CSSProperties>;
