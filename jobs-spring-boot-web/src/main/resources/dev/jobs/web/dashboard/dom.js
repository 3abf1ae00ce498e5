// Small DOM helpers: elements are built with properties and text nodes only (no HTML
// strings, no inline style), so that nothing from a job can become markup.

const SVG = 'http://www.w3.org/2000/svg';

function build(element, attrs, children) {
	for (const [key, value] of Object.entries(attrs || {})) {
		if (value === undefined || value === null || value === false) {
			continue;
		}
		if (key.startsWith('on') && typeof value === 'function') {
			element.addEventListener(key.slice(2).toLowerCase(), value);
		}
		else if (key === 'class') {
			element.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : value);
		}
		else if (key === 'value' && 'value' in element && !(element instanceof SVGElement)) {
			element.value = value;
		}
		else if (key === 'checked' || key === 'selected') {
			element[key] = Boolean(value);
		}
		else {
			element.setAttribute(key, value === true ? '' : String(value));
		}
	}
	append(element, children);
	return element;
}

function append(element, children) {
	for (const child of children) {
		if (child === undefined || child === null || child === false) {
			continue;
		}
		if (Array.isArray(child)) {
			append(element, child);
		}
		else if (child instanceof Node) {
			element.appendChild(child);
		}
		else {
			element.appendChild(document.createTextNode(String(child)));
		}
	}
}

/** An HTML element: h('a', { href: '#/' }, 'text', child, [more]). */
export function h(tag, attrs, ...children) {
	return build(document.createElement(tag), attrs, children);
}

/** An SVG element. */
export function s(tag, attrs, ...children) {
	return build(document.createElementNS(SVG, tag), attrs, children);
}

/**
 * Replaces the children of a container, keeping the focus on the element with the same
 * data-focus key, so that a refresh every few seconds does not throw a keyboard user out.
 */
export function patch(container, ...children) {
	const active = document.activeElement;
	const key = active && container.contains(active) ? (active.getAttribute('data-focus') || active.id || null) : null;
	const open = new Set([...container.querySelectorAll('details[open][data-focus]')]
		.map((details) => details.getAttribute('data-focus')));
	container.replaceChildren();
	append(container, children);
	for (const details of container.querySelectorAll('details[data-focus]')) {
		if (open.has(details.getAttribute('data-focus'))) {
			details.open = true;
		}
	}
	if (key) {
		const again = container.querySelector(`[data-focus="${CSS.escape(key)}"], [id="${CSS.escape(key)}"]`);
		if (again && !again.disabled) {
			again.focus();
		}
	}
}

export const STATUSES = ['WAITING', 'SCHEDULED', 'PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED'];

export const PRIORITIES = ['CRITICAL', 'HIGH', 'NORMAL', 'LOW'];

export function badge(status) {
	const text = String(status || 'unknown');
	return h('span', { class: `badge status-${text.toLowerCase()}` }, text);
}

export function shortId(id) {
	return id ? id.slice(0, 8) + '…' + id.slice(-4) : '';
}

export function formatDate(iso) {
	if (!iso) {
		return '';
	}
	const date = new Date(iso);
	return Number.isNaN(date.getTime()) ? String(iso) : date.toLocaleString();
}

export function relative(iso, now = Date.now()) {
	if (!iso) {
		return '';
	}
	const seconds = Math.round((Date.parse(iso) - now) / 1000);
	const size = Math.abs(seconds);
	let text;
	if (size < 5) {
		return 'now';
	}
	if (size < 90) {
		text = `${size} s`;
	}
	else if (size < 90 * 60) {
		text = `${Math.round(size / 60)} min`;
	}
	else if (size < 36 * 3600) {
		text = `${Math.round(size / 3600)} h`;
	}
	else {
		text = `${Math.round(size / 86400)} d`;
	}
	return seconds < 0 ? `${text} ago` : `in ${text}`;
}

/** A <time> element showing a relative time, with the full date as its tooltip. */
export function when(iso) {
	if (!iso) {
		return h('span', { class: 'muted' }, '—');
	}
	return h('time', { datetime: iso, title: formatDate(iso) }, relative(iso));
}

/** Milliseconds of an ISO-8601 duration such as PT0.111S or PT1H2M. */
export function durationMillis(iso) {
	const match = /^P(?:(\d+)D)?(?:T(?:(-?\d+)H)?(?:(-?\d+)M)?(?:(-?[\d.]+)S)?)?$/.exec(String(iso || ''));
	if (!match) {
		return null;
	}
	const [, d, hh, mm, ss] = match;
	return (((Number(d || 0) * 24 + Number(hh || 0)) * 60 + Number(mm || 0)) * 60 + Number(ss || 0)) * 1000;
}

export function formatDuration(iso) {
	const ms = durationMillis(iso);
	if (ms === null) {
		return iso ? String(iso) : '';
	}
	if (ms < 1000) {
		return `${Math.round(ms)} ms`;
	}
	if (ms < 60000) {
		return `${(ms / 1000).toFixed(ms < 10000 ? 2 : 1)} s`;
	}
	const minutes = Math.floor(ms / 60000);
	const seconds = Math.round((ms % 60000) / 1000);
	return minutes < 60 ? `${minutes} min ${seconds} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function json(value) {
	if (value === undefined || value === null) {
		return h('p', { class: 'muted' }, 'none');
	}
	const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
	return h('pre', { class: 'code', tabindex: '0' }, text);
}

/** A panel: a section with a heading, its id for aria-labelledby. */
export function panel(id, title, ...children) {
	return h('section', { class: 'panel', id, 'aria-labelledby': `${id}-title` },
		h('h2', { id: `${id}-title` }, title), ...children);
}

export function firstLine(text) {
	const line = String(text || '').split('\n')[0];
	return line.length > 160 ? line.slice(0, 157) + '…' : line;
}
