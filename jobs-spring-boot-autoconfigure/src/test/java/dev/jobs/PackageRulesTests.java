package dev.jobs;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.springframework.boot.convert.DurationStyle;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules of the main classes: the public API stands on its own, the engine and
 * the worker do not reach into the JDBC store, the engine does not know the worker,
 * Spring Boot is known only where Boot is wired, and no two packages depend on each
 * other.
 */
@AnalyzeClasses(packages = "dev.jobs", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageRulesTests {

	private static final String[] API = { "dev.jobs", "dev.jobs.event" };

	@ArchTest
	static final ArchRule apiDoesNotDependOnInternals = noClasses().that()
		.resideInAnyPackage(API)
		.should()
		.dependOnClassesThat(resideInAPackage("dev.jobs..").and(not(resideInAnyPackage(API))))
		.as("the public API (dev.jobs, dev.jobs.event) does not depend on any other dev.jobs package");

	@ArchTest
	static final ArchRule engineDoesNotDependOnTheJdbcStore = noClasses().that()
		.resideInAnyPackage("dev.jobs.engine..", "dev.jobs.worker..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("dev.jobs.store.jdbc..")
		.as("the engine and the worker reach the store through dev.jobs.store only, never dev.jobs.store.jdbc");

	// the worker builds on the engine (its settings, listeners and job factory); the
	// engine wakes the worker through WorkerSignals only
	@ArchTest
	static final ArchRule engineDoesNotDependOnTheWorker = noClasses().that()
		.resideInAPackage("dev.jobs.engine..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("dev.jobs.worker..")
		.as("the engine does not depend on the worker (dev.jobs.worker)");

	// DurationStyle is the contract's way to read duration strings, in annotations as
	// in properties, so the annotation processors in handler and recurring use it too.
	// actuate and health are Boot components by nature; the two rules below hold each
	// to its own part of Boot
	@ArchTest
	static final ArchRule bootOnlyInTheAutoConfiguration = noClasses().that()
		.resideOutsideOfPackages("dev.jobs.autoconfigure..", "dev.jobs.actuate..", "dev.jobs.health..")
		.should()
		.dependOnClassesThat(
				resideInAPackage("org.springframework.boot..").and(not(belongToAnyOf(DurationStyle.class))))
		.as("no class outside dev.jobs.autoconfigure.., dev.jobs.actuate.. and dev.jobs.health.. depends on"
				+ " Spring Boot (DurationStyle aside)");

	// the endpoint is an actuator endpoint: it is built of actuator's endpoint types,
	// and of nothing else from Boot
	@ArchTest
	static final ArchRule endpointUsesOnlyActuatorEndpointTypes = noClasses().that()
		.resideInAPackage("dev.jobs.actuate..")
		.should()
		.dependOnClassesThat(resideInAPackage("org.springframework.boot..")
			.and(not(resideInAPackage("org.springframework.boot.actuate.endpoint.."))))
		.as("dev.jobs.actuate.. uses Spring Boot's actuator endpoint types only");

	// the health indicator is a Boot health contributor, and uses nothing else of Boot
	@ArchTest
	static final ArchRule healthUsesOnlyHealthContributorTypes = noClasses().that()
		.resideInAPackage("dev.jobs.health..")
		.should()
		.dependOnClassesThat(resideInAPackage("org.springframework.boot..")
			.and(not(resideInAPackage("org.springframework.boot.health.contributor.."))))
		.as("dev.jobs.health.. uses Spring Boot's health contributor types only");

	// one slice per package, so that a parent and its subpackage (store and store.jdbc)
	// may not depend on each other either
	@ArchTest
	static final ArchRule noPackageCycles = slices().matching("dev.jobs.(**)").should().beFreeOfCycles();

}
