import { render } from '@testing-library/react';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { IconProps } from '../../components/shared/icons/Icon.js';
import { RefreshIcon } from '../../components/shared/icons/RefreshIcon.js';

// Tests run from the repository root (jsdom's import.meta.url is not a file URL).
const folder = resolve('components/shared/icons');
const iconFiles = readdirSync(folder).filter((file) => /Icon\.tsx$/.test(file) && file !== 'Icon.tsx');

describe('icons', () => {
  it.each(iconFiles)('%s is one named export, decorative, in currentColor, 1em square', async (file) => {
    const module = (await import(`../../components/shared/icons/${file}`)) as Record<string, unknown>;
    const name = file.replace(/\.tsx$/, '');
    expect(Object.keys(module)).toEqual([name]);
    const Component = module[name] as (props: IconProps) => React.JSX.Element;
    const { container } = render(<Component />);
    const svg = container.querySelector('svg')!;
    expect(svg).toHaveAttribute('aria-hidden', 'true');
    expect(svg).not.toHaveAttribute('role');
    expect(svg).toHaveAttribute('stroke', 'currentColor');
    expect(svg).toHaveAttribute('width', '1em');
    expect(svg).toHaveClass('podium-icon');
    expect(svg.querySelector('path, circle')).not.toBeNull();
  });

  it('is named for assistive technology only when given a label', () => {
    const { container } = render(<RefreshIcon label="Retry" className="extra" />);
    const svg = container.querySelector('svg')!;
    expect(svg).toHaveAttribute('role', 'img');
    expect(svg).toHaveAttribute('aria-label', 'Retry');
    expect(svg).not.toHaveAttribute('aria-hidden');
    expect(svg).toHaveClass('podium-icon', 'extra');
  });

  it('renders on the server with no window', () => {
    expect(renderToString(<RefreshIcon />)).toMatch(/^<svg [^>]*aria-hidden="true"/);
  });
});
