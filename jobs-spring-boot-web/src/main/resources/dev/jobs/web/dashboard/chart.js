import { s, h } from './dom.js';

const WIDTH = 640;
const HEIGHT = 180;
const LEFT = 40;
const RIGHT = 8;
const TOP = 10;
const BOTTOM = 24;

function niceMax(value) {
	if (value <= 4) {
		return 4;
	}
	const power = 10 ** Math.floor(Math.log10(value));
	for (const step of [1, 2, 2.5, 5, 10]) {
		if (value <= step * power) {
			return step * power;
		}
	}
	return 10 * power;
}

function hhmm(time) {
	return new Date(time).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/**
 * A bar chart of completed and failed attempts per minute over the window, stacked, all
 * queues together; inline SVG drawn here, styled by the stylesheet's classes.
 */
export function throughputChart(minutes, windowMinutes = 60, now = Date.now()) {
	const end = Math.floor(now / 60000) * 60000;
	const start = end - (windowMinutes - 1) * 60000;
	const buckets = Array.from({ length: windowMinutes }, (unused, i) => ({ time: start + i * 60000, completed: 0, failed: 0 }));
	for (const entry of minutes || []) {
		const index = Math.round((Date.parse(entry.minute) - start) / 60000);
		if (index >= 0 && index < windowMinutes) {
			buckets[index].completed += Number(entry.completed || 0);
			buckets[index].failed += Number(entry.failed || 0);
		}
	}
	const completed = buckets.reduce((sum, b) => sum + b.completed, 0);
	const failed = buckets.reduce((sum, b) => sum + b.failed, 0);
	const max = niceMax(Math.max(...buckets.map((b) => b.completed + b.failed), 0));
	const plotWidth = WIDTH - LEFT - RIGHT;
	const plotHeight = HEIGHT - TOP - BOTTOM;
	const slot = plotWidth / windowMinutes;
	const barWidth = Math.max(1, slot - 2);
	const y = (value) => TOP + plotHeight - (value / max) * plotHeight;
	const summary = `Attempts per minute over the last ${windowMinutes} minutes: ${completed} completed, ${failed} failed`;

	const grid = [0, max / 2, max].map((value) => [
		s('line', { class: 'chart-grid', x1: LEFT, x2: WIDTH - RIGHT, y1: y(value), y2: y(value) }),
		s('text', { class: 'chart-label', x: LEFT - 6, y: y(value) + 4, 'text-anchor': 'end' },
			Number.isInteger(value) ? String(value) : value.toFixed(1))
	]);
	const bars = buckets.map((b, i) => {
		const x = LEFT + i * slot + 1;
		const parts = [s('title', {}, `${hhmm(b.time)}: ${b.completed} completed, ${b.failed} failed`)];
		if (b.completed > 0) {
			parts.push(s('rect', { class: 'bar-completed', x, width: barWidth, y: y(b.completed), height: y(0) - y(b.completed) }));
		}
		if (b.failed > 0) {
			parts.push(s('rect', { class: 'bar-failed', x, width: barWidth, y: y(b.completed + b.failed), height: y(b.completed) - y(b.completed + b.failed) }));
		}
		// an invisible full-height target, so that every minute has its tooltip
		parts.push(s('rect', { class: 'bar-hit', x: LEFT + i * slot, width: slot, y: TOP, height: plotHeight }));
		return s('g', {}, parts);
	});
	const ticks = [0, Math.floor(windowMinutes / 2), windowMinutes - 1].map((i, n) => s('text', {
		class: 'chart-label', x: LEFT + i * slot + slot / 2, y: HEIGHT - 6,
		'text-anchor': n === 0 ? 'start' : n === 2 ? 'end' : 'middle'
	}, n === 2 ? 'now' : hhmm(buckets[i].time)));

	const svg = s('svg', {
		class: 'chart', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': summary,
		preserveAspectRatio: 'xMidYMid meet', focusable: 'false'
	}, grid, bars, ticks);
	return [
		h('figure', { class: 'chart-figure' }, svg,
			h('figcaption', { class: 'legend' },
				h('span', { class: 'legend-item completed' }, `${completed} completed`),
				h('span', { class: 'legend-item failed' }, `${failed} failed`),
				h('span', { class: 'muted' }, `per minute, last ${windowMinutes} min`))),
		minuteTable(buckets)
	];
}

/**
 * The chart's figures as a table, for the keyboard and screen readers (a bar's tooltip
 * needs a mouse): the minutes that had attempts, behind a disclosure.
 */
function minuteTable(buckets) {
	const busy = buckets.filter((b) => b.completed + b.failed > 0);
	return h('details', { class: 'chart-table', 'data-focus': 'throughput-table' },
		h('summary', {}, 'Attempts per minute as a table'),
		busy.length === 0 ? h('p', { class: 'muted' }, 'No attempts in this window.')
			: h('div', { class: 'table-wrap' }, h('table', { class: 'table', id: 'throughput-table' },
				h('caption', { class: 'visually-hidden' }, 'Attempts per minute'),
				h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Minute'),
					h('th', { scope: 'col', class: 'num' }, 'Completed'), h('th', { scope: 'col', class: 'num' }, 'Failed'))),
				h('tbody', {}, busy.map((b) => h('tr', {},
					h('th', { scope: 'row' }, h('time', { datetime: new Date(b.time).toISOString() }, hhmm(b.time))),
					h('td', { 'data-label': 'Completed', class: 'num' }, String(b.completed)),
					h('td', { 'data-label': 'Failed', class: 'num' }, String(b.failed))))))));
}
