import { api } from './api.js';
import { h, patch, panel, badge, when, STATUSES, durationMillis } from './dom.js';
import { throughputChart } from './chart.js';
import { writeButton, run, confirmDialog, formDialog } from './ui.js';

const enc = encodeURIComponent;

function countsPanel(stats, health) {
	const counts = (stats && stats.counts) || {};
	const tiles = STATUSES.filter((status) => status in counts || status !== 'WAITING').map((status) =>
		h('li', {},
			h('a', { class: `tile status-${status.toLowerCase()}`, href: `#/jobs?status=${status}`, 'data-focus': `count-${status}` },
				h('span', { class: 'tile-count' }, String(counts[status] || 0)), ' ',
				h('span', { class: 'tile-label' }, status.toLowerCase()))));
	return [
		h('div', { class: 'panel-head' },
			h('p', { class: 'muted' }, `${stats ? stats.total : 0} jobs in all`),
			health ? h('p', { class: 'health' }, 'Health: ', badge(health.status)) : null),
		h('ul', { class: 'tiles', 'aria-label': 'Jobs by status' }, tiles)
	];
}

function problemsPanel(problems) {
	if (!problems.length) {
		return h('p', { class: 'ok-note' }, 'No problems reported.');
	}
	return h('ul', { class: 'problems' }, problems.map((problem) =>
		h('li', { class: `problem kind-${String(problem.kind || '').toLowerCase()}` },
			h('strong', {}, String(problem.kind || 'problem').replaceAll('_', ' ').toLowerCase()),
			problem.subject ? h('span', { class: 'subject' }, ` ${problem.subject}`) : null,
			h('p', {}, problem.message || ''))));
}

function queueActions(queue) {
	const name = queue.name;
	const pause = queue.paused
		? writeButton('Resume', (b) => run(b, () => api.post(`queues/${enc(name)}/resume`), `Queue ${name} resumed`),
			{ focus: `queue-${name}-toggle` })
		: writeButton('Pause', (b) => run(b, () => api.post(`queues/${enc(name)}/pause`), `Queue ${name} paused`),
			{ focus: `queue-${name}-toggle` });
	pause.setAttribute('aria-label', `${queue.paused ? 'Resume' : 'Pause'} queue ${name}`);
	const drain = writeButton('Drain', async (b) => {
		if (await confirmDialog(`Drain queue ${name}?`, `Every scheduled, waiting and pending job of ${name} is cancelled.`, 'Drain', true)) {
			await run(b, () => api.post(`queues/${enc(name)}/drain`), (r) => `Queue ${name}: ${r && r.cancelled !== undefined ? r.cancelled : 'its'} jobs cancelled`);
		}
	}, { focus: `queue-${name}-drain`, kind: 'danger' });
	drain.setAttribute('aria-label', `Drain queue ${name}`);
	const clean = writeButton('Clean', async (b) => {
		const values = await formDialog(`Clean queue ${name}`, 'Delete finished jobs of this queue, with their history and logs.', [
			{ name: 'status', label: 'Status', value: 'COMPLETED', options: ['COMPLETED', 'FAILED', 'CANCELLED'] },
			{ name: 'grace', label: 'Older than (e.g. 24h, 30m)', value: '24h' },
			{ name: 'limit', label: 'At most', value: '1000', type: 'number', attrs: { min: 1 } }
		], 'Clean');
		if (values) {
			await run(b, () => api.post(`queues/${enc(name)}/clean`, { status: values.status, grace: values.grace, limit: Number(values.limit) }),
				(r) => `Queue ${name}: ${r ? r.deleted : 0} jobs deleted`);
		}
	}, { focus: `queue-${name}-clean` });
	clean.setAttribute('aria-label', `Clean queue ${name}`);
	return h('div', { class: 'actions' }, pause, drain, clean);
}

function queuesPanel(queues, fromStats) {
	if (!queues.length) {
		return h('p', { class: 'muted' }, 'No queues yet: a queue appears with its first job.');
	}
	const rows = queues.map((queue) => {
		const counts = queue.counts || {};
		return h('tr', { 'data-queue': queue.name },
			h('th', { scope: 'row' }, h('a', { href: `#/jobs?queue=${enc(queue.name)}` }, queue.name)),
			h('td', { 'data-label': 'State' }, queue.paused ? h('span', { class: 'badge status-paused' }, 'paused')
				: queue.pausedOnThisNode ? h('span', { class: 'badge status-paused', title: 'jobs.queues.<name>.paused on this node' }, 'paused here')
					: fromStats ? h('span', { class: 'muted' }, '—') : h('span', { class: 'badge status-active' }, 'active')),
			['PENDING', 'SCHEDULED', 'RUNNING', 'FAILED'].map((status) =>
				h('td', { 'data-label': status.toLowerCase(), class: 'num' }, String(counts[status] || 0))),
			h('td', { 'data-label': 'per min', class: 'num' }, fromStats ? '—' : Number(queue.completedPerMinute || 0).toFixed(1)),
			h('td', { 'data-label': 'limit', class: 'num' }, queue.concurrency == null ? '—' : String(queue.concurrency)),
			fromStats ? null : h('td', { class: 'actions-cell' }, queueActions(queue)));
	});
	return [
		h('div', { class: 'table-wrap' }, h('table', { class: 'table', id: 'queues-table' },
			h('caption', { class: 'visually-hidden' }, 'Queues'),
			h('thead', {}, h('tr', {},
				h('th', { scope: 'col' }, 'Queue'), h('th', { scope: 'col' }, 'State'),
				h('th', { scope: 'col', class: 'num' }, 'Pending'), h('th', { scope: 'col', class: 'num' }, 'Scheduled'),
				h('th', { scope: 'col', class: 'num' }, 'Running'), h('th', { scope: 'col', class: 'num' }, 'Failed'),
				h('th', { scope: 'col', class: 'num' }, 'Done/min'), h('th', { scope: 'col', class: 'num' }, 'Limit'),
				fromStats ? null : h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
			h('tbody', {}, rows))),
		fromStats ? h('p', { class: 'muted', id: 'queues-note' }, 'Queue control (pause, resume, drain, clean) needs a newer console API on this server.') : null
	];
}

function heartbeat(node) {
	const ms = durationMillis(node.heartbeatAge);
	if (ms === null) {
		return when(node.lastHeartbeat);
	}
	const seconds = Math.round(ms / 1000);
	// late in words too, not only in colour
	return h('span', { class: seconds > 60 ? 'warn' : '', title: node.lastHeartbeat }, `${seconds} s ago${seconds > 60 ? ', late' : ''}`);
}

function nodesPanel(nodes) {
	const runner = (node, start) => {
		const label = start ? 'Start' : 'Stop';
		const button = writeButton(label, (b) => run(b, () => api.post(`runner/${start ? 'start' : 'stop'}`, undefined, [['node', node.name]]),
			`Worker of ${node.name} ${start ? 'started' : 'stopped'}`), { focus: `node-${node.name}-runner` });
		button.setAttribute('aria-label', `${label} the worker of ${node.name}`);
		return button;
	};
	const all = (start) => writeButton(start ? 'Start all workers' : 'Stop all workers', async (b) => {
		if (start || await confirmDialog('Stop every worker?', 'No node starts jobs until the workers are started again, nodes that start later included.', 'Stop all', true)) {
			await run(b, () => api.post(`runner/${start ? 'start' : 'stop'}`), start ? 'Every worker started' : 'Every worker stopped');
		}
	}, { focus: `nodes-${start}`, kind: start ? '' : 'danger' });
	return [
		h('div', { class: 'table-wrap' }, h('table', { class: 'table', id: 'nodes-table' },
			h('caption', { class: 'visually-hidden' }, 'Nodes'),
			h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Node'), h('th', { scope: 'col' }, 'Worker'),
				h('th', { scope: 'col' }, 'Heartbeat'), h('th', { scope: 'col', class: 'num' }, 'Running'),
				h('th', { scope: 'col' }, 'Started'), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
			h('tbody', {}, nodes.map((node) => h('tr', {},
				h('th', { scope: 'row', class: 'mono' }, node.name),
				h('td', { 'data-label': 'Worker' }, h('span', { class: `badge ${node.workerRunning ? 'status-active' : 'status-paused'}` }, node.workerRunning ? 'running' : 'stopped')),
				h('td', { 'data-label': 'Heartbeat' }, heartbeat(node)),
				h('td', { 'data-label': 'Running', class: 'num' }, `${node.runningJobs}${node.concurrency != null ? ` / ${node.concurrency}` : ''}`),
				h('td', { 'data-label': 'Started' }, when(node.startedAt)),
				h('td', { class: 'actions-cell' }, runner(node, !node.workerRunning))))))),
		h('div', { class: 'actions' }, all(true), all(false))
	];
}

function recurringPanel(recurring) {
	if (!recurring.length) {
		return h('p', { class: 'muted' }, 'No recurring jobs.');
	}
	return h('div', { class: 'table-wrap' }, h('table', { class: 'table', id: 'recurring-table' },
		h('caption', { class: 'visually-hidden' }, 'Recurring jobs'),
		h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Schedule'),
			h('th', { scope: 'col' }, 'Next run'), h('th', { scope: 'col' }, 'Last run'), h('th', { scope: 'col' }, 'State'),
			h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
		h('tbody', {}, recurring.map((job) => {
			const name = job.name;
			const toggle = job.paused
				? writeButton('Resume', (b) => run(b, () => api.post(`recurring/${enc(name)}/resume`), `${name} resumed`), { focus: `rec-${name}-toggle` })
				: writeButton('Pause', (b) => run(b, () => api.post(`recurring/${enc(name)}/pause`), `${name} paused`), { focus: `rec-${name}-toggle` });
			toggle.setAttribute('aria-label', `${job.paused ? 'Resume' : 'Pause'} recurring job ${name}`);
			const trigger = writeButton('Run now', (b) => run(b, () => api.post(`recurring/${enc(name)}/trigger`), `${name} triggered`), { focus: `rec-${name}-trigger` });
			trigger.setAttribute('aria-label', `Run now: recurring job ${name}`);
			return h('tr', {},
				h('th', { scope: 'row' }, h('a', { href: `#/jobs?name=${enc(job.handler || name)}` }, name),
					job.handler && job.handler !== name ? h('div', { class: 'muted small' }, `runs ${job.handler}`) : null),
				h('td', { 'data-label': 'Schedule' }, h('code', {}, job.schedule), job.zone ? h('div', { class: 'muted small' }, job.zone) : null),
				h('td', { 'data-label': 'Next run' }, job.paused ? h('span', { class: 'muted' }, '—') : when(job.nextRunAt)),
				h('td', { 'data-label': 'Last run' }, when(job.lastRunAt)),
				h('td', { 'data-label': 'State' }, h('span', { class: `badge ${job.paused ? 'status-paused' : 'status-active'}` }, job.paused ? 'paused' : 'active')),
				h('td', { class: 'actions-cell' }, h('div', { class: 'actions' }, toggle, trigger)));
		}))));
}

function failedPart(promise) {
	return promise.catch((error) => ({ error }));
}

function errorNote(result) {
	return h('p', { class: 'error-note' }, `Could not load: ${result.error.message}`);
}

export function overview(main) {
	const regions = {};
	const section = (id, title, hidden) => {
		const body = h('div', { class: 'panel-body' });
		const element = panel(id, title, body);
		element.hidden = Boolean(hidden);
		regions[id] = { element, body };
		return element;
	};
	main.replaceChildren(
		h('h1', { tabindex: '-1', class: 'page-title' }, 'Overview'),
		h('div', { class: 'grid' },
			section('counts', 'Jobs by status'),
			section('throughput', 'Throughput, last hour', true),
			section('problems', 'Problems', true),
			section('queues', 'Queues'),
			section('nodes', 'Nodes', true),
			section('recurring', 'Recurring jobs')));

	const show = (id, content) => {
		regions[id].element.hidden = content === null;
		if (content !== null) {
			patch(regions[id].body, content);
		}
	};

	async function refresh() {
		const [stats, health, throughput, problems, queues, nodes, recurring] = await Promise.all([
			failedPart(api.get('stats')), failedPart(api.optional('health')),
			failedPart(api.optional('throughput', [['window', '1h']])), failedPart(api.optional('problems')),
			failedPart(api.optional('queues')), failedPart(api.optional('nodes')), failedPart(api.get('recurring'))]);
		show('counts', stats.error ? errorNote(stats) : countsPanel(stats, health && !health.error ? health : null));
		show('throughput', throughput === null ? null : throughput.error ? errorNote(throughput) : throughputChart(throughput.minutes, 60));
		show('problems', problems === null ? null : problems.error ? errorNote(problems) : problemsPanel(problems.problems || []));
		if (queues === null || (queues && queues.error && queues.error.status === 404)) {
			const fromStats = stats.error ? [] : Object.entries(stats.queues || {}).map(([name, counts]) => ({ name, counts }));
			show('queues', queuesPanel(fromStats, true));
		}
		else {
			show('queues', queues.error ? errorNote(queues) : queuesPanel(queues.queues || [], false));
		}
		show('nodes', nodes === null ? null : nodes.error ? errorNote(nodes) : nodesPanel(nodes.nodes || []));
		show('recurring', recurring.error ? errorNote(recurring) : recurringPanel(recurring.recurringJobs || []));
	}

	return { refresh };
}

