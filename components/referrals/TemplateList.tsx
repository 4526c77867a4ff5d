import type { TemplateItem } from '../../hooks/referrals/useTemplates.js';
import { cx } from '../shared/cx.js';
import { formatLabel } from '../labels.js';
import { TemplateCategoryBadge } from './TemplateCategoryBadge.js';
import { TemplateMessageText } from './TemplateMessageText.js';
import type { TemplateSelectorPartStyle } from './templateSelectorSlots.js';
import { templateText } from './templateText.js';
import type { TemplateSelectorLabels } from './templateSelectorLabels.js';

export interface TemplateListProps extends TemplateSelectorPartStyle {
  items: readonly TemplateItem[];
  selectedId: string | undefined;
  onSelect: (item: TemplateItem) => void;
  /** The radio group's `name`, unique per selector. */
  name: string;
  labels: TemplateSelectorLabels;
  locale: string;
}

/**
 * The templates as a radio group of cards (native radios: arrows move between them, Tab leaves
 * the group), each with its tone badge and its message filled with the member's data.
 */
export function TemplateList({
  items,
  selectedId,
  onSelect,
  name,
  labels,
  locale,
  styled,
  classNames,
}: TemplateListProps) {
  return (
    <fieldset
      className={cx(
        'podium-template-selector__list',
        styled && 'podium:m-0 podium:grid podium:min-w-0 podium:gap-2 podium:border-0 podium:p-0',
        classNames.list,
      )}
    >
      <legend className="podium-sr-only">{labels.templateSelectorList}</legend>
      {items.map((item) => {
        const { template, preview } = item;
        const checked = template.id === selectedId;
        return (
          <label
            key={template.id}
            data-template-id={template.id}
            data-selected={checked || undefined}
            data-status={preview.status}
            className={cx(
              'podium-template-selector__item',
              styled &&
                'podium:flex podium:cursor-pointer podium:flex-col podium:gap-1.5 podium:rounded-(--podium-radius) podium:border podium:p-3 podium:text-sm podium:transition-colors',
              styled &&
                'podium:has-focus-visible:outline-2 podium:has-focus-visible:outline-offset-2 podium:has-focus-visible:outline-(--podium-focus) podium:has-focus-visible:outline-solid',
              styled &&
                (checked
                  ? 'podium:border-(--podium-accent) podium:bg-(--podium-surface) podium:shadow-[inset_0_0_0_1px_var(--podium-accent)]'
                  : 'podium:border-(--podium-border) podium:hover:bg-(--podium-surface)'),
              classNames.item,
            )}
          >
            <input
              type="radio"
              name={name}
              value={template.id}
              checked={checked}
              onChange={() => onSelect(item)}
              className="podium-sr-only"
            />
            <span className={cx(styled && 'podium:flex podium:flex-wrap podium:items-center podium:gap-1.5')}>
              <TemplateCategoryBadge
                category={template.category}
                label={templateText.category(labels, template.category)}
                styled={styled}
                className={classNames.badge}
              />
              {preview.status === 'missing' ? (
                <span className={cx(styled && 'podium:text-xs podium:text-(--podium-warning)')}>
                  {formatLabel(labels.templateSelectorMissingBadge, {
                    names: templateText.variables(labels, preview.missing, locale),
                  })}
                </span>
              ) : null}
            </span>
            {template.subject !== undefined && preview.status === 'ready' && preview.subject ? (
              <span className={cx(styled && 'podium:font-medium podium:wrap-anywhere')}>
                {preview.subject}
              </span>
            ) : null}
            {/* An excerpt: line breaks (an email's greeting) collapse, so three lines show words. */}
            <span
              className={cx(
                styled && 'podium:line-clamp-3 podium:wrap-anywhere podium:text-(--podium-muted)',
              )}
            >
              <TemplateMessageText preview={preview} labels={labels} styled={styled} />
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
