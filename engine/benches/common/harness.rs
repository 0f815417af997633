//! A small measuring loop, the same natively and in wasm: the caller gives
//! the clock (milliseconds, like `performance.now()`).
//!
//! Per case: warm up for [`WARM_UP_MS`] (which also estimates one run's
//! time), pick a batch size so that one timed sample lasts at least
//! [`MIN_SAMPLE_MS`] (timer resolution and the clock call then do not
//! matter; for runs longer than that a batch is one run), then take samples
//! until [`BUDGET_MS`] have passed. Inputs are prepared and outputs dropped
//! outside the timed part. Reported per run: median, 95th percentile and
//! minimum of the samples (each sample divided by its batch size).

/// Warm-up time per case.
pub const WARM_UP_MS: f64 = 300.0;
/// Measuring time per case.
pub const BUDGET_MS: f64 = 1_500.0;
/// Shortest timed sample.
pub const MIN_SAMPLE_MS: f64 = 0.05;
/// Fewest samples, even when a run is slower than the budget allows.
const MIN_SAMPLES: usize = 10;

/// A clock in milliseconds from any fixed origin.
pub type Clock<'a> = &'a dyn Fn() -> f64;

/// The measurement of one case.
#[derive(Clone, Debug)]
pub struct Stats {
    /// Case name.
    pub name: String,
    /// The goal, in µs per run, if the issue sets one.
    pub goal_us: Option<f64>,
    /// Median µs per run.
    pub median_us: f64,
    /// 95th percentile µs per run.
    pub p95_us: f64,
    /// Fastest µs per run.
    pub min_us: f64,
    /// Timed samples.
    pub samples: usize,
    /// Runs per sample.
    pub batch: usize,
}

/// Measures `run` on inputs made by `setup` (not timed).
pub fn measure<I, O>(
    name: &str,
    goal_us: Option<f64>,
    clock: Clock,
    mut setup: impl FnMut() -> I,
    mut run: impl FnMut(I) -> O,
) -> Stats {
    // Warm up, and estimate the time of one run.
    let (mut runs, mut timed) = (0usize, 0.0f64);
    let start = clock();
    while runs < 3 || clock() - start < WARM_UP_MS {
        let input = setup();
        let t = clock();
        let output = run(input);
        timed += clock() - t;
        drop(output);
        runs += 1;
    }
    let per_run = (timed / runs as f64).max(1e-6);
    let batch = ((MIN_SAMPLE_MS / per_run).ceil() as usize).clamp(1, 100_000);
    let mut per_run_us: Vec<f64> = Vec::new();
    let mut inputs = Vec::with_capacity(batch);
    let mut outputs = Vec::with_capacity(batch);
    let start = clock();
    while per_run_us.len() < MIN_SAMPLES || clock() - start < BUDGET_MS {
        inputs.extend((0..batch).map(|_| setup()));
        let t = clock();
        for input in inputs.drain(..) {
            outputs.push(run(input));
        }
        let elapsed = clock() - t;
        outputs.clear();
        per_run_us.push(elapsed * 1_000.0 / batch as f64);
    }
    per_run_us.sort_by(f64::total_cmp);
    let at = |q: f64| per_run_us[((per_run_us.len() as f64 * q).ceil() as usize).max(1) - 1];
    Stats {
        name: name.to_owned(),
        goal_us,
        median_us: at(0.5),
        p95_us: at(0.95),
        min_us: per_run_us[0],
        samples: per_run_us.len(),
        batch,
    }
}

/// Measures `run`, which needs no prepared input.
pub fn time<O>(
    name: &str,
    goal_us: Option<f64>,
    clock: Clock,
    mut run: impl FnMut() -> O,
) -> Stats {
    measure(name, goal_us, clock, || (), |()| run())
}

impl Stats {
    /// As JSON (what `cargo xtask bench` reads).
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "name": self.name, "goal_us": self.goal_us, "median_us": self.median_us,
            "p95_us": self.p95_us, "min_us": self.min_us, "samples": self.samples,
            "batch": self.batch,
        })
    }

    /// One line of a plain-text table.
    pub fn line(&self) -> String {
        let goal = match self.goal_us {
            Some(g) if self.median_us <= g => format!("≤ {} µs: met", fmt_us(g)),
            Some(g) => format!("≤ {} µs: MISSED ×{:.1}", fmt_us(g), self.median_us / g),
            None => String::new(),
        };
        format!(
            "{:<58} {:>11} {:>11} {:>11}  {goal}",
            self.name,
            fmt_us(self.median_us),
            fmt_us(self.p95_us),
            fmt_us(self.min_us)
        )
    }
}

/// A duration in µs, with three significant digits.
pub fn fmt_us(us: f64) -> String {
    match us {
        u if u >= 100.0 => format!("{u:.0}"),
        u if u >= 10.0 => format!("{u:.1}"),
        u => format!("{u:.2}"),
    }
}
