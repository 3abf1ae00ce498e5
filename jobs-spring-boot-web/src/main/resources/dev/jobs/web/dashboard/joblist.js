import { api } from './api.js';
import { h, patch, badge, when, shortId, firstLine, STATUSES, PRIORITIES } from './dom.js';
import { writeButton, run, confirmDialog, announce } from './ui.js';

const SORTS = [['createdAt', 'Created'], ['runAt', 'Due'], ['finishedAt', 'Finished'], ['priority', 'Priority']];
const LIMITS = ['25', '50', '100', '200'];

/** The list's filters, as the hash holds them: #/jobs?status=FAILED&queue=mail */
export function readFilters(params) {
	return {
		status: params.getAll('status').map((s) => s.toUpperCase()),
		priority: params.getAll('priority').map((p) => p.toUpperCase()),
		name: params.get('name') || '',
		queue: params.get('queue') || '',
		search: params.get('search') || '',
		sort: params.get('sort') || 'createdAt',
		order: params.get('order') || 'desc',
		offset: Math.max(0, Number(params.get('offset') || 0)),
		limit: LIMITS.includes(params.get('limit')) ? params.get('limit') : '25'
	};
}

function toParams(filters) {
	const pairs = [];
	filters.status.forEach((status) => pairs.push(['status', status]));
	filters.priority.forEach((priority) => pairs.push(['priority', priority]));
	for (const key of ['name', 'queue', 'search']) {
		if (filters[key]) {
			pairs.push([key, filters[key]]);
		}
	}
	if (filters.sort !== 'createdAt') {
		pairs.push(['sort', filters.sort]);
	}
	if (filters.order !== 'desc') {
		pairs.push(['order', filters.order]);
	}
	if (filters.offset) {
		pairs.push(['offset', String(filters.offset)]);
	}
	if (filters.limit !== '25') {
		pairs.push(['limit', filters.limit]);
	}
	return pairs;
}

function checkboxGroup(legend, name, values, chosen) {
	return h('fieldset', { class: 'checks' }, h('legend', {}, legend),
		values.map((value) => h('label', { class: 'check', for: `filter-${name}-${value}` },
			h('input', { type: 'checkbox', name, value, id: `filter-${name}-${value}`, checked: chosen.includes(value) }), value.toLowerCase())));
}

function field(id, label, control) {
	return h('div', { class: 'field' }, h('label', { for: id }, label), control);
}

export function jobList(main, params) {
	let filters = readFilters(params);
	let queues = [];
	// not a live region: the table is drawn again at every refresh; the count is announced
	// when the filters change
	const results = h('div', { id: 'job-results', 'aria-busy': 'true' });
	const summary = h('p', { class: 'muted', id: 'job-count' });
	const form = h('form', { class: 'filters', id: 'job-filters', role: 'search', 'aria-label': 'Filter jobs' });
	const retryAll = h('div', { class: 'list-actions' });
	let lastError = null;

	function renderForm() {
		const queueOptions = [...new Set([...queues, filters.queue].filter(Boolean))].sort();
		patch(form,
			checkboxGroup('Status', 'status', STATUSES, filters.status),
			checkboxGroup('Priority', 'priority', PRIORITIES, filters.priority),
			h('div', { class: 'filter-fields' },
				field('filter-name', 'Name', h('input', { id: 'filter-name', name: 'name', value: filters.name, autocomplete: 'off', placeholder: 'send-email' })),
				field('filter-queue', 'Queue', h('select', { id: 'filter-queue', name: 'queue' },
					h('option', { value: '' }, 'all queues'),
					queueOptions.map((queue) => h('option', { value: queue, selected: queue === filters.queue }, queue)))),
				field('filter-search', 'Search', h('input', { id: 'filter-search', name: 'search', type: 'search', value: filters.search, placeholder: 'id, name or unique key' })),
				field('filter-sort', 'Sort by', h('select', { id: 'filter-sort', name: 'sort' },
					SORTS.map(([value, label]) => h('option', { value, selected: value === filters.sort }, label)))),
				field('filter-order', 'Order', h('select', { id: 'filter-order', name: 'order' },
					h('option', { value: 'desc', selected: filters.order === 'desc' }, 'newest first'),
					h('option', { value: 'asc', selected: filters.order === 'asc' }, 'oldest first'))),
				field('filter-limit', 'Per page', h('select', { id: 'filter-limit', name: 'limit' },
					LIMITS.map((limit) => h('option', { value: limit, selected: limit === filters.limit }, limit))))),
			h('div', { class: 'filter-buttons' },
				h('button', { type: 'submit', class: 'button primary' }, 'Apply'),
				h('button', { type: 'button', class: 'button', id: 'filter-reset', onclick: () => go({ ...readFilters(new URLSearchParams()) }) }, 'Reset')));
	}

	function fromForm() {
		const data = new FormData(form);
		return {
			status: data.getAll('status'), priority: data.getAll('priority'),
			name: String(data.get('name') || '').trim(), queue: String(data.get('queue') || ''),
			search: String(data.get('search') || '').trim(),
			sort: String(data.get('sort')), order: String(data.get('order')), offset: 0, limit: String(data.get('limit'))
		};
	}

	function go(next) {
		const query = new URLSearchParams(toParams(next)).toString();
		location.hash = `#/jobs${query ? `?${query}` : ''}`;
	}

	form.addEventListener('submit', (event) => {
		event.preventDefault();
		go(fromForm());
	});
	form.addEventListener('change', (event) => {
		if (event.target.type !== 'text' && event.target.type !== 'search') {
			go(fromForm());
		}
	});

	function renderRetryAll() {
		const described = filters.name || filters.queue
			? `failed jobs${filters.name ? ` named ${filters.name}` : ''}${filters.queue ? ` in queue ${filters.queue}` : ''}` : 'every failed job';
		patch(retryAll, writeButton('Retry all failed', async (button) => {
			if (await confirmDialog('Retry failed jobs?', `Retry ${described}? Each goes back to pending with a fresh attempt budget.`, 'Retry all')) {
				const body = {};
				if (filters.name) {
					body.name = filters.name;
				}
				if (filters.queue) {
					body.queue = filters.queue;
				}
				await run(button, () => api.post('jobs/retry', body), (result) => `${result ? result.retried : 0} jobs retried`);
			}
		}, { focus: 'retry-all', title: `Retry ${described}` }));
	}

	function rows(jobs) {
		return jobs.map((job) => h('tr', { 'data-job-id': job.id, 'data-status': job.status },
			h('td', { 'data-label': 'Job' }, h('a', { href: `#/jobs/${encodeURIComponent(job.id)}`, class: 'mono', 'data-focus': `job-${job.id}`, title: job.id },
				h('span', { class: 'visually-hidden' }, `Job ${job.name} `), shortId(job.id))),
			h('td', { 'data-label': 'Name' }, job.name),
			h('td', { 'data-label': 'Queue' }, job.queue),
			h('td', { 'data-label': 'Status' }, badge(job.status),
				job.status === 'RUNNING' && job.progress ? h('span', { class: 'muted small' }, ` ${job.progress}%`) : null),
			h('td', { 'data-label': 'Priority' }, job.priority.toLowerCase()),
			h('td', { 'data-label': 'Attempts', class: 'num' }, `${job.attempts}/${job.maxAttempts}`),
			h('td', { 'data-label': 'Created' }, when(job.createdAt)),
			h('td', { 'data-label': job.finishedAt ? 'Finished' : 'Due' }, when(job.finishedAt || job.runAt)),
			h('td', { 'data-label': 'Error', class: 'error-cell' }, job.error ? h('span', { title: job.error }, firstLine(job.error)) : '')));
	}

	function pager(page) {
		const offset = Number(page.offset);
		const limit = Number(page.limit);
		const from = page.total === 0 ? 0 : offset + 1;
		const to = Math.min(offset + limit, page.total);
		const of = page.totalExact === false ? `more than ${page.total}` : `${page.total}`;
		return h('nav', { class: 'pager', 'aria-label': 'Pages' },
			h('button', { type: 'button', class: 'button', 'data-focus': 'prev', disabled: offset <= 0,
				onclick: () => go({ ...filters, offset: Math.max(0, offset - limit) }) }, h('span', { 'aria-hidden': 'true' }, '←'), ' Previous'),
			h('span', {}, `${from}–${to} of ${of}`),
			h('button', { type: 'button', class: 'button', 'data-focus': 'next', disabled: to >= page.total && page.totalExact !== false,
				onclick: () => go({ ...filters, offset: offset + limit }) }, 'Next ', h('span', { 'aria-hidden': 'true' }, '→')));
	}

	// the queue names of the filter come from the counts, read once: on a large table
	// they cost more than the page itself
	async function loadQueues() {
		const stats = await api.get('stats').catch(() => null);
		const known = stats ? Object.keys(stats.queues || {}) : [];
		if (known.join() !== queues.join()) {
			queues = known;
			renderForm();
		}
	}

	async function refresh() {
		const page = await api.get('jobs', toParams(filters).filter(([key]) => key !== 'limit').concat([['limit', filters.limit]]))
			.catch((error) => ({ error }));
		results.setAttribute('aria-busy', 'false');
		if (page.error) {
			const message = `Could not list jobs: ${page.error.message}`;
			patch(results, h('p', { class: 'error-note' }, message));
			summary.textContent = '';
			if (message !== lastError) {
				announce(message);
			}
			lastError = message;
			return;
		}
		lastError = null;
		summary.textContent = page.totalExact === false ? `More than ${page.total} jobs match`
			: `${page.total} ${page.total === 1 ? 'job' : 'jobs'} match`;
		if (!page.jobs.length) {
			patch(results, h('p', { class: 'empty' }, 'No jobs match these filters.'));
			return;
		}
		patch(results,
			h('div', { class: 'table-wrap' }, h('table', { class: 'table jobs-table', id: 'jobs-table' },
				h('caption', { class: 'visually-hidden' }, 'Jobs'),
				h('thead', {}, h('tr', {}, ['Job', 'Name', 'Queue', 'Status', 'Priority', 'Attempts', 'Created', 'Finished / due', 'Error']
					.map((title) => h('th', { scope: 'col', class: title === 'Attempts' ? 'num' : '' }, title)))),
				h('tbody', {}, rows(page.jobs)))),
			pager(page));
	}

	async function update(nextParams) {
		filters = readFilters(nextParams);
		renderForm();
		renderRetryAll();
		await refresh();
		if (summary.textContent) {
			announce(summary.textContent);
		}
	}

	main.replaceChildren(
		h('h1', { tabindex: '-1', class: 'page-title' }, 'Jobs'),
		h('details', { class: 'panel filters-panel', open: window.matchMedia('(min-width: 700px)').matches },
			h('summary', {}, 'Filters'), form),
		h('div', { class: 'list-head' }, summary, retryAll),
		results);
	renderForm();
	renderRetryAll();
	loadQueues();
	return { refresh, update };
}
