import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { previewTemplate } from '../../hooks/referrals/previewTemplate.js';
import { useReferralLink } from '../../hooks/referrals/useReferralLink.js';
import { useShareTracking } from '../../hooks/referrals/useShareTracking.js';
import { useTemplates, type TemplateItem } from '../../hooks/referrals/useTemplates.js';
import { buildShareUrl } from '../../src/referrals/buildShareUrl.js';
import { isSharePlatform, type SharePlatform, type TemplatePlatform } from '../../src/referrals/platforms.js';
import { smsStyleFor } from '../../src/referrals/smsStyleFor.js';
import type { MessageTemplate, TemplateCategory } from '../../src/referrals/templateFormat.js';
import { Button } from '../shared/Button.js';
import { cx } from '../shared/cx.js';
import { CheckIcon } from '../shared/icons/CheckIcon.js';
import { useFormatters } from '../shared/useFormatters.js';
import { WidgetCard } from '../shared/WidgetCard.js';
import { WidgetState, type WidgetStateBase } from '../shared/WidgetState.js';
import type { PodiumHeadingProps, PodiumWidgetProps } from '../shared/widgetProps.js';
import { formatLabel, useLabels } from '../labels.js';
import { copyText } from './copyText.js';
import { CopyIcon } from '../shared/icons/CopyIcon.js';
import { ExternalLinkIcon } from '../shared/icons/ExternalLinkIcon.js';
import { TemplateCategoryChips } from './TemplateCategoryChips.js';
import { TemplateCharacterCount } from './TemplateCharacterCount.js';
import { TemplateList } from './TemplateList.js';
import { TemplateMessageText } from './TemplateMessageText.js';
import { TemplatePlatformTabs } from './TemplatePlatformTabs.js';
import type { TemplateSelectorClassNames, TemplateSelectorPartStyle } from './templateSelectorSlots.js';
import { TemplateSelectorSkeleton } from './TemplateSelectorSkeleton.js';
import { templateText } from './templateText.js';
import { sharedLabels } from '../shared/sharedLabels.js';
import { templateSelectorLabels } from './templateSelectorLabels.js';

/** The English strings TemplateSelector shows (a module-level constant: `useLabels` memoises on it). */
const templateSelectorTables = [sharedLabels, templateSelectorLabels] as const;

/** The selector's state, also exposed as `data-state` on the root. */
export type TemplateSelectorState = 'loading' | 'notMember' | 'error' | 'ready';

/** What `onShare` gets once the share window has been sent to the platform. */
export interface TemplateShareEvent {
  template: MessageTemplate;
  platform: SharePlatform;
  /** The platform's share link that was opened. */
  url: string;
  /** The referral link in the message: the tracked one, or the plain one when tracking failed. */
  link: string;
  /** The message as shared. */
  text: string;
  /** The recorded share's id; `undefined` when tracking failed (the share still went out). */
  shareId: string | undefined;
}

export interface TemplateSelectorProps
  extends PodiumWidgetProps<TemplateSelectorClassNames>, PodiumHeadingProps {
  /** The creator (community) whose referral link the messages carry. */
  creatorId: string;
  /** The community's name, for `{community}`; templates that need it say so while it is absent. */
  communityName?: string;
  /** The member's name, for `{name}`. @default the member's display name */
  name?: string;
  /** The member's referral earnings in `currency` units, for `{earnings}`. */
  earnings?: number;
  /** The ISO 4217 currency of `earnings`. @default 'USD' */
  currency?: string;
  /** How many people the member has referred, for `{referrals}`. */
  referrals?: number;
  /** Your own templates, listed before the built-in ones (same id: yours wins). Keep the array stable. */
  templates?: readonly MessageTemplate[];
  /** Only your `templates`, without the built-in library. @default false */
  hideBuiltInTemplates?: boolean;
  /** The platform tab shown first. @default the first platform with templates ('x') */
  defaultPlatform?: TemplatePlatform;
  /** The heading. @default labels.templateSelectorTitle ("Share a message") */
  title?: ReactNode;
  /** Called when the member picks a template (not for the first one, picked for them). */
  onSelect?: (template: MessageTemplate) => void;
  /** Called after a share link has been opened, with the tracked link and the message. */
  onShare?: (event: TemplateShareEvent) => void;
}

const noClassNames: TemplateSelectorClassNames = {};
/** Facebook and LinkedIn share only the link: the message is copied for the member to paste. */
const pastesText = (platform: TemplatePlatform) => platform === 'facebook' || platform === 'linkedin';
/** Links opened in place: a mail or SMS app takes them without leaving the page. */
const opensApp = (platform: TemplatePlatform) => platform === 'email' || platform === 'sms';
const copiedForMs = 2000;

/**
 * A library of ready-made referral messages: platforms as tabs, tones as filter chips with
 * colour-coded badges, each message filled with the member's link and figures, its length
 * against the platform's limit (X's weighting, SMS parts), copy with a confirmation, and share
 * through the platform's link with a tracked referral link per share (`POST /shares`, with the
 * template's id). Discord and Slack, which have no share link, are copy-only. Handles loading,
 * not a member yet, and errors with retry.
 */
export function TemplateSelector({
  creatorId,
  communityName,
  name,
  earnings,
  currency = 'USD',
  referrals,
  templates,
  hideBuiltInTemplates = false,
  defaultPlatform,
  title,
  headingLevel = 2,
  onSelect,
  onShare,
  className,
  classNames = noClassNames,
  unstyled = false,
  labels: labelsProp,
}: TemplateSelectorProps) {
  const labels = useLabels(templateSelectorTables, labelsProp);
  const format = useFormatters();
  const styled = !unstyled;
  const part: TemplateSelectorPartStyle = { styled, classNames };
  const ids = useId();
  const link = useReferralLink({ creatorId });
  const { track, isPending: tracking } = useShareTracking();
  const member = link.member;

  const [platformChoice, setPlatform] = useState<TemplatePlatform | undefined>(defaultPlatform);
  const [category, setCategory] = useState<TemplateCategory | null>(null);
  // One pick per platform, so going back to a tab finds the template left there.
  const [picks, setPicks] = useState<Partial<Record<TemplatePlatform, string>>>({});
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copyTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(copyTimer.current), []);

  const variables = {
    name: name ?? member?.displayName ?? undefined,
    link: link.referralLink,
    community: communityName,
    earnings,
    referrals,
  };
  const fillOptions = { locale: format.locale, currency };
  const browse = useTemplates({
    templates,
    includeBuiltIn: !hideBuiltInTemplates,
    variables,
    ...fillOptions,
  });
  const platform =
    platformChoice && browse.platforms.includes(platformChoice) ? platformChoice : browse.platforms[0];
  const shown = useTemplates({
    templates,
    includeBuiltIn: !hideBuiltInTemplates,
    platform,
    category,
    variables,
    ...fillOptions,
  });
  // A tone the new platform lacks would leave the list empty: it is shown as "All" instead.
  const activeCategory = category && shown.categories.includes(category) ? category : null;
  const items =
    activeCategory === category
      ? shown.items
      : browse.items.filter((item) => item.template.platform === platform);
  const pick = platform ? picks[platform] : undefined;
  const selected: TemplateItem | undefined = items.find((item) => item.template.id === pick) ?? items[0];
  const preview = selected?.preview;

  const state: TemplateSelectorState = member
    ? 'ready'
    : link.isNotMember
      ? 'notMember'
      : link.error && link.status === 'error'
        ? 'error'
        : 'loading';

  const resetCopy = () => {
    clearTimeout(copyTimer.current);
    setCopy('idle');
  };
  const choosePlatform = (next: TemplatePlatform) => {
    setPlatform(next);
    resetCopy();
  };
  const choose = (item: TemplateItem) => {
    setPicks((current) => ({ ...current, [item.template.platform]: item.template.id }));
    resetCopy();
    onSelect?.(item.template);
  };

  /** The selected message with `sharedLink` in it, or `undefined` when it cannot be filled. */
  const messageWith = (template: MessageTemplate, sharedLink: string) => {
    const filled = previewTemplate(template, { ...variables, link: sharedLink }, fillOptions);
    return filled.status === 'ready' ? filled : undefined;
  };

  /** A tracked link for this share, or the plain referral link when tracking failed. */
  const trackedLink = (template: MessageTemplate, channel: SharePlatform | 'copy') =>
    track({ memberId: member!.id, platform: channel, templateId: template.id }).then((share) => ({
      share,
      link: share?.url ?? link.referralLink!,
    }));

  const copyMessage = (template: MessageTemplate, channel: SharePlatform | 'copy') => {
    const text = trackedLink(template, channel).then(
      ({ link: shared }) => messageWith(template, shared)?.text ?? '',
    );
    resetCopy();
    copyText(text)
      .then(() => {
        setCopy('copied');
        // The confirmation fades; a failure stays until the next action, so it can be read.
        copyTimer.current = setTimeout(() => setCopy('idle'), copiedForMs);
      })
      .catch(() => setCopy('failed'));
  };

  const share = (template: MessageTemplate) => {
    const target = template.platform;
    // A second click while the first share is being recorded would open a second window.
    if (!isSharePlatform(target) || !member || tracking) return;
    // Opened here, inside the click: a window opened after the `await` below is a popup that
    // browsers block. It is sent to the platform once the tracked link is known.
    const popup = opensApp(target) ? null : window.open('', '_blank');
    if (popup) popup.opener = null;
    // The same click copies the message for platforms that take only the link.
    const tracked = trackedLink(template, target);
    if (pastesText(target)) {
      resetCopy();
      copyText(tracked.then(({ link: shared }) => messageWith(template, shared)?.text ?? ''))
        .then(() => setCopy('copied'))
        .catch(() => setCopy('failed'));
    }
    void tracked.then(({ share: recorded, link: shared }) => {
      const message = messageWith(template, shared);
      if (!message) {
        popup?.close();
        return;
      }
      const url = buildShareUrl(target, {
        url: shared,
        text: message.text,
        title: target === 'email' ? message.subject : undefined,
        // Read at the click, never during render (SSR).
        smsStyle: target === 'sms' ? smsStyleFor(navigator.userAgent) : undefined,
      });
      if (popup) popup.location.href = url;
      else if (opensApp(target)) window.location.href = url;
      else window.open(url, '_blank', 'noopener');
      onShare?.({
        template,
        platform: target,
        url,
        link: shared,
        text: message.text,
        shareId: recorded?.shareId,
      });
    });
  };

  const states: WidgetStateBase = { block: 'podium-template-selector', labels, classNames, unstyled };
  const community = communityName ?? '';
  const platformName = platform ? templateText.platform(labels, platform) : '';
  const count = preview?.status === 'ready' ? preview.count : undefined;
  const PreviewHeading = (['h3', 'h4', 'h5', 'h6'] as const)[headingLevel - 2]!;

  let content: ReactNode = null;
  if (state === 'loading') {
    content = <TemplateSelectorSkeleton label={labels.templateSelectorLoading} {...part} />;
  } else if (state === 'notMember') {
    content = (
      <WidgetState
        kind="empty"
        {...states}
        title={labels.templateSelectorNotMemberTitle}
        description={community ? formatLabel(labels.templateSelectorNotMemberHint, { community }) : null}
      />
    );
  } else if (state === 'error' && link.error) {
    content = (
      <WidgetState
        kind="error"
        {...states}
        title={labels.templateSelectorErrorTitle}
        description={link.error.message}
        onRetry={link.error.isRetryable ? () => void link.refetch() : undefined}
        isRetrying={link.isFetching}
      />
    );
  } else if (state === 'ready' && platform) {
    const copyOnly = !isSharePlatform(platform);
    const canSend = preview?.status === 'ready';
    // A message that cannot be filled is not sent: the buttons say so by looking unavailable.
    const buttonStyle = styled && 'podium:disabled:cursor-not-allowed podium:disabled:opacity-50';
    content = (
      <>
        <TemplatePlatformTabs
          label={labels.templateSelectorPlatforms}
          platforms={browse.platforms.map((value) => ({
            value,
            label: templateText.platform(labels, value),
          }))}
          value={platform}
          onChange={choosePlatform}
          tabId={(value) => `${ids}-tab-${value}`}
          panelId={`${ids}-panel`}
          {...part}
        />
        <div
          role="tabpanel"
          id={`${ids}-panel`}
          aria-labelledby={`${ids}-tab-${platform}`}
          data-platform={platform}
          className={cx(
            'podium-template-selector__panel',
            styled &&
              'podium:grid podium:grid-cols-[minmax(0,1fr)] podium:gap-4 podium:@2xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)] podium:@2xl:items-start',
            classNames.panel,
          )}
        >
          <div className={cx(styled && 'podium:grid podium:min-w-0 podium:gap-3')}>
            <TemplateCategoryChips
              label={labels.templateSelectorCategories}
              allLabel={labels.templateSelectorAllCategories}
              categories={shown.categories.map((value) => ({
                value,
                label: templateText.category(labels, value),
              }))}
              value={activeCategory}
              onChange={(next) => {
                setCategory(next);
                resetCopy();
              }}
              {...part}
            />
            {items.length === 0 ? (
              <WidgetState
                kind="empty"
                {...states}
                title={formatLabel(labels.templateSelectorEmpty, { platform: platformName })}
              />
            ) : (
              <TemplateList
                items={items}
                selectedId={selected?.template.id}
                onSelect={choose}
                name={`${ids}-template`}
                labels={labels}
                locale={format.locale}
                {...part}
              />
            )}
          </div>
          {selected && preview ? (
            <section
              aria-labelledby={`${ids}-preview`}
              data-template-id={selected.template.id}
              data-status={preview.status}
              className={cx(
                'podium-template-selector__preview',
                styled &&
                  'podium:grid podium:min-w-0 podium:grid-cols-[minmax(0,1fr)] podium:gap-3 podium:rounded-(--podium-radius) podium:border podium:border-(--podium-border) podium:bg-(--podium-surface) podium:p-4 podium:@2xl:sticky podium:@2xl:top-4',
                classNames.preview,
              )}
            >
              <PreviewHeading
                id={`${ids}-preview`}
                className={cx(
                  styled &&
                    'podium:m-0 podium:text-xs podium:font-medium podium:uppercase podium:tracking-wide podium:text-(--podium-muted)',
                )}
              >
                {labels.templateSelectorPreview}
              </PreviewHeading>
              {preview.status === 'ready' && preview.subject ? (
                <p className={cx(styled && 'podium:m-0 podium:text-sm')}>
                  <span className={cx(styled && 'podium:text-(--podium-muted)')}>
                    {labels.templateSelectorSubject}:{' '}
                  </span>
                  <strong className={cx(styled && 'podium:font-semibold')}>{preview.subject}</strong>
                </p>
              ) : null}
              <p
                className={cx(
                  'podium-template-selector__message',
                  styled &&
                    'podium:m-0 podium:rounded-[calc(var(--podium-radius)-2px)] podium:border podium:border-(--podium-border) podium:bg-(--podium-bg) podium:p-3 podium:text-sm podium:leading-relaxed podium:wrap-anywhere podium:whitespace-pre-wrap',
                  classNames.message,
                )}
              >
                <TemplateMessageText preview={preview} labels={labels} styled={styled} />
              </p>
              {preview.status === 'missing' ? (
                <p
                  className={cx(
                    'podium-template-selector__hint',
                    styled && 'podium:m-0 podium:text-sm podium:text-(--podium-warning)',
                    classNames.hint,
                  )}
                >
                  {formatLabel(labels.templateSelectorMissing, {
                    names: templateText.variables(labels, preview.missing, format.locale),
                  })}
                </p>
              ) : null}
              {count ? (
                <TemplateCharacterCount
                  platform={platform}
                  count={count}
                  labels={labels}
                  format={format}
                  {...part}
                />
              ) : null}
              <div
                className={cx(
                  'podium-template-selector__actions',
                  // Stacked full width on a phone, the main action on top; in a row from a wider card.
                  styled &&
                    'podium:flex podium:flex-col-reverse podium:gap-2 podium:@sm:flex-row podium:@sm:flex-wrap',
                  classNames.actions,
                )}
              >
                <Button
                  variant={copyOnly ? 'primary' : 'secondary'}
                  unstyled={unstyled}
                  className={cx(buttonStyle, classNames.button)}
                  disabled={!canSend}
                  data-action="copy"
                  onClick={() => copyMessage(selected.template, 'copy')}
                >
                  {copy === 'copied' ? <CheckIcon /> : <CopyIcon />}
                  {copy === 'copied' ? labels.templateSelectorCopied : labels.templateSelectorCopy}
                </Button>
                {copyOnly ? null : (
                  <Button
                    variant="primary"
                    unstyled={unstyled}
                    className={cx(buttonStyle, classNames.button)}
                    disabled={!canSend}
                    aria-disabled={tracking || undefined}
                    data-action="share"
                    onClick={() => share(selected.template)}
                  >
                    <ExternalLinkIcon />
                    {platform === 'email'
                      ? labels.templateSelectorShareEmail
                      : platform === 'sms'
                        ? labels.templateSelectorShareSms
                        : formatLabel(labels.templateSelectorShare, { platform: platformName })}
                  </Button>
                )}
              </div>
              {copy === 'failed' ? (
                <p
                  role="alert"
                  className={cx(styled && 'podium:m-0 podium:text-sm podium:text-(--podium-danger)')}
                >
                  {labels.templateSelectorCopyFailed}
                </p>
              ) : copyOnly || pastesText(platform) ? (
                <p
                  className={cx(
                    'podium-template-selector__hint',
                    styled && 'podium:m-0 podium:text-xs podium:text-(--podium-muted)',
                    classNames.hint,
                  )}
                >
                  {formatLabel(
                    copyOnly ? labels.templateSelectorCopyOnly : labels.templateSelectorPasteHint,
                    {
                      platform: platformName,
                    },
                  )}
                </p>
              ) : null}
            </section>
          ) : null}
        </div>
      </>
    );
  }

  const announcement =
    state !== 'ready'
      ? ''
      : copy === 'copied'
        ? labels.templateSelectorAnnounceCopied
        : count?.over
          ? formatLabel(labels.templateSelectorAnnounceOver, {
              count: format.number(-count.remaining),
              platform: platformName,
            })
          : '';

  return (
    <WidgetCard
      block="podium-template-selector"
      title={title ?? labels.templateSelectorTitle}
      headingLevel={headingLevel}
      subtitle={
        community && state === 'ready' ? (
          <p className={cx(styled && 'podium:m-0 podium:text-sm podium:text-(--podium-muted)')}>
            {formatLabel(labels.templateSelectorSubtitle, { community })}
          </p>
        ) : null
      }
      announcement={announcement}
      className={className}
      classNames={classNames}
      unstyled={unstyled}
      data-state={state}
      data-platform={state === 'ready' ? platform : undefined}
      data-copied={copy === 'copied' || undefined}
    >
      <div
        aria-busy={state === 'loading'}
        className={cx(styled && 'podium:grid podium:min-w-0 podium:grid-cols-[minmax(0,1fr)] podium:gap-4')}
      >
        {content}
      </div>
    </WidgetCard>
  );
}
