// The console's JSON API, relative to the dashboard's own URL ({path}/ -> {path}/api/),
// so that it works under a servlet context path and behind a proxy's prefix.
export const apiBase = new URL('api/', document.baseURI);

let csrf = null;

export function setCsrf(value) {
	csrf = value || null;
}

export class ApiError extends Error {
	constructor(status, problem) {
		super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
		this.status = status;
		this.problem = problem;
	}
}

export function apiUrl(path, params) {
	const url = new URL(path, apiBase);
	if (params) {
		for (const [key, value] of params) {
			if (value !== undefined && value !== null && value !== '') {
				url.searchParams.append(key, value);
			}
		}
	}
	return url;
}

async function request(method, path, { params, body, optional, retried } = {}) {
	const headers = { Accept: 'application/json, application/problem+json' };
	if (body !== undefined) {
		headers['Content-Type'] = 'application/json';
	}
	if (method !== 'GET' && csrf) {
		headers[csrf.headerName] = csrf.token;
	}
	const response = await fetch(apiUrl(path, params), {
		method,
		headers,
		body: body === undefined ? undefined : JSON.stringify(body),
		credentials: 'same-origin',
		cache: 'no-store',
		redirect: 'manual'
	});
	if (optional && response.status === 404) {
		return null;
	}
	if (response.status === 401 || response.type === 'opaqueredirect') {
		window.dispatchEvent(new CustomEvent('jobs:signed-out'));
	}
	if (!response.ok) {
		let problem = null;
		try {
			problem = await response.json();
		}
		catch (ignored) {
			// not JSON
		}
		// a CSRF token that changed (a new session): fetch it again and try once more
		if (response.status === 403 && method !== 'GET' && !retried && csrfRefresher) {
			const before = csrf && csrf.token;
			await csrfRefresher();
			if (csrf && csrf.token !== before) {
				return request(method, path, { params, body, optional, retried: true });
			}
		}
		throw new ApiError(response.status, problem);
	}
	const text = await response.text();
	return text ? JSON.parse(text) : null;
}

let csrfRefresher = null;

export function onCsrfRefresh(refresher) {
	csrfRefresher = refresher;
}

export const api = {
	get: (path, params) => request('GET', path, { params }),
	/** A route that may not exist on this server: null when it answers 404. */
	optional: (path, params) => request('GET', path, { params, optional: true }),
	post: (path, body, params) => request('POST', path, { body, params }),
	put: (path, body) => request('PUT', path, { body }),
	del: (path, params) => request('DELETE', path, { params })
};

export function jobPath(id, suffix = '') {
	return `jobs/${encodeURIComponent(id)}${suffix}`;
}
