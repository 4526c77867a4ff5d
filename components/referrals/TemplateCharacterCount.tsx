import type { CharacterCount } from '../../src/referrals/countCharacters.js';
import type { TemplatePlatform } from '../../src/referrals/platforms.js';
import { AlertIcon } from '../shared/icons/AlertIcon.js';
import { cx } from '../shared/cx.js';
import type { PodiumFormatters } from '../shared/useFormatters.js';
import { formatLabel, pluralLabel } from '../labels.js';
import type { TemplateSelectorPartStyle } from './templateSelectorSlots.js';
import type { TemplateSelectorLabels } from './templateSelectorLabels.js';

export interface TemplateCharacterCountProps extends TemplateSelectorPartStyle {
  platform: TemplatePlatform;
  count: CharacterCount;
  labels: TemplateSelectorLabels;
  format: PodiumFormatters;
}

/**
 * The message's length against its platform's limit, counted as the platform counts it: X's
 * weighting (said under it), SMS parts and encoding. A bar shows how full a tight limit is; over
 * the limit, the count turns to the danger colour with an icon and says by how much.
 */
export function TemplateCharacterCount({
  platform,
  count,
  labels,
  format,
  styled,
  classNames,
}: TemplateCharacterCountProps) {
  const values = { count: format.number(count.count), limit: format.number(count.limit) };
  // A bar for limits a template can reach; against WhatsApp's 65,536 it would always read empty.
  const bar = count.limit <= 500;
  const hints: string[] = [];
  if (platform === 'x') hints.push(labels.templateSelectorCountWeighted);
  if (count.segments !== undefined && count.segments > 0) {
    hints.push(
      formatLabel(pluralLabel(labels, 'templateSelectorSmsSegments', count.segments, format.locale), {
        count: format.number(count.segments),
      }),
    );
  }
  if (count.encoding === 'UCS-2') hints.push(labels.templateSelectorSmsUnicode);
  return (
    <div
      data-over={count.over || undefined}
      className={cx(
        'podium-template-selector__count',
        styled && 'podium:flex podium:flex-col podium:gap-1.5 podium:text-xs podium:text-(--podium-muted)',
        classNames.count,
      )}
    >
      {bar ? (
        <div
          aria-hidden="true"
          className={cx(
            styled && 'podium:h-1 podium:overflow-hidden podium:rounded-full podium:bg-(--podium-border)',
          )}
        >
          <div
            className={cx(
              styled && 'podium:h-full podium:rounded-full',
              styled && (count.over ? 'podium:bg-(--podium-danger)' : 'podium:bg-(--podium-accent)'),
            )}
            style={styled ? { width: `${Math.min(100, (count.count / count.limit) * 100)}%` } : undefined}
          />
        </div>
      ) : null}
      <div
        className={cx(
          styled &&
            'podium:flex podium:flex-wrap podium:items-center podium:justify-between podium:gap-x-3 podium:gap-y-1',
        )}
      >
        <span className={cx(styled && 'podium:flex podium:flex-wrap podium:gap-x-3')}>
          {hints.map((hint) => (
            <span key={hint}>{hint}</span>
          ))}
        </span>
        <span
          className={cx(
            'podium-template-selector__count-value',
            styled && 'podium:inline-flex podium:items-center podium:gap-1 podium:font-medium',
            styled && (count.over ? 'podium:text-(--podium-danger)' : 'podium:text-(--podium-fg)'),
          )}
        >
          {count.over ? <AlertIcon /> : null}
          <span aria-hidden="true">{formatLabel(labels.templateSelectorCount, values)}</span>
          <span className="podium-sr-only">{formatLabel(labels.templateSelectorCountLabel, values)}</span>
          {count.over ? (
            <span>
              {' · '}
              {formatLabel(labels.templateSelectorOverLimit, { count: format.number(-count.remaining) })}
            </span>
          ) : null}
        </span>
      </div>
    </div>
  );
}
