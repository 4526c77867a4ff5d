import { useId, useState, type FormEvent } from 'react';
import { isPodiumApiError, useRecordJob, type JobStatus, type RecordJobBody } from 'podium-kit';

const statuses: JobStatus[] = ['pending', 'processing', 'completed', 'failed'];
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const newJobId = () => `demo-live-${Date.now().toString(36)}`;

/**
 * Plays the host's backend: records jobs through `useRecordJob`, so JobStats refreshes on its own.
 * "Simulate a job" walks one job through pending -> processing -> completed.
 */
export function RecordJobPanel() {
  const recordJob = useRecordJob();
  const formId = useId();
  const [jobId, setJobId] = useState(newJobId);
  const [requested, setRequested] = useState('10');
  const [successful, setSuccessful] = useState('8');
  const [failed, setFailed] = useState('2');
  const [status, setStatus] = useState<JobStatus>('completed');
  const [message, setMessage] = useState<string | null>(null);

  const fieldErrors = isPodiumApiError(recordJob.error) ? recordJob.error.fieldErrors : {};

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body: RecordJobBody = {
      job_id: jobId,
      requested_count: Number(requested),
      successful_count: Number(successful),
      failed_count: Number(failed),
      status,
    };
    const job = await recordJob.mutateAsync(body).catch(() => null);
    if (job) {
      setMessage(`Recorded ${job.job_id} as ${job.status}.`);
      setJobId(newJobId());
    }
  }

  async function simulate() {
    const id = newJobId();
    const total = 12;
    setMessage(`Simulating ${id}…`);
    await recordJob.mutateAsync({ job_id: id, requested_count: total, status: 'pending' });
    await wait(1200);
    await recordJob.mutateAsync({ job_id: id, successful_count: 5, failed_count: 1, status: 'processing' });
    await wait(1200);
    const job = await recordJob.mutateAsync({
      job_id: id,
      successful_count: 10,
      failed_count: 2,
      status: 'completed',
    });
    setMessage(`Simulated ${job.job_id}: ${job.successful_count} of ${job.requested_count} succeeded.`);
  }

  const input = 'mt-1 w-full rounded-podium border border-control bg-page px-2 py-1';

  return (
    <aside aria-labelledby={`${formId}-title`} className="rounded-podium border border-line bg-page p-4">
      <h2 id={`${formId}-title`} className="text-lg font-semibold">
        Record a job
      </h2>
      <p className="mb-3 text-sm text-muted">
        What a host's backend sends to <code>PATCH /api/stats</code>.
      </p>
      <form onSubmit={submit} className="space-y-3 text-sm" noValidate>
        <Field label="Job id" error={fieldErrors.job_id}>
          <input className={input} value={jobId} onChange={(e) => setJobId(e.target.value)} name="job_id" />
        </Field>
        <Field label="Requested" error={fieldErrors.requested_count}>
          <input
            className={input}
            inputMode="numeric"
            value={requested}
            onChange={(e) => setRequested(e.target.value)}
            name="requested_count"
          />
        </Field>
        <Field label="Successful" error={fieldErrors.successful_count}>
          <input
            className={input}
            inputMode="numeric"
            value={successful}
            onChange={(e) => setSuccessful(e.target.value)}
            name="successful_count"
          />
        </Field>
        <Field label="Failed" error={fieldErrors.failed_count}>
          <input
            className={input}
            inputMode="numeric"
            value={failed}
            onChange={(e) => setFailed(e.target.value)}
            name="failed_count"
          />
        </Field>
        <Field label="Status" error={fieldErrors.status}>
          <select
            className={input}
            value={status}
            onChange={(e) => setStatus(e.target.value as JobStatus)}
            name="status"
          >
            {statuses.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </Field>
        <div className="flex flex-wrap gap-2 pt-1">
          <button
            type="submit"
            disabled={recordJob.isPending}
            className="rounded-podium bg-accent px-3 py-1.5 font-medium text-accent-fg hover:opacity-90 disabled:opacity-60"
          >
            Record job
          </button>
          <button
            type="button"
            onClick={simulate}
            disabled={recordJob.isPending}
            className="rounded-podium border border-control px-3 py-1.5 font-medium hover:bg-surface disabled:opacity-60"
          >
            Simulate a job
          </button>
        </div>
      </form>
      <p role="status" className="mt-3 min-h-5 text-sm">
        {recordJob.error && !Object.keys(fieldErrors).length ? recordJob.error.message : message}
      </p>
    </aside>
  );
}

function Field({
  label,
  error,
  children,
}: {
  label: string;
  error?: readonly string[];
  children: React.ReactNode;
}) {
  return (
    <label className="block">
      <span className="font-medium">{label}</span>
      {children}
      {error && <span className="mt-1 block text-danger">{error.join(', ')}</span>}
    </label>
  );
}
