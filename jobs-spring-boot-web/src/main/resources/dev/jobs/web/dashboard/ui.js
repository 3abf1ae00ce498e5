import { h } from './dom.js';

/** What the dashboard knows of its caller and of the server's routes. */
export const state = {
	me: { name: null, canWrite: false, csrf: null },
	refresh: () => {}
};

export function canWrite() {
	return Boolean(state.me && state.me.canWrite);
}

export function announce(text) {
	const announcer = document.getElementById('announcer');
	announcer.textContent = '';
	// a new text node after a tick, so that screen readers announce a repeated message too
	setTimeout(() => { announcer.textContent = text; }, 50);
}

/** A message shown for a few seconds, and told to screen readers by the one polite live region. */
export function toast(message, kind = 'info') {
	const toasts = document.getElementById('toasts');
	const item = h('div', { class: `toast ${kind}` }, message);
	toasts.appendChild(item);
	announce(message);
	setTimeout(() => item.remove(), kind === 'error' ? 9000 : 4000);
}

function openDialog(title, body, okLabel, danger) {
	const dialog = document.getElementById('dialog');
	document.getElementById('dialog-title').textContent = title;
	document.getElementById('dialog-body').replaceChildren(...body);
	const ok = document.getElementById('dialog-ok');
	const cancel = document.getElementById('dialog-cancel');
	ok.textContent = okLabel;
	ok.classList.toggle('danger', Boolean(danger));
	ok.classList.toggle('primary', !danger);
	const opener = document.activeElement;
	dialog.returnValue = '';
	return new Promise((resolve) => {
		dialog.addEventListener('close', () => {
			if (opener && opener.isConnected) {
				opener.focus();
			}
			resolve(dialog.returnValue === 'ok');
		}, { once: true });
		dialog.showModal();
		// a field first; else Cancel when the action destroys, so that Enter does no harm
		const first = dialog.querySelector('#dialog-body input, #dialog-body select');
		(first || (danger ? cancel : ok)).focus();
	});
}

export function confirmDialog(title, text, okLabel = 'OK', danger = false) {
	return openDialog(title, [h('p', {}, text)], okLabel, danger);
}

/**
 * A dialog with form fields: [{ name, label, value, type, options }]; resolves to the
 * values by name, or null when cancelled.
 */
export async function formDialog(title, text, fields, okLabel) {
	const inputs = fields.map((field) => {
		const id = `dialog-field-${field.name}`;
		const input = field.options
			? h('select', { id, name: field.name }, field.options.map((option) => h('option', { value: option, selected: option === field.value }, option)))
			: h('input', { id, name: field.name, type: field.type || 'text', value: field.value, required: true, ...(field.attrs || {}) });
		return { field, input, row: h('div', { class: 'field' }, h('label', { for: id }, field.label), input) };
	});
	const ok = await openDialog(title, [text ? h('p', {}, text) : null, ...inputs.map((i) => i.row)].filter(Boolean), okLabel);
	if (!ok) {
		return null;
	}
	return Object.fromEntries(inputs.map(({ field, input }) => [field.name, input.value]));
}

/**
 * Runs a write from a button: the button is busy meanwhile, the outcome is told in a
 * toast and to screen readers, and the current view refreshes.
 */
export async function run(button, action, done) {
	if (button) {
		button.disabled = true;
		button.setAttribute('aria-busy', 'true');
	}
	try {
		const result = await action();
		const message = typeof done === 'function' ? done(result) : done;
		if (message) {
			toast(message, 'success');
		}
	}
	catch (error) {
		// the word, not only the toast's red edge, says that it failed
		toast(`Failed: ${error.message || error}`, 'error');
	}
	finally {
		if (button) {
			button.removeAttribute('aria-busy');
			button.disabled = false;
		}
		const key = button && button.getAttribute('data-focus');
		await state.refresh();
		refocus(key);
	}
}

/**
 * A busy button is disabled, so the browser moves the focus to the page: it goes back to
 * the button with the same data-focus key once the view is drawn again, if that is enabled.
 */
function refocus(key) {
	const active = document.activeElement;
	if (!key || (active && active !== document.body)) {
		return;
	}
	const again = document.querySelector(`[data-focus="${CSS.escape(key)}"]`);
	if (again && !again.disabled) {
		again.focus();
	}
}

/** A button for a write: disabled when the caller may not write, or when not applicable. */
export function writeButton(label, onClick, { enabled = true, focus, kind, title, describedBy } = {}) {
	const allowed = canWrite();
	const button = h('button', {
		type: 'button',
		class: ['button', kind],
		'data-focus': focus,
		'data-write': 'true',
		title: !allowed ? 'Your account may not change jobs' : title,
		'aria-describedby': describedBy
	}, label);
	button.disabled = !allowed || !enabled;
	button.addEventListener('click', () => onClick(button));
	return button;
}
