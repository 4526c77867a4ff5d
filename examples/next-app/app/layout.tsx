import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import 'podium-kit/styles.css';

export const metadata: Metadata = {
  title: 'Podium in a Next.js host',
  description: 'Podium JobStats rendered by the Next.js App Router (React 19).',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'Georgia, serif', margin: 0 }}>{children}</body>
    </html>
  );
}
