import { api, setCsrf, onCsrfRefresh } from './api.js';
import { h } from './dom.js';
import { state, toast } from './ui.js';
import { overview } from './overview.js';
import { jobList } from './joblist.js';
import { jobPage } from './jobpage.js';

const POLL_MILLIS = 5000;

let current = null;
let currentKey = null;
let timer = null;
let lastFailure = null;

function parseHash() {
	const hash = location.hash.startsWith('#/') ? location.hash.slice(1) : '/';
	const [path, query] = hash.split('?');
	const params = new URLSearchParams(query || '');
	const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
	if (parts[0] === 'jobs' && parts[1]) {
		return { key: `job:${parts[1]}`, nav: 'jobs', title: 'Job', create: (main) => jobPage(main, parts[1]) };
	}
	if (parts[0] === 'jobs') {
		return { key: 'jobs', nav: 'jobs', title: 'Jobs', params, create: (main) => jobList(main, params) };
	}
	return { key: 'overview', nav: 'overview', title: 'Overview', create: (main) => overview(main) };
}

function stamp() {
	document.getElementById('updated').textContent = `Updated ${new Date().toLocaleTimeString()}`;
}

async function refresh() {
	if (!current) {
		return;
	}
	try {
		await current.refresh();
		stamp();
		lastFailure = null;
	}
	catch (error) {
		// told once, not at every poll while the server stays away
		if (error.status !== 401 && error.message !== lastFailure) {
			toast(`Could not refresh: ${error.message}`, 'error');
		}
		lastFailure = error.message;
	}
}

async function route() {
	if (!location.hash.startsWith('#/') && location.hash !== '') {
		return;
	}
	const next = parseHash();
	if (current && next.key === currentKey && current.update) {
		await current.update(next.params);
		stamp();
		return;
	}
	if (current && current.dispose) {
		current.dispose();
	}
	const main = document.getElementById('main');
	currentKey = next.key;
	current = next.create(main);
	document.title = `${next.title} · Jobs`;
	for (const link of document.querySelectorAll('[data-nav]')) {
		if (link.dataset.nav === next.nav) {
			link.setAttribute('aria-current', 'page');
		}
		else {
			link.removeAttribute('aria-current');
		}
	}
	await refresh();
	// after a navigation (not the first load), the new page's heading takes the focus
	const heading = main.querySelector('h1');
	if (heading && route.moved) {
		heading.focus();
	}
	route.moved = true;
}

function schedule() {
	clearInterval(timer);
	timer = setInterval(() => {
		if (!document.hidden && document.getElementById('auto-refresh').checked && !document.getElementById('dialog').open) {
			refresh();
		}
	}, POLL_MILLIS);
}

async function loadMe() {
	const me = await api.get('me');
	state.me = me;
	setCsrf(me.csrf);
	return me;
}

function showMe(me) {
	const who = document.getElementById('who');
	who.replaceChildren(
		h('span', { class: 'who-name' }, me.name || 'anonymous'),
		h('span', { class: `badge ${me.canWrite ? 'status-active' : 'status-paused'}`, id: 'access-badge' }, me.canWrite ? 'can change jobs' : 'read-only'));
	document.body.classList.toggle('read-only', !me.canWrite);
}

function banner(...content) {
	const element = document.getElementById('banner');
	element.replaceChildren(...content);
	element.hidden = false;
}

async function start() {
	document.getElementById('skip-link').addEventListener('click', (event) => {
		event.preventDefault();
		document.getElementById('main').focus();
	});
	window.addEventListener('jobs:signed-out', () => banner('You are signed out. ', h('a', { href: './' }, 'Sign in again'), '.'));
	onCsrfRefresh(() => loadMe().catch(() => {}));
	state.refresh = refresh;
	try {
		showMe(await loadMe());
	}
	catch (error) {
		document.getElementById('main').replaceChildren(
			h('h1', { class: 'page-title' }, error.status === 401 ? 'Sign in to use the jobs console' : error.status === 403 ? 'Access denied' : 'The jobs console is not reachable'),
			h('p', {}, error.message),
			error.status === 401 ? h('p', {}, h('a', { href: './', class: 'button primary' }, 'Sign in')) : null);
		return;
	}
	window.addEventListener('hashchange', () => route());
	document.getElementById('auto-refresh').addEventListener('change', (event) => {
		if (event.target.checked) {
			refresh();
		}
	});
	document.addEventListener('visibilitychange', () => {
		if (!document.hidden) {
			refresh();
		}
	});
	await route();
	schedule();
}

start();
