package dev.jobs.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

/**
 * Serves the dashboard: {@code {path}/} answers the dashboard's {@code index.html},
 * {@code {path}} redirects there, and {@code {path}/<file>} answers the files under
 * {@code classpath:/dev/jobs/web/dashboard/}. Only files that exist are mapped, and the
 * mapping runs before the application's controllers, so an application route such as
 * {@code /jobs/{id}} keeps working beside the dashboard. The files are read once, at
 * start-up; each answer carries a strong ETag (revalidated on every use, since the file
 * names carry no version), {@code Content-Security-Policy: default-src 'self'} and
 * {@code X-Content-Type-Options: nosniff}.
 */
final class ConsoleDashboardHandlerMapping extends AbstractHandlerMapping {

	static final String LOCATION = "classpath:/dev/jobs/web/dashboard/";

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

	private static final Map<String, String> CONTENT_TYPES = Map.of("html", "text/html;charset=UTF-8", "js",
			"text/javascript;charset=UTF-8", "css", "text/css;charset=UTF-8", "svg", "image/svg+xml", "png",
			"image/png", "ico", "image/x-icon", "json", "application/json");

	private final String path;

	private final Map<String, Asset> assets;

	ConsoleDashboardHandlerMapping(JobsWebProperties properties) {
		this.path = properties.getPath();
		this.assets = load();
		setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
	}

	@Override
	protected @Nullable Object getHandlerInternal(HttpServletRequest request) {
		HttpMethod method = HttpMethod.valueOf(request.getMethod());
		if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
			return null;
		}
		String lookupPath = initLookupPath(request);
		if (lookupPath.equals(this.path)) {
			return (HttpRequestHandler) this::redirectToSlash;
		}
		if (!lookupPath.startsWith(this.path + "/")) {
			return null;
		}
		String file = lookupPath.substring(this.path.length() + 1);
		Asset asset = this.assets.get(file.isEmpty() ? "index.html" : file);
		return (asset != null) ? (HttpRequestHandler) asset::serve : null;
	}

	private void redirectToSlash(HttpServletRequest request, HttpServletResponse response) {
		// relative, so that it holds under a context path and behind a proxy's prefix
		String location = this.path.substring(this.path.lastIndexOf('/') + 1) + "/";
		if (request.getQueryString() != null) {
			location += "?" + request.getQueryString();
		}
		response.setStatus(HttpStatus.FOUND.value());
		response.setHeader(HttpHeaders.LOCATION, location);
	}

	Map<String, Asset> assets() {
		return this.assets;
	}

	private static Map<String, Asset> load() {
		Map<String, Asset> assets = new LinkedHashMap<>();
		try {
			PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(
					ConsoleDashboardHandlerMapping.class.getClassLoader());
			String base = resolver.getResource(LOCATION).getURL().toString();
			for (Resource resource : resolver.getResources(LOCATION + "**/*.*")) {
				String url = resource.getURL().toString();
				if (!resource.isReadable() || !url.startsWith(base)) {
					continue;
				}
				String name = url.substring(base.length());
				String type = CONTENT_TYPES.get(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
				if (type != null) {
					try (InputStream in = resource.getInputStream()) {
						assets.put(name, new Asset(type, in.readAllBytes()));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the dashboard's files under " + LOCATION, ex);
		}
		return assets;
	}

	/**
	 * One file of the dashboard, held in memory.
	 *
	 * @param contentType its content type
	 * @param content its bytes
	 * @param etag its strong ETag, a hash of its bytes
	 */
	record Asset(String contentType, byte[] content, String etag) {

		Asset(String contentType, byte[] content) {
			this(contentType, content, etag(content));
		}

		void serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
			response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
			response.setHeader("X-Content-Type-Options", "nosniff");
			response.setHeader("Referrer-Policy", "same-origin");
			if (new ServletWebRequest(request, response).checkNotModified(this.etag)) {
				return;
			}
			response.setContentType(this.contentType);
			response.setContentLength(this.content.length);
			if (!HttpMethod.HEAD.matches(request.getMethod())) {
				response.getOutputStream().write(this.content);
			}
		}

		private static String etag(byte[] content) {
			try {
				byte[] hash = MessageDigest.getInstance("SHA-256").digest(content);
				return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
			}
			catch (NoSuchAlgorithmException ex) {
				return "\"" + Integer.toHexString(new String(content, StandardCharsets.ISO_8859_1).hashCode()) + "\"";
			}
		}

	}

}
