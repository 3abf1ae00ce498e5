package dev.jobs.faults.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application that the fault suite starts as separate node processes: the starter,
 * one sleeping handler that records each run in a table of its own, and a few HTTP
 * operations the tests drive it with.
 */
@SpringBootApplication
public class FaultTestApplication {

	public static void main(String[] args) {
		SpringApplication.run(FaultTestApplication.class, args);
	}

}
