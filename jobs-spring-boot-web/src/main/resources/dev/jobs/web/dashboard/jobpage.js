import { api, apiUrl, jobPath } from './api.js';
import { h, patch, badge, when, formatDate, formatDuration, json, panel, firstLine } from './dom.js';
import { writeButton, run, confirmDialog, announce } from './ui.js';

const FINISHED = ['COMPLETED', 'FAILED', 'CANCELLED'];

function detailList(job) {
	const rows = [
		['Queue', h('a', { href: `#/jobs?queue=${encodeURIComponent(job.queue)}` }, job.queue)],
		['Priority', job.priority.toLowerCase()],
		['Attempts', `${job.attempts} of ${job.maxAttempts}`],
		['Timeout', job.timeout ? formatDuration(job.timeout) : '—'],
		['Unique key', job.uniqueKey || '—'],
		['Node', job.node || '—'],
		['Created', h('span', {}, formatDate(job.createdAt), ' (', when(job.createdAt), ')')],
		['Due', h('span', {}, formatDate(job.runAt), ' (', when(job.runAt), ')')],
		['Started', job.startedAt ? formatDate(job.startedAt) : '—'],
		['Finished', job.finishedAt ? formatDate(job.finishedAt) : '—']
	];
	return h('dl', { class: 'details' }, rows.map(([term, value]) => h('div', {}, h('dt', {}, term), h('dd', {}, value))));
}

function attemptsTable(executions) {
	if (!executions.length) {
		return h('p', { class: 'muted' }, 'No attempt yet.');
	}
	return h('div', { class: 'table-wrap' }, h('table', { class: 'table', id: 'attempts-table' },
		h('caption', { class: 'visually-hidden' }, 'Attempts'),
		h('thead', {}, h('tr', {}, ['Attempt', 'Outcome', 'Node', 'Started', 'Duration', 'Error']
			.map((title) => h('th', { scope: 'col' }, title)))),
		h('tbody', {}, executions.map((execution) => h('tr', { 'data-attempt': execution.attempt, 'data-outcome': execution.outcome },
			h('td', { 'data-label': 'Attempt', class: 'num' }, String(execution.attempt)),
			h('td', { 'data-label': 'Outcome' }, execution.outcome ? badge(execution.outcome) : h('span', { class: 'muted' }, 'running')),
			h('td', { 'data-label': 'Node', class: 'mono small' }, execution.node || ''),
			h('td', { 'data-label': 'Started' }, h('span', { title: formatDate(execution.startedAt) }, formatDate(execution.startedAt))),
			h('td', { 'data-label': 'Duration', class: 'num' }, execution.duration ? formatDuration(execution.duration) : ''),
			h('td', { 'data-label': 'Error', class: 'error-cell' }, execution.error
				? h('details', { 'data-focus': `attempt-${execution.attempt}` },
					h('summary', {}, firstLine(execution.error)), h('pre', { class: 'code' }, execution.error))
				: ''))))));
}

function logList(lines) {
	if (!lines.length) {
		return h('p', { class: 'muted' }, 'No log lines.');
	}
	return h('ol', { class: 'log', id: 'log-lines' }, lines.map((line) => h('li', { class: `level-${String(line.level).toLowerCase()}` },
		h('time', { datetime: line.loggedAt, title: formatDate(line.loggedAt) }, new Date(line.loggedAt).toLocaleTimeString()),
		h('span', { class: 'level' }, line.level),
		h('span', { class: 'attempt', title: `attempt ${line.attempt}` }, `#${line.attempt}`),
		h('span', { class: 'message' }, line.message))));
}

export function jobPage(main, id) {
	const head = h('div', { class: 'job-head' });
	const actions = h('div', { class: 'actions job-actions' });
	const progress = h('div', { class: 'progress-wrap' });
	const error = h('div', { id: 'job-error' });
	const details = h('div');
	const payload = h('div', { id: 'job-payload' });
	const result = h('div', { id: 'job-result' });
	const attempts = h('div', { id: 'job-attempts' });
	const logs = h('div', { id: 'job-logs' });
	const live = h('p', { class: 'muted small', id: 'live-state' });
	let job = null;
	let events = null;
	let lastStatus = null;
	let disposed = false;
	let pending = null;

	main.replaceChildren(
		h('p', { class: 'crumbs' }, h('a', { href: '#/jobs' }, h('span', { 'aria-hidden': 'true' }, '←'), ' All jobs')),
		head, actions, live, progress, error,
		h('div', { class: 'grid job-grid' },
			panel('job-details', 'Details', details),
			panel('job-payload-panel', 'Payload', payload),
			panel('job-result-panel', 'Result', result)),
		panel('job-attempts-panel', 'Attempts', attempts),
		panel('job-logs-panel', 'Log', logs));

	function renderJob() {
		const heading = head.querySelector('h1');
		const status = h('span', { id: 'job-status', 'data-status': job.status }, badge(job.status));
		if (heading) {
			patch(heading.querySelector('.job-status-slot'), status);
		}
		else {
			patch(head, h('h1', { tabindex: '-1', class: 'page-title' }, job.name, ' ', h('span', { class: 'job-status-slot' }, status)),
				h('p', { class: 'mono muted', id: 'job-id' }, job.id));
		}
		const finished = FINISHED.includes(job.status);
		patch(actions,
			writeButton('Retry', (b) => run(b, () => api.post(jobPath(id, '/retry')).then(follow), 'Job retried'),
				{ enabled: job.status === 'FAILED' || job.status === 'CANCELLED', focus: 'retry', kind: 'primary' }),
			writeButton('Cancel', async (b) => {
				if (await confirmDialog('Cancel this job?', `${job.name} ${job.id} will not run${job.status === 'RUNNING' ? ' any further: it is asked to stop' : ''}.`, 'Cancel job', true)) {
					await run(b, () => api.del(jobPath(id)), (r) => r && r.cancelRequested ? 'Cancellation requested' : 'Job cancelled');
				}
			}, { enabled: !finished, focus: 'cancel', kind: 'danger' }),
			writeButton('Delete', async (b) => {
				if (await confirmDialog('Delete this job?', 'The job, its attempts and its log lines are deleted for good.', 'Delete', true)) {
					await run(b, async () => {
						await api.del(jobPath(id), [['purge', 'true']]);
						location.hash = '#/jobs';
					}, 'Job deleted');
				}
			}, { enabled: finished, focus: 'delete', kind: 'danger' }));
		patch(progress, h('label', { for: 'job-progress' }, `Progress ${job.progress}%`),
			h('progress', { id: 'job-progress', max: '100', value: String(job.progress) }, `${job.progress}%`));
		// a job that failed shows its error; one that went on after a failed attempt, its last one
		const failedNow = job.status === 'FAILED' || job.status === 'CANCELLED';
		patch(error, job.error ? h('div', { class: ['error-box', !failedNow && 'earlier'] },
			h('h2', {}, failedNow ? 'Error' : 'Last error, of an earlier attempt'),
			h('pre', { class: 'code', tabindex: '0' }, job.error)) : null);
		patch(details, detailList(job));
		if ('payload' in job) {
			patch(payload, json(job.payload));
			patch(result, json(job.result));
		}
		if (lastStatus && lastStatus !== job.status) {
			announce(`Job ${job.name} is now ${job.status.toLowerCase()}`);
		}
		lastStatus = job.status;
	}

	async function refresh() {
		try {
			const [full, history, lines] = await Promise.all([api.get(jobPath(id)), api.get(jobPath(id, '/history')), api.get(jobPath(id, '/logs'))]);
			if (disposed) {
				return;
			}
			job = full;
			renderJob();
			patch(attempts, attemptsTable(history.executions || []));
			patch(logs, logList(lines.lines || []));
			if (!FINISHED.includes(job.status)) {
				follow();
			}
		}
		catch (failure) {
			if (failure.status === 404) {
				patch(head, h('h1', { tabindex: '-1', class: 'page-title' }, 'No such job'), h('p', {}, `There is no job ${id}: it may have been deleted or pruned.`));
				[actions, progress, error].forEach((part) => part.replaceChildren());
				main.querySelectorAll('.panel').forEach((part) => { part.hidden = true; });
				stop();
				return;
			}
			throw failure;
		}
	}

	/** A debounced reload of the job, its attempts and logs after an event. */
	function soon() {
		clearTimeout(pending);
		pending = setTimeout(() => refresh().catch(() => {}), 150);
	}

	function stop() {
		if (events) {
			events.close();
			events = null;
		}
		live.textContent = '';
	}

	/** Follows the job through its event stream while it lives. */
	function follow() {
		if (events || disposed) {
			return;
		}
		events = new EventSource(apiUrl(jobPath(id, '/events')));
		live.textContent = 'Following this job live.';
		events.addEventListener('status', (event) => {
			const summary = JSON.parse(event.data);
			if (job) {
				job = { ...job, ...summary };
				renderJob();
			}
			soon();
			if (FINISHED.includes(summary.status)) {
				stop();
			}
		});
		events.addEventListener('progress', (event) => {
			const data = JSON.parse(event.data);
			if (job) {
				job.progress = data.progress;
				const bar = document.getElementById('job-progress');
				if (bar) {
					bar.value = data.progress;
					bar.textContent = `${data.progress}%`;
					bar.previousSibling.textContent = `Progress ${data.progress}%`;
				}
			}
		});
		events.addEventListener('log', () => soon());
		events.addEventListener('error', () => {
			// the stream ended (the job finished) or the server went away: polling goes on
			if (events && events.readyState === EventSource.CLOSED) {
				events = null;
			}
			else if (events && job && FINISHED.includes(job.status)) {
				stop();
			}
		});
	}

	return {
		refresh,
		dispose() {
			disposed = true;
			clearTimeout(pending);
			stop();
		}
	};
}
