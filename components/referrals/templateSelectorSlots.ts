/**
 * The parts of TemplateSelector a host can add classes to through `classNames`. Each also carries
 * a structural class, `podium-template-selector__<part>` (kebab-case), that stays when `unstyled`.
 */
export type TemplateSelectorSlot =
  | 'root'
  | 'header'
  | 'title'
  | 'tabs'
  | 'tab'
  | 'panel'
  | 'chips'
  | 'chip'
  | 'badge'
  | 'list'
  | 'item'
  | 'preview'
  | 'message'
  | 'count'
  | 'actions'
  | 'hint'
  | 'empty'
  | 'error'
  | 'skeleton'
  | 'button';

/** Extra classes per part, e.g. `{ item: 'shadow-sm', preview: 'font-mono' }`. */
export type TemplateSelectorClassNames = Partial<Record<TemplateSelectorSlot, string>>;

/** Styling inputs every TemplateSelector part receives. */
export interface TemplateSelectorPartStyle {
  /** False when the host asked for `unstyled`. */
  styled: boolean;
  classNames: TemplateSelectorClassNames;
}
