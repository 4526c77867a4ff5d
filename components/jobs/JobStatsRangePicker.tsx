import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { resolveJobStatsRange, type JobStatsRange } from '../../hooks/jobs/resolveJobStatsRange.js';
import { validateJobStatsRange, type JobStatsRangeProblem } from '../../hooks/jobs/validateJobStatsRange.js';
import { maxJobStatsRangeDays } from '../../src/jobs/contract.js';
import { Button } from '../shared/Button.js';
import { cx } from '../shared/cx.js';
import type { JobStatsPartStyle } from './jobStatsSlots.js';
import { formatLabel } from '../labels.js';
import type { JobStatsLabels } from './jobStatsLabels.js';

export interface JobStatsRangePickerProps extends JobStatsPartStyle {
  /** The applied range. */
  range: JobStatsRange;
  /** Called with a new valid range (presets at once, custom ranges on Apply). */
  onChange: (range: JobStatsRange) => void;
  /** The provider's zone, to turn the current preset into dates when switching to Custom. */
  timeZone: string;
  labels: JobStatsLabels;
}

type Option = JobStatsRange['preset'];
const options: readonly Option[] = [7, 30, 90, 'custom'];

const optionLabelKey: Record<Option, keyof JobStatsLabels> = {
  7: 'jobStatsPreset7',
  30: 'jobStatsPreset30',
  90: 'jobStatsPreset90',
  custom: 'jobStatsPresetCustom',
};

/** The inline error of a custom range, or null when it can be queried. */
function rangeProblemMessage(
  labels: JobStatsLabels,
  from: string,
  to: string,
): { problem: JobStatsRangeProblem; message: string } | null {
  const result = validateJobStatsRange(from, to);
  if (result.valid) return null;
  const keys: Record<JobStatsRangeProblem, keyof JobStatsLabels> = {
    missing: 'jobStatsRangeMissing',
    invalid: 'jobStatsRangeInvalid',
    order: 'jobStatsRangeOrder',
    tooLong: 'jobStatsRangeTooLong',
  };
  return {
    problem: result.problem,
    message: formatLabel(labels[keys[result.problem]], { max: maxJobStatsRangeDays, days: result.days ?? 0 }),
  };
}

/**
 * The range selector: a radio group of presets (one tab stop; arrow keys, Home and End move and
 * select, as in the WAI-ARIA radio group pattern), plus two date fields for a custom range that
 * is validated before it is applied.
 */
export function JobStatsRangePicker({ range, onChange, timeZone, labels, styled, classNames }: JobStatsRangePickerProps) {
  const labelId = useId();
  const buttons = useRef(new Map<Option, HTMLButtonElement>());

  const select = (option: Option) => {
    if (option === range.preset) return;
    if (option === 'custom') {
      // Start from the dates on screen, so switching to Custom shows the same figures.
      onChange({ preset: 'custom', ...resolveJobStatsRange(range, new Date(), timeZone) });
    } else {
      onChange({ preset: option });
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, option: Option) => {
    const index = options.indexOf(option);
    let next: number;
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        next = (index + 1) % options.length;
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        next = (index - 1 + options.length) % options.length;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = options.length - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    const target = options[next]!;
    buttons.current.get(target)?.focus();
    select(target);
  };

  return (
    <div className={cx('podium-job-stats__range-picker', styled && 'podium:flex podium:flex-col podium:items-start podium:gap-2', classNames.rangePicker)}>
      <span id={labelId} className="podium-sr-only">
        {labels.jobStatsRangeLabel}
      </span>
      <div
        role="radiogroup"
        aria-labelledby={labelId}
        className={cx(
          'podium-job-stats__presets',
          styled && 'podium:inline-flex podium:flex-wrap podium:gap-1 podium:rounded-(--podium-radius) podium:border podium:border-(--podium-border) podium:bg-(--podium-surface) podium:p-1',
        )}
      >
        {options.map((option) => {
          const checked = option === range.preset;
          return (
            <button
              key={option}
              type="button"
              role="radio"
              aria-checked={checked}
              tabIndex={checked ? 0 : -1}
              data-preset={option}
              data-state={checked ? 'checked' : 'unchecked'}
              ref={(node) => {
                if (node) buttons.current.set(option, node);
                else buttons.current.delete(option);
              }}
              onClick={() => select(option)}
              onKeyDown={(event) => onKeyDown(event, option)}
              className={cx(
                'podium-job-stats__preset',
                styled &&
                  'podium:cursor-pointer podium:rounded-[calc(var(--podium-radius)-0.125rem)] podium:border podium:px-3 podium:py-1.5 podium:text-sm podium:font-medium',
                // Exactly one colour set per state: two utilities for one property would let the
                // stylesheet's order, not this code, decide which wins.
                styled &&
                  (checked
                    ? 'podium:border-(--podium-accent) podium:bg-(--podium-accent) podium:text-(--podium-accent-fg)'
                    : 'podium:border-transparent podium:bg-transparent podium:text-(--podium-fg) podium:hover:border-(--podium-control-border)'),
                classNames.preset,
              )}
            >
              {labels[optionLabelKey[option]]}
            </button>
          );
        })}
      </div>
      {range.preset === 'custom' ? (
        <CustomRangeForm key={`${range.from}/${range.to}`} range={range} onChange={onChange} labels={labels} styled={styled} classNames={classNames} />
      ) : null}
    </div>
  );
}

interface CustomRangeFormProps extends JobStatsPartStyle {
  range: Extract<JobStatsRange, { preset: 'custom' }>;
  onChange: (range: JobStatsRange) => void;
  labels: JobStatsLabels;
}

/** Two native date fields; the draft is applied only when valid, so bad ranges never query. */
function CustomRangeForm({ range, onChange, labels, styled, classNames }: CustomRangeFormProps) {
  const fromId = useId();
  const toId = useId();
  const errorId = useId();
  const fromInput = useRef<HTMLInputElement>(null);
  const toInput = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState({ from: range.from, to: range.to });
  const problem = rangeProblemMessage(labels, draft.from, draft.to);
  const fromInvalid = problem !== null && (problem.problem !== 'missing' || !draft.from);
  const toInvalid = problem !== null && (problem.problem !== 'missing' || !draft.to);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (problem) {
      (fromInvalid ? fromInput : toInput).current?.focus();
      return;
    }
    if (draft.from !== range.from || draft.to !== range.to) onChange({ preset: 'custom', ...draft });
  };

  const input = cx(
    'podium-job-stats__input',
    styled &&
      'podium:rounded-(--podium-radius) podium:border podium:border-(--podium-control-border) podium:bg-(--podium-bg) podium:px-2 podium:py-1.5 podium:text-sm podium:text-(--podium-fg) podium:aria-invalid:border-(--podium-danger)',
    classNames.input,
  );
  const label = cx(styled && 'podium:flex podium:flex-col podium:gap-1 podium:text-sm podium:text-(--podium-muted)');

  return (
    <form
      noValidate
      onSubmit={submit}
      className={cx('podium-job-stats__custom-range', styled && 'podium:flex podium:flex-wrap podium:items-end podium:gap-3', classNames.customRange)}
    >
      <div className={label}>
        <label htmlFor={fromId}>{labels.jobStatsCustomFrom}</label>
        <input
          ref={fromInput}
          id={fromId}
          type="date"
          name="from"
          value={draft.from}
          max={draft.to || undefined}
          onChange={(event) => setDraft((d) => ({ ...d, from: event.target.value }))}
          aria-invalid={fromInvalid || undefined}
          aria-describedby={fromInvalid ? errorId : undefined}
          className={input}
        />
      </div>
      <div className={label}>
        <label htmlFor={toId}>{labels.jobStatsCustomTo}</label>
        <input
          ref={toInput}
          id={toId}
          type="date"
          name="to"
          value={draft.to}
          min={draft.from || undefined}
          onChange={(event) => setDraft((d) => ({ ...d, to: event.target.value }))}
          aria-invalid={toInvalid || undefined}
          aria-describedby={toInvalid ? errorId : undefined}
          className={input}
        />
      </div>
      <Button type="submit" variant="primary" unstyled={!styled} className={classNames.button}>
        {labels.jobStatsCustomApply}
      </Button>
      {problem ? (
        <p
          id={errorId}
          role="alert"
          className={cx('podium-job-stats__field-error', styled && 'podium:m-0 podium:basis-full podium:text-sm podium:text-(--podium-danger)', classNames.fieldError)}
        >
          {problem.message}
        </p>
      ) : null}
    </form>
  );
}
