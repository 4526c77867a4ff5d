import type { TemplatePreview } from '../../hooks/referrals/previewTemplate.js';
import { cx } from '../shared/cx.js';
import { templateText } from './templateText.js';
import type { TemplateSelectorLabels } from './templateSelectorLabels.js';

export interface TemplateMessageTextProps {
  preview: TemplatePreview;
  labels: TemplateSelectorLabels;
  styled: boolean;
}

/**
 * A template's message as the member would send it. A value that is missing shows as a marked
 * gap with the variable's name ("your earnings"), never as a literal `{earnings}`.
 */
export function TemplateMessageText({ preview, labels, styled }: TemplateMessageTextProps) {
  if (preview.status === 'ready') return <>{preview.text}</>;
  if (preview.status === 'invalid') return <>{labels.templateSelectorInvalid}</>;
  return (
    <>
      {preview.parts.map((part, index) =>
        part.kind === 'missing' ? (
          <mark
            key={index}
            data-missing={part.placeholder}
            className={cx(
              'podium-template-selector__gap',
              styled &&
                'podium:rounded podium:border podium:border-dashed podium:border-(--podium-warning) podium:bg-transparent podium:px-1 podium:text-(--podium-warning)',
            )}
          >
            {templateText.variable(labels, part.placeholder)}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}
