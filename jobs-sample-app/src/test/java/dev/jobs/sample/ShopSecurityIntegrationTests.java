package dev.jobs.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console sits behind the shop's form login; the shop's own routes stay open.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ShopSecurityIntegrationTests {

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void theConsolesApiAnswersAnAnonymousCallerWithAProblem() throws Exception {
		HttpResponse<String> response = get("/jobs/api/stats", "application/json");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void theDashboardSendsABrowserToTheLoginPage() throws Exception {
		HttpResponse<String> response = get("/jobs/", "text/html");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login"));
	}

	@Test
	void theDashboardsFilesAreServedWithAStrictContentSecurityPolicy() throws Exception {
		HttpResponse<String> response = get("/jobs/app.js", "*/*");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/javascript;charset=UTF-8");
		assertThat(response.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((policy) -> assertThat(policy).startsWith("default-src 'self'"));
		assertThat(response.headers().firstValue("ETag")).isPresent();
	}

	@Test
	void theShopsOwnJobRoutesStayOpenBesideTheDashboard() throws Exception {
		assertThat(get("/jobs/01900000-0000-7000-8000-000000000000", "application/json").statusCode()).isEqualTo(404);
		assertThat(get("/jobs/not-a-job-id", "application/json").statusCode()).isEqualTo(400);
	}

	private HttpResponse<String> get(String path, String accept) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", accept)
			.build();
		return this.client.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
