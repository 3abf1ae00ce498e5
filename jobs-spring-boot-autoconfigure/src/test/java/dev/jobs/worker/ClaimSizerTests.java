package dev.jobs.worker;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ClaimSizer}: a claim asks for the free slots, plus a reserve of held
 * jobs while claims come back full and jobs end quickly, sized by the rate at which they
 * end, at most {@link ClaimSizer#MAX_HELD}, and none once a claim comes back short or
 * jobs end slowly.
 */
class ClaimSizerTests {

	private static final long LOOK_AHEAD_NANOS = 50_000_000L;

	@Test
	void firstClaimAsksForTheFreeSlotsOnly() {
		ClaimSizer sizer = new ClaimSizer();
		assertThat(sizer.size(4, 0)).isEqualTo(4);
		assertThat(sizer.size(1, 0)).isOne();
	}

	@Test
	void nodeWithoutFreeSlotsOrReserveClaimsNothing() {
		ClaimSizer sizer = new ClaimSizer();
		assertThat(sizer.size(0, 0)).isZero();
	}

	@Test
	void heldJobsWithoutAReserveStopTheClaim() {
		ClaimSizer sizer = new ClaimSizer();
		assertThat(sizer.size(4, 1)).isZero();
		assertThat(sizer.size(0, 3)).isZero();
	}

	@Test
	void fullClaimsWhileJobsEndQuicklyHoldAReserveOfAtMostTheMaximum() {
		ClaimSizer sizer = new ClaimSizer();
		sizer.claimed(4, 4, 1_000_000);
		assertThat(sizer.size(4, 0)).isEqualTo(4 + ClaimSizer.MAX_HELD);
		assertThat(sizer.size(0, 0)).isEqualTo(ClaimSizer.MAX_HELD);
	}

	@Test
	void reserveIsToppedUpUntilHalfOfItIsHeld() {
		ClaimSizer sizer = new ClaimSizer();
		sizer.claimed(4, 4, 1_000_000);
		int half = ClaimSizer.MAX_HELD / 2;
		assertThat(sizer.size(4, half - 1)).isEqualTo(4 + ClaimSizer.MAX_HELD - (half - 1));
		assertThat(sizer.size(4, half)).isZero();
		assertThat(sizer.size(4, ClaimSizer.MAX_HELD)).isZero();
		assertThat(sizer.size(0, 1)).isEqualTo(ClaimSizer.MAX_HELD - 1);
	}

	@Test
	void claimThatComesBackShortDropsTheReserve() {
		ClaimSizer sizer = new ClaimSizer();
		sizer.claimed(4, 4, 1_000_000);
		sizer.claimed(4 + ClaimSizer.MAX_HELD, 3, 2_000_000);
		assertThat(sizer.size(4, 0)).isEqualTo(4);
		assertThat(sizer.size(4, 1)).isZero();
	}

	@Test
	void fullClaimsWhileNoJobEndsHoldNoReserve() {
		ClaimSizer sizer = new ClaimSizer();
		sizer.claimed(4, 4, 0);
		assertThat(sizer.size(4, 0)).isEqualTo(4);
	}

	@Test
	void reserveCountsOnlyTheJobsEndedSinceTheLastClaim() throws InterruptedException {
		ClaimSizer sizer = new ClaimSizer();
		sizer.claimed(4, 4, 1_000_000);
		Thread.sleep(20);
		sizer.claimed(4 + ClaimSizer.MAX_HELD, 4 + ClaimSizer.MAX_HELD, 1_000_000);
		assertThat(sizer.size(4, 0)).isEqualTo(4);
	}

	@Test
	void reserveIsWhatTheNodeEndsInTheLookAheadTimeAtItsRate() throws InterruptedException {
		long beforeCreated = System.nanoTime();
		ClaimSizer sizer = new ClaimSizer();
		long afterCreated = System.nanoTime();
		Thread.sleep(100);
		long beforeClaim = System.nanoTime();
		sizer.claimed(2, 2, 20);
		long afterClaim = System.nanoTime();
		long fewest = Math.round(20.0 * LOOK_AHEAD_NANOS / (afterClaim - beforeCreated));
		long most = Math.round(20.0 * LOOK_AHEAD_NANOS / (beforeClaim - afterCreated));
		assertThat(most).isLessThanOrEqualTo(10);
		assertThat((long) sizer.size(0, 0)).isBetween(fewest, most);
		assertThat((long) sizer.size(2, 0) - 2).isBetween(fewest, most);
	}

	@Test
	void jobsThatEndSlowlyGetNoReserve() throws InterruptedException {
		ClaimSizer sizer = new ClaimSizer();
		Thread.sleep(200);
		sizer.claimed(2, 2, 1);
		assertThat(sizer.size(2, 0)).isEqualTo(2);
	}

}
